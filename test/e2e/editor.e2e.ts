// End-to-end test in a real VS Code: the web build that code-server bundles, driven
// in Debian's Chromium through playwright-core. It installs the packaged extension
// (`code-server --install-extension kehoach-<version>.vsix`), opens seed 000 as
// `ke-hoach.kh` in a Vietnamese UI and checks what a person sees: the diagnostics in
// the Problems panel and as squiggles, the status bar item, the Outline and the
// *Nhiệm vụ* view, the hover on a citation, the TextMate colouring and scopes.
// The in-editor API-level suite is test/suite/ (npm run test:editor).
//
//   npm run e2e:setup     # once (npm test does it too): chromium, ripgrep, fonts, code-server, playwright-core
//   npm run test:e2e      # packages the extension, then runs this file with tsx
//   npm run screenshots   # the same, then copies the best screenshots to docs/images/
//
// Not a mocha file (the name does not match test/**/*.test.ts): it starts its own
// processes; about 20 s once set up. Screenshots go to .vscode-test/screenshots/.
// KEEP_E2E_TMP=1 keeps the temporary workspace, profiles and logs.

import * as fs from 'fs';
import * as path from 'path';
import {
  checkTools,
  createProfile,
  E2EFailure,
  installVietnameseLocale,
  installVsix,
  openBrowser,
  Page,
  registerExtensions,
  removeProfile,
  ROOT,
  screenshot,
  Session,
  SHOTS,
  startCodeServer,
  vsixPath,
  waitFor,
} from './codeServer';

const SEED = path.join(ROOT, 'test', 'seeds', '000_089bb949c9e0a859.txt');
const FILE = 'ke-hoach.kh';
const DOC_IMAGES = path.join(ROOT, 'docs', 'images');
/** Screenshots worth showing in the README, refreshed by `npm run screenshots`. */
const FOR_DOCS = ['plan-outline.png', 'hover.png', 'problems.png', 'tasks-view.png'];

// Generous: the first start of code-server and of the extension host is slow on 2 cores.
const T_UI = 60_000;
const T_CHECK = 45_000;

// The page-side callbacks below run in the browser; the project compiles without the
// DOM library, so the little of the DOM they touch is declared here.
interface DomElement {
  innerText: string;
  textContent: string | null;
  className: string;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
declare const document: DomElement;
declare function getComputedStyle(element: DomElement): { color: string };

// ------------------------------------------------------------------ helpers
const t0 = Date.now();
let lastMark = t0;
function mark(what: string): void {
  const now = Date.now();
  console.log(`  ✓ ${what} (${((now - lastMark) / 1000).toFixed(1)} s)`);
  lastMark = now;
}

let reported = false; // the failure has been printed, with the logs

/** Text of every element matching `selector`, joined by newlines ('' when none). */
function textOf(page: Page, selector: string): Promise<string> {
  // NFC and plain spaces: the seed has decomposed tone marks, the editor renders U+00A0.
  return page
    .evaluate((sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => e.innerText).join('\n'), selector)
    .then((t) => t.normalize('NFC').replace(/\u00a0/g, ' '));
}

const shot = (page: Page, name: string) => screenshot(page, name);

/** The rows of the side-bar view titled `title` (expanded first if need be). */
async function paneRows(page: Page, titles: RegExp): Promise<string[] | null> {
  return page.evaluate((source: string) => {
    const re = new RegExp(source);
    const h = Array.from(document.querySelectorAll('.part.sidebar .pane-header')).find((e) => re.test(e.querySelector('h3.title')?.textContent?.trim() ?? ''));
    const body = h?.parentElement?.querySelector('.pane-body');
    const rows = Array.from(body?.querySelectorAll('.monaco-list-row') ?? []).map((r) => r.innerText.replace(/\s+/g, ' ').trim());
    return rows.length ? rows : null;
  }, titles.source);
}

async function expandPane(page: Page, titles: RegExp, label: string): Promise<void> {
  const expanded = await waitFor(
    `the "${label}" view in the Explorer`,
    () =>
      page.evaluate((source: string) => {
        const re = new RegExp(source);
        const h = Array.from(document.querySelectorAll('.part.sidebar .pane-header')).find((e) => re.test(e.querySelector('h3.title')?.textContent?.trim() ?? ''));
        return h ? h.getAttribute('aria-expanded') ?? 'false' : null;
      }, titles.source),
    T_CHECK,
  );
  if (expanded !== 'true') await page.locator(`.part.sidebar .pane-header:has(h3.title:text-matches("${titles.source}"))`).first().click();
}

// ------------------------------------------------------------------ the test
async function main(): Promise<void> {
  const vsix = vsixPath();
  checkTools([['the packaged extension', vsix, 'npm run package']]);
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.rmSync(path.join(SHOTS, 'failure.png'), { force: true });

  const profile = createProfile('kehoach-e2e-');
  const workspace = path.join(profile.tmp, 'workspace');
  fs.mkdirSync(workspace);
  fs.copyFileSync(SEED, path.join(workspace, FILE));
  const installed = await installVsix(profile, vsix);
  registerExtensions(profile.extensionsDir, [installVietnameseLocale(profile.extensionsDir, profile.userData)]);
  mark(`workspace and profile in ${profile.tmp}; ${installed.split('\n').pop()}`);

  let session: Session | undefined;
  let page: Page | undefined;
  let failed = true;
  try {
    session = await startCodeServer(profile, { locale: 'vi' });
    mark(`code-server listening on ${session.base}`);
    page = await openBrowser(session, profile, { locale: 'vi' });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    mark('Chromium started');

    await page.goto(`${session.base}/?folder=${encodeURIComponent(workspace)}`, { timeout: T_UI, waitUntil: 'domcontentloaded' });
    await waitFor('the workbench and the Explorer', async () => (await textOf(page!, '.explorer-folders-view')).includes(FILE), T_UI);
    await page.waitForTimeout(500); // let the first layout settle before typing
    await shot(page, 'workbench.png');
    mark('workbench loaded, ke-hoach.kh in the Explorer');

    // --------------------------------------------------------------- open the file: Quick Open
    await waitFor(
      'Quick Open (Ctrl+P) to list ke-hoach.kh',
      async () => {
        if (!(await page!.evaluate(() => !!document.querySelector('.quick-input-widget:not([style*="display: none"]) input'), null))) {
          await page!.keyboard.press('Control+P');
          await page!.waitForTimeout(300);
          await page!.keyboard.type(FILE);
        }
        return (await textOf(page!, '.quick-input-list .monaco-list-row')).includes(FILE);
      },
      T_UI,
      1000,
    );
    await page.keyboard.press('Enter');
    await waitFor(
      'the editor to show ke-hoach.kh',
      async () => (await textOf(page!, '.editor-instance .view-lines')).includes('KẾ HOẠCH'.normalize('NFC')),
      T_UI,
    );
    mark('ke-hoach.kh open in the editor (Quick Open)');

    // --------------------------------------------------------------- (b) status bar
    const status = await waitFor(
      'the status bar item "… nhiệm vụ · … thiếu chủ trì · … thiếu thời hạn"',
      async () => {
        const text = await textOf(page!, '.part.statusbar .statusbar-item');
        return text.split('\n').find((l) => /\d+ nhiệm vụ/.test(l));
      },
      T_CHECK,
    );
    console.log(`    status bar: ${status.trim()}`);
    const language = await textOf(page, '.part.statusbar #status\\.editor\\.mode');
    console.log(`    language mode: ${language.trim()}`);
    if (!/Kế hoạch|kehoach/.test(language)) throw new E2EFailure(`language mode is "${language.trim()}", not Kế hoạch`);
    await shot(page, 'editor.png');
    mark('status bar shows the task count');

    // --------------------------------------------------------------- (d) TextMate colouring
    const colouring = await waitFor(
      'TextMate colours on "II- NỘI DUNG VÀ GIẢI PHÁP KHẮC PHỤC" and "Công văn số 904-CV/TU"',
      () =>
        page!.evaluate(() => {
          const spans = Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line span[class^="mtk"]'));
          const plain = spans.find((s) => s.className === 'mtk1');
          if (!plain) return null;
          const base = getComputedStyle(plain).color;
          const coloured = (re: RegExp) => spans.filter((s) => re.test((s.textContent ?? '').normalize('NFC').replace(/\u00a0/g, ' ')) && getComputedStyle(s).color !== base);
          const heading = coloured(/NỘI DUNG VÀ GIẢI PHÁP|MỤC ĐÍCH/);
          const citation = coloured(/904-CV\/TU|Công văn/);
          if (!heading.length || !citation.length) return null;
          return {
            plain: base,
            heading: heading.map((s) => `${JSON.stringify(s.textContent)} ${s.className} ${getComputedStyle(s).color}`),
            citation: citation.map((s) => `${JSON.stringify(s.textContent)} ${s.className} ${getComputedStyle(s).color}`),
          };
        }, null),
      T_CHECK,
    );
    console.log(`    plain text colour ${colouring.plain}`);
    for (const s of [...colouring.heading, ...colouring.citation]) console.log(`    coloured ${s}`);
    mark('TextMate colouring on the part heading and the citation');

    // --------------------------------------------------------------- (a) diagnostics: squiggles + Problems
    await page.keyboard.press('Control+Shift+M');
    const problems = await waitFor(
      'the Problems panel to list "Số mục 1.2.4 bị trùng" and "Số mục 1.2.5 bị trùng"',
      async () => {
        const text = await textOf(page!, '.markers-panel');
        return text.includes('Số mục 1.2.4 bị trùng') && text.includes('Số mục 1.2.5 bị trùng') ? text : null;
      },
      T_CHECK,
    );
    for (const line of problems.split('\n').filter((l) => /Số mục|duplicate|section-order/.test(l))) console.log(`    problem: ${line.trim()}`);
    const badge = await textOf(page, '.part.statusbar #status\\.problems');
    console.log(`    problems in the status bar: ${badge.replace(/\s+/g, ' ').trim()}`);
    await shot(page, 'problems.png');
    mark('Problems panel lists the duplicate section numbers');

    // Clicking the problem's message (not its light bulb, which offers the quick fixes,
    // nor the rule link, which opens the rule's page) goes to line 77 and its squiggle.
    await page
      .locator('.markers-panel .monaco-list-row:has-text("1.2.4 bị trùng") .marker-message-details-container')
      .first()
      .click({ position: { x: 30, y: 8 } });
    const position = await waitFor(
      'the editor at line 77 with an error squiggle',
      async () => {
        const where = await textOf(page!, '.part.statusbar #status\\.editor\\.selection');
        const squiggles = await page!.evaluate(() => document.querySelectorAll('.editor-instance .squiggly-error').length, null);
        return /\b77\b/.test(where) && squiggles > 0 ? `${where.trim()}, ${squiggles} error squiggle(s) in view` : null;
      },
      T_CHECK,
    );
    console.log(`    ${position}`);
    await shot(page, 'squiggle.png');
    mark('problem opens line 77 with an error squiggle');

    // --------------------------------------------------------------- (c) the Nhiệm vụ view in the Explorer
    const header = '.part.sidebar .pane-header:has(h3.title:text-is("Nhiệm vụ")), .part.sidebar .pane-header:has(h3.title:text-is("Tasks"))';
    await waitFor('the "Nhiệm vụ" view in the Explorer', async () => (await page!.locator(header).count()) > 0, T_CHECK);
    const expanded = await page.evaluate(() => {
      const h = Array.from(document.querySelectorAll('.part.sidebar .pane-header')).find((e) => /^(Nhiệm vụ|Tasks)$/.test(e.querySelector('h3.title')?.textContent?.trim() ?? ''));
      return h?.getAttribute('aria-expanded') === 'true';
    }, null);
    if (!expanded) await page.locator(header).first().click();
    const tasks = await waitFor(
      'the "Nhiệm vụ" view to list tasks 1.1.x',
      () =>
        page!.evaluate(() => {
          const h = Array.from(document.querySelectorAll('.part.sidebar .pane-header')).find((e) => /^(Nhiệm vụ|Tasks)$/.test(e.querySelector('h3.title')?.textContent?.trim() ?? ''));
          const body = h?.parentElement?.querySelector('.pane-body');
          const rows = Array.from(body?.querySelectorAll('.monaco-list-row') ?? []).map((r) => r.innerText.replace(/\s+/g, ' ').trim());
          return rows.some((r) => r.startsWith('1.1.')) ? rows : null;
        }, null),
      T_CHECK,
    );
    for (const row of tasks.slice(0, 8)) console.log(`    task row: ${row}`);
    await shot(page, 'tasks-view.png');
    mark(`Nhiệm vụ view lists ${tasks.length} rows, the first ${tasks[0]}`);

    // --------------------------------------------------------------- (e) the Outline: parts, groups, tasks
    await expandPane(page, /^(Outline|Dàn ý)$/, 'Outline');
    const outline = await waitFor(
      'the Outline to list parts I–III',
      async () => {
        const rows = await paneRows(page!, /^(Outline|Dàn ý)$/);
        return rows && rows.some((r) => r.startsWith('I- MỤC ĐÍCH')) && rows.some((r) => r.startsWith('II- NỘI DUNG')) ? rows : null;
      },
      T_CHECK,
    );
    for (const row of outline.slice(0, 6)) console.log(`    outline row: ${row}`);
    await page.waitForTimeout(300); // the tree's expand animation
    await shot(page, 'plan-outline.png');
    mark(`Outline lists ${outline.length} rows, from "${outline[0]}"`);

    // --------------------------------------------------------------- (f) hover on a citation, its scopes
    await page.keyboard.press('Control+Shift+M'); // Problems away: more room for the editor
    await page.keyboard.press('Control+G');
    await page.waitForTimeout(300);
    await page.keyboard.type('67');
    await page.keyboard.press('Enter');
    const citation = page.locator('.editor-instance .view-lines span:text-is("05-NQ/TW")').first();
    await waitFor('line 67 with "05-NQ/TW" in view', async () => (await page!.locator('.editor-instance .view-lines span:text-is("05-NQ/TW")').count()) > 0, T_CHECK);
    const hover = await waitFor(
      'the hover on "05-NQ/TW" with its trích yếu',
      async () => {
        await citation.hover({ timeout: 2000 });
        const text = await textOf(page!, '.monaco-hover:not(.hidden) .hover-contents');
        return /Trích yếu: Về đổi mới, nâng cao hiệu lực công tác kiểm tra/.test(text) ? text : null;
      },
      T_CHECK,
      1000,
    );
    for (const line of hover.split('\n').filter((l) => l.trim()).slice(0, 4)) console.log(`    hover: ${line.trim()}`);
    await shot(page, 'hover.png');
    mark('hover on 05-NQ/TW shows the directive from the index');

    // The grammar's scopes as VS Code reports them: Developer: Inspect Editor Tokens and Scopes.
    await citation.click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.waitForTimeout(300);
    await page.keyboard.type('Inspect Editor Tokens and Scopes');
    await waitFor('the command "Inspect Editor Tokens and Scopes"', async () => (await textOf(page!, '.quick-input-list .monaco-list-row')).includes('Inspect Editor Tokens'), T_CHECK);
    await page.keyboard.press('Enter');
    const scopes = await waitFor(
      'the token inspector to show meta.citation.kehoach on 05-NQ/TW',
      async () => {
        const text = await textOf(page!, '.token-inspect-widget');
        return /05-NQ\/TW/.test(text) && /meta\.citation\.kehoach/.test(text) ? text : null;
      },
      T_CHECK,
    );
    const scopeLines = scopes.split('\n').filter((l) => /kehoach/.test(l));
    console.log(`    scopes: ${scopeLines.map((l) => l.trim()).join(' | ')}`);
    if (!scopeLines.some((l) => /constant\.other\.document-number\.kehoach/.test(l))) {
      throw new E2EFailure(`05-NQ/TW lacks the document-number scope: ${scopeLines.join(' | ')}`);
    }
    await shot(page, 'scopes.png');
    await page.keyboard.press('Escape');
    mark('the grammar scopes 05-NQ/TW as meta.citation.kehoach constant.other.document-number.kehoach');

    if (pageErrors.length) console.log(`    (page errors, not failures: ${pageErrors.slice(0, 3).join(' | ')})`);
    failed = false;
  } catch (err) {
    if (page) await shot(page, 'failure.png').catch(() => undefined);
    console.error(`\nE2E FAILED: ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof E2EFailure) && err instanceof Error && err.stack) console.error(err.stack);
    if (session) console.error(session.logTail());
    console.error(`--- VS Code logs: ${path.join(profile.userData, 'logs')}`);
    reported = true;
    throw err;
  } finally {
    await session?.close();
    removeProfile(profile, failed);
  }
  if (process.argv.includes('--update-docs')) {
    fs.mkdirSync(DOC_IMAGES, { recursive: true });
    for (const name of FOR_DOCS) fs.copyFileSync(path.join(SHOTS, name), path.join(DOC_IMAGES, name));
    console.log(`  screenshots copied to ${path.relative(ROOT, DOC_IMAGES)}/: ${FOR_DOCS.join(', ')}`);
  }
}

/** Run alone, this file ends with its own total line; under `npm test` only the run's total is such a line (CI reads it). */
const total = (line: string) => {
  if (!process.env.KEHOACH_TEST_RUNNER) console.log(line);
};

main().then(
  () => {
    console.log(`\ne2e: all checks passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    total('1 passed, 0 failed');
    process.exit(0);
  },
  (err: unknown) => {
    if (!reported) console.error(`\nE2E FAILED: ${err instanceof Error ? (err instanceof E2EFailure ? err.message : err.stack) : String(err)}`);
    console.error(`\ne2e: failed after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    total('0 passed, 1 failed');
    process.exit(1);
  },
);
