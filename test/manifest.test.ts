// The extension manifest, its localisation and the client's runtime strings
// agree with each other and with the code.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS, RULES } from '../server/src/core/rules';
import { ROOT } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nlsEn: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const nlsVi: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.vi.json'), 'utf8'));
const bundleVi: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.vi.json'), 'utf8'));

function walk(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

const clientFiles = walk(path.join(ROOT, 'client', 'src'), /\.ts$/);
const serverFiles = walk(path.join(ROOT, 'server', 'src'), /\.ts$/);
const read = (f: string) => fs.readFileSync(f, 'utf8');

/** Every `%key%` string anywhere in the manifest. */
function nlsKeys(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') {
    const m = /^%([^%\s]+)%$/.exec(v);
    if (m) out.add(m[1]);
  } else if (Array.isArray(v)) v.forEach((x) => nlsKeys(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => nlsKeys(x, out));
  return out;
}

/** The first argument of every `l10n.t(…)` call: must be a string literal. */
function l10nKeys(source: string, file: string): string[] {
  const keys: string[] = [];
  const call = /\bl10n\.t\(\s*/g;
  let m: RegExpExecArray | null;
  while ((m = call.exec(source))) {
    const rest = source.slice(m.index + m[0].length);
    const lit = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1/.exec(rest);
    assert.ok(lit, `${path.relative(ROOT, file)}: l10n.t must be called with a string literal: ${rest.slice(0, 60)}`);
    // Unescape the way the JS parser would for simple literals.
    keys.push(JSON.parse(`"${lit[2].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`));
  }
  return keys;
}

const contributed = new Set<string>((pkg.contributes.commands ?? []).map((c: { command: string }) => c.command));

describe('package.json manifest', () => {
  it('has every %key% in package.nls.json and package.nls.vi.json, with text', () => {
    const keys = [...nlsKeys(pkg)];
    assert.ok(keys.length > 20, `only ${keys.length} keys`);
    for (const k of keys) {
      assert.ok(nlsEn[k]?.trim(), `package.nls.json lacks "${k}"`);
      assert.ok(nlsVi[k]?.trim(), `package.nls.vi.json lacks "${k}"`);
    }
  });

  it('has no unused or untranslated nls keys', () => {
    const used = nlsKeys(pkg);
    assert.deepEqual(Object.keys(nlsEn).filter((k) => !used.has(k)), []);
    assert.deepEqual(Object.keys(nlsVi).sort(), Object.keys(nlsEn).sort());
    for (const k of Object.keys(nlsVi)) {
      assert.equal(nlsVi[k], nlsVi[k].normalize('NFC'), `${k} is not NFC`);
      // Vietnamese text carries Vietnamese letters (or is a proper name).
      if (!/^command\.|^config\.trace/.test(k) || nlsVi[k].length > 20) {
        assert.match(nlsVi[k], /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i, `${k} looks untranslated`);
      }
    }
  });

  it('localises titles, descriptions and view names', () => {
    for (const c of pkg.contributes.commands) {
      assert.match(c.title, /^%command\.[\w.]+%$/, c.command);
      assert.equal(c.category, 'Kế hoạch', c.command);
    }
    for (const [id, p] of Object.entries<Record<string, unknown>>(pkg.contributes.configuration.properties)) {
      const text = (p.markdownDescription ?? p.description) as string;
      assert.match(text, /^%config\.[\w.-]+%$/, id);
    }
    const view = pkg.contributes.views.explorer.find((v: { id: string }) => v.id === 'kehoach.tasks');
    assert.ok(view, 'the kehoach.tasks view is contributed to the Explorer');
    assert.equal(view.name, '%view.tasks%');
    assert.equal(nlsVi['view.tasks'], 'Nhiệm vụ');
    assert.ok(pkg.contributes.viewsWelcome.some((w: { view: string }) => w.view === 'kehoach.tasks'));
    assert.equal(pkg.l10n, './l10n');
    // Shipped: .vscodeignore lets them through (test/vsix.test.ts checks the package itself).
    const shipped = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    assert.ok(shipped.includes('!l10n/') && shipped.includes('!package.nls.vi.json'));
  });

  it('contributes every command the client registers, runs or puts in a menu', () => {
    // Where a command id stands in code: `command: 'kehoach.x'` or `command: X`
    // with `const X = 'kehoach.x'`, executeCommand, registerCommand,
    // Command.create(title, …), and the COMMANDS table of client/src/commands.ts.
    const sources = [...clientFiles, ...serverFiles].map(read);
    const constants = new Map<string, string>();
    for (const src of sources) {
      for (const m of src.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*['"](kehoach\.\w+)['"]/g)) constants.set(m[1], m[2]);
    }
    const resolve = (token: string): string | undefined => {
      const lit = /^['"](kehoach\.\w+)['"]$/.exec(token.trim());
      return lit ? lit[1] : constants.get(token.trim());
    };
    const used = new Set<string>();
    const serverExecuted = new Set<string>();
    for (const src of sources) {
      const refs = /(?:\bcommand\s*:\s*|executeCommand\(\s*|registerCommand\(\s*|Command\.create\([^()]*?,\s*)(['"]kehoach\.\w+['"]|[A-Z][A-Z0-9_]*\b)/g;
      for (const m of src.matchAll(refs)) {
        const id = resolve(m[1]);
        if (id) used.add(id);
      }
      for (const m of src.matchAll(/executeCommandProvider\s*:\s*\{\s*commands\s*:\s*\[([^\]]*)\]/g)) {
        for (const token of m[1].split(',')) {
          const id = resolve(token);
          if (id) serverExecuted.add(id);
        }
      }
    }
    const table = /export const COMMANDS = \{([^}]*)\}/.exec(read(path.join(ROOT, 'client', 'src', 'commands.ts')));
    assert.ok(table, 'COMMANDS table in client/src/commands.ts');
    const clientCommands = [...table[1].matchAll(/['"](kehoach\.\w+)['"]/g)].map((m) => m[1]);
    for (const id of clientCommands) used.add(id);
    for (const id of ['kehoach.exportAssignmentTable', 'kehoach.disableRule', 'kehoach.openRuleDoc', 'kehoach.revealTask', 'kehoach.showOutput', 'kehoach.reloadIndex']) {
      assert.ok(clientCommands.includes(id), `${id} is not in the client's COMMANDS table`);
    }
    // Commands the server executes are registered by the client library; the
    // extension must not register them a second time.
    for (const id of serverExecuted) {
      assert.ok(!clientCommands.includes(id), `${id} is executed by the server and must not be registered by the client`);
      used.delete(id);
    }
    for (const id of used) assert.ok(contributed.has(id), `${id} is used in code but not contributed`);
    // registerCommand calls, through the COMMANDS table.
    const registered = read(path.join(ROOT, 'client', 'src', 'commands.ts'));
    for (const id of contributed) assert.ok(registered.includes(`'${id}'`), `${id} is contributed but not registered`);
    for (const [menu, entries] of Object.entries<{ command: string }[]>(pkg.contributes.menus ?? {})) {
      for (const e of entries) assert.ok(contributed.has(e.command), `${menu}: ${e.command} is not contributed`);
    }
    for (const w of pkg.contributes.viewsWelcome ?? []) {
      for (const lang of [nlsEn, nlsVi]) {
        const text = w.contents.startsWith('%') ? lang[w.contents.slice(1, -1)] : w.contents;
        for (const m of text.matchAll(/command:(kehoach\.[\w]+)/g)) assert.ok(contributed.has(m[1]), `welcome links ${m[1]}`);
      }
    }
  });

  it('lists every rule under kehoach.rules with its levels and default severity', () => {
    const rules = pkg.contributes.configuration.properties['kehoach.rules'];
    assert.deepEqual(Object.keys(rules.properties).sort(), [...RULE_IDS].sort());
    for (const rule of RULES) {
      const p = rules.properties[rule.id];
      assert.deepEqual(p.enum, ['off', 'error', 'warning', 'info', 'hint'], rule.id);
      const expected = rule.defaultSeverity === 'information' ? 'info' : rule.defaultSeverity;
      assert.equal(p.default, expected, rule.id);
      assert.equal(rules.default[rule.id], expected, rule.id);
      // kehoach.openRuleDoc opens docs/rules/<id>.md from the extension folder.
      assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
      assert.ok(fs.existsSync(path.join(ROOT, rule.docs)), rule.docs);
    }
  });

  it('declares the settings the server reads', () => {
    const props = Object.keys(pkg.contributes.configuration.properties);
    for (const id of [
      'kehoach.rules', 'kehoach.index.files', 'kehoach.detectPlans', 'kehoach.maxFileSize', 'kehoach.locality', 'kehoach.trace.server',
      'kehoach.labels.lead', 'kehoach.labels.deadline', 'kehoach.labels.coordination', 'kehoach.labels.executor',
      'kehoach.labels.advisor', 'kehoach.labels.oversight', 'kehoach.labels.content', 'kehoach.labels.solution',
    ]) {
      assert.ok(props.includes(id), id);
    }
    for (const id of props.filter((p) => p.startsWith('kehoach.labels.'))) {
      const p = pkg.contributes.configuration.properties[id];
      assert.equal(p.type, 'array', id);
      assert.deepEqual(p.items, { type: 'string' }, id);
    }
  });
});

describe('client runtime strings (vscode.l10n)', () => {
  const keys = new Set(clientFiles.flatMap((f) => l10nKeys(read(f), f)));

  it('finds the strings in the source', () => {
    assert.ok(keys.size >= 15, `only ${keys.size} strings found`);
    assert.ok(keys.has('$(checklist) {0} tasks · {1} without lead · {2} without deadline'));
  });

  it('has a Vietnamese translation for every string, with the same placeholders', () => {
    for (const k of keys) {
      const vi = bundleVi[k];
      assert.ok(vi?.trim(), `l10n/bundle.l10n.vi.json lacks "${k}"`);
      const holes = (s: string) => [...s.matchAll(/\{\d+\}|\$\([\w-]+\)/g)].map((m) => m[0]).sort();
      assert.deepEqual(holes(vi), holes(k), k);
    }
  });

  it('has no stale translations', () => {
    assert.deepEqual(Object.keys(bundleVi).filter((k) => !keys.has(k)), []);
  });

  it('writes the status bar the way drafting staff read it', () => {
    const template = bundleVi['$(checklist) {0} tasks · {1} without lead · {2} without deadline'];
    const text = template.replace('{0}', '9').replace('{1}', '1').replace('{2}', '0');
    assert.equal(text, '$(checklist) 9 nhiệm vụ · 1 thiếu chủ trì · 0 thiếu thời hạn');
    assert.equal(bundleVi['No lead agency'], 'Chưa có cơ quan chủ trì');
    assert.equal(bundleVi['No deadline'], 'Chưa có thời gian');
    assert.equal(bundleVi['Lead: {0}'], 'Chủ trì: {0}');
    assert.equal(bundleVi['Deadline: {0}'], 'Thời gian: {0}');
  });
});
