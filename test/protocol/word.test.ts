// kehoach/checkWord, kehoach/annotateWord, kehoach/importWord and
// kehoach/exportWord over stdio: what the editor's Word commands ask for.
// Needs `node esbuild.js` first (dist/server.js).

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { seed, SEEDS, FORM_OFF } from '../helpers';
import { docxOfLines } from '../docx/build';
import { SERVER, startServer, TestClient } from './lspClient';

interface Finding {
  code: string;
  severity: string;
  message: string;
  place: string;
  quote: string;
}

describe('language server: Word requests', function () {
  this.timeout(30_000);
  let client: TestClient;
  let tmp: string;
  let docx: string;
  const uri = (file: string) => pathToFileURL(file).href;

  before(async () => {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (npm run build)');
    client = await startServer({ configuration: { rules: FORM_OFF } });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-lsp-word-'));
    docx = path.join(tmp, 'ke-hoach.docx');
    fs.writeFileSync(docx, docxOfLines(seed(SEEDS.plan000)));
  });
  after(async () => {
    await client?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('checks a .docx: the four findings with their paragraphs and quotes', async () => {
    const r = await client.connection.sendRequest<{ findings: Finding[] }>('kehoach/checkWord', { uri: uri(docx) });
    assert.deepEqual(r.findings.map((f) => `${f.code} ${f.place}`), ['duplicate-section-number đoạn 77', 'section-order đoạn 77', 'duplicate-section-number đoạn 79', 'section-order đoạn 79']);
    assert.match(r.findings[0].quote, /^1\.2\.4\. Cơ quan phối hợp/);
    assert.match(r.findings[0].message, /đã dùng ở đoạn 55/);
  });

  it('writes a commented copy, and refuses to write over the original', async () => {
    const target = path.join(tmp, 'ke-hoach.nhan-xet.docx');
    const r = await client.connection.sendRequest<{ comments: number }>('kehoach/annotateWord', { uri: uri(docx), target: uri(target) });
    assert.equal(r.comments, 4);
    assert.ok(fs.statSync(target).size > 1000);
    await assert.rejects(client.connection.sendRequest('kehoach/annotateWord', { uri: uri(docx), target: uri(docx) }), /khác tệp gốc/);
  });

  it('imports a .docx as text and exports an open plan as .docx', async () => {
    const { text } = await client.connection.sendRequest<{ text: string }>('kehoach/importWord', { uri: uri(docx) });
    assert.match(text, /^1\.2\.4\. Cơ quan phối hợp/m);
    const plan = uri(path.join(tmp, 'ke-hoach.kh'));
    client.open(plan, seed(SEEDS.plan002), 'kehoach');
    const out = path.join(tmp, 'xuat.docx');
    await client.connection.sendRequest('kehoach/exportWord', { uri: plan, target: uri(out), format: 'docx' });
    const back = await client.connection.sendRequest<{ findings: Finding[] }>('kehoach/checkWord', { uri: uri(out) });
    assert.deepEqual(back.findings, []);
    assert.ok(fs.statSync(out).size > 5000);
  });

  it('answers a broken file and a document that is not open with a message, not a crash', async () => {
    const broken = path.join(tmp, 'hong.docx');
    fs.writeFileSync(broken, 'không phải zip');
    await assert.rejects(client.connection.sendRequest('kehoach/checkWord', { uri: uri(broken) }), /không phải gói zip/);
    await assert.rejects(client.connection.sendRequest('kehoach/exportWord', { uri: 'file:///khong-mo.kh', target: uri(path.join(tmp, 'x.docx')), format: 'docx' }), /chưa được mở/);
    // The server still answers.
    const r = await client.connection.sendRequest<{ findings: Finding[] }>('kehoach/checkWord', { uri: uri(docx) });
    assert.equal(r.findings.length, 4);
  });
});

describe('language server: the Word code is its own bundle (dist/word.js)', function () {
  this.timeout(30_000);
  it('the built server holds no Word code, and loads it on the first .docx', async () => {
    const word = path.join(path.dirname(SERVER), 'word.js');
    assert.ok(fs.existsSync(word), 'dist/word.js is built (npm run build)');
    assert.ok(fs.readFileSync(word, 'utf8').includes('commentRangeStart'), 'dist/word.js holds the Word writer');
    assert.ok(!fs.readFileSync(SERVER, 'utf8').includes('commentRangeStart'), 'dist/server.js does not bundle the Word writer');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-lsp-word-bundle-'));
    const client = await startServer({ spawn: true, configuration: { rules: FORM_OFF } });
    try {
      const docx = path.join(tmp, 'ke-hoach.docx');
      fs.writeFileSync(docx, docxOfLines(seed(SEEDS.plan000)));
      const r = await client.connection.sendRequest<{ findings: Finding[] }>('kehoach/checkWord', { uri: pathToFileURL(docx).href });
      assert.deepEqual(r.findings.map((f) => f.code), ['duplicate-section-number', 'section-order', 'duplicate-section-number', 'section-order']);
    } finally {
      await client.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
