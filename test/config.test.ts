// `.kehoach/config.json`: parsed with comments, found walking up, and merged
// under the editor's settings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../server/src/cli/main';
import { findConfigRoot, mergeConfig, parseConfigText } from '../server/src/config/workspaceConfig';
import { readSettings } from '../server/src/lsp/settings';

describe('workspace configuration file', () => {
  it('reads JSON with comments and trailing commas', () => {
    const r = parseConfigText('{\n  // tắt thứ tự\n  "rules": { "section-order": "off", },\n}\n', 'c.json');
    assert.deepStrictEqual(r.problems, []);
    assert.deepStrictEqual(r.raw, { rules: { 'section-order': 'off' } });
    assert.strictEqual(readSettings(r.raw).rules['section-order'], 'off');
  });
  it('reports broken JSON with its line and column, and gives no settings', () => {
    const r = parseConfigText('{\n  "rules": { "section-order" "off" }\n}', 'c.json');
    assert.strictEqual(r.problems.length > 0, true);
    assert.deepStrictEqual([r.problems[0].line, r.problems[0].file], [2, 'c.json']);
    assert.match(r.problems[0].message.vi, /JSON không hợp lệ/);
    assert.deepStrictEqual(r.raw, {});
  });
  it('refuses a file that is not an object', () => {
    const r = parseConfigText('[1, 2]', 'c.json');
    assert.match(r.problems[0].message.en, /JSON object/);
  });
  it('finds the nearest .kehoach/config.json walking up', () => {
    const have = new Set([path.join('/ws', '.kehoach', 'config.json'), path.join('/ws/sub', '.kehoach', 'config.json')]);
    const find = (dir: string) => findConfigRoot(dir, (p) => have.has(p), path.join, path.dirname);
    assert.strictEqual(find('/ws/sub/deeper'), '/ws/sub');
    assert.strictEqual(find('/ws/other'), '/ws');
    assert.strictEqual(find('/elsewhere'), undefined);
  });
  describe('merge under the editor settings', () => {
    const file = { rules: { 'section-order': 'off' }, labels: { lead: ['Đơn vị đầu mối'] }, index: { files: ['a.json'] }, maxFileSize: 2 };
    it('an editor value at its default leaves the file value', () => {
      const editor = { rules: { 'section-order': 'warning', 'missing-deadline': 'error' }, maxFileSize: 5, detectPlans: true, index: { files: [] }, labels: { lead: [] } };
      const m = mergeConfig(file, editor);
      assert.deepStrictEqual(m.rules, { 'section-order': 'off', 'missing-deadline': 'error' });
      assert.strictEqual(m.maxFileSize, 2);
      assert.deepStrictEqual(m.labels, { lead: ['Đơn vị đầu mối'] });
      assert.deepStrictEqual(m.index, { files: ['a.json'] });
    });
    it('an editor value the user changed wins; lists from both are read', () => {
      const editor = { rules: { 'section-order': 'error' }, maxFileSize: 8, detectPlans: false, index: { files: ['b.json', 'a.json'] }, labels: { lead: ['Cơ quan đầu mối'] } };
      const m = mergeConfig(file, editor);
      assert.deepStrictEqual(m.rules, { 'section-order': 'error' });
      assert.strictEqual(m.maxFileSize, 8);
      assert.strictEqual(m.detectPlans, false);
      assert.deepStrictEqual(m.index, { files: ['a.json', 'b.json'] });
      assert.deepStrictEqual(m.labels, { lead: ['Đơn vị đầu mối', 'Cơ quan đầu mối'] });
    });
    it('no editor settings (the command line): the file as it is', () => {
      assert.deepStrictEqual(mergeConfig(file, undefined), file);
    });
  });
});

describe('JSON schema of .kehoach/config.json', () => {
  it('is what npm run build:schema writes from the contributed settings', () => {
    const r = require('child_process').spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-config-schema.mjs'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
  });
  it('is contributed for the file, and holds every key readSettings reads', () => {
    const root = path.join(__dirname, '..');
    const pkg = require(path.join(root, 'package.json'));
    const schema = require(path.join(root, 'schemas', 'kehoach-config.schema.json'));
    assert.deepStrictEqual(pkg.contributes.jsonValidation, [{ fileMatch: '**/.kehoach/config.json', url: './schemas/kehoach-config.schema.json' }]);
    for (const key of ['rules', 'index', 'detectPlans', 'maxFileSize', 'labels']) assert.ok(schema.properties[key], key);
    assert.ok(schema.properties.index.properties.files);
    assert.strictEqual(schema.properties.trace, undefined);
  });
});

describe('a wrong value in .kehoach/config.json, on the command line', () => {
  it('is one usage line in the language asked for, naming the file (exit 2)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-config-'));
    try {
      fs.mkdirSync(path.join(dir, '.kehoach'));
      fs.writeFileSync(path.join(dir, '.kehoach', 'config.json'), '{ "rules": { "no-such-rule": "off" } }');
      fs.writeFileSync(path.join(dir, 'plan.kh'), 'KẾ HOẠCH\n');
      for (const [lang, said] of [['vi', /config\.json: kehoach\.rules: không có quy tắc "no-such-rule"/], ['en', /config\.json: kehoach\.rules: no rule "no-such-rule"/]] as const) {
        const err: string[] = [];
        const code = await main(['check', dir, '--lang', lang], () => undefined, (s) => err.push(s));
        assert.equal(code, 2);
        assert.equal(err.length, 1, err.join('\n'));
        assert.match(err[0], said);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('detectPlans in .kehoach/config.json, on the command line (as in the editor)', () => {
  it('false: a folder\'s Markdown and plain text are not checked, its .kh files are; a file named is checked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-detect-'));
    try {
      fs.mkdirSync(path.join(dir, '.kehoach'));
      fs.writeFileSync(path.join(dir, '.kehoach', 'config.json'), '{ "detectPlans": false }');
      const plan = fs.readFileSync(path.join(__dirname, 'seeds', '000_089bb949c9e0a859.txt'), 'utf8');
      for (const name of ['a.txt', 'b.kh', 'c.md']) fs.writeFileSync(path.join(dir, name), plan);
      const files = async (...args: string[]) => {
        const out: string[] = [];
        await main(['check', '--format', 'json', ...args], (s) => out.push(s), () => undefined);
        return (JSON.parse(out.join('\n')) as { file: string }[]).map((r) => path.basename(r.file));
      };
      assert.deepEqual(await files(dir), ['b.kh']);
      assert.deepEqual(await files(path.join(dir, 'a.txt')), ['a.txt']);
      fs.writeFileSync(path.join(dir, '.kehoach', 'config.json'), '{}');
      assert.deepEqual(await files(dir), ['a.txt', 'b.kh', 'c.md']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
