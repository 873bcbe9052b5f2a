// Index files in a running server: a watcher event makes the server read the
// file it names and no other; the others' parsed results are kept. The reads
// are counted through the server's injected index source (in-process server).

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { bundledIndex } from '../../server/src/node/bundledIndex';
import { DISK, IndexFiles, IndexSource } from '../../server/src/node/indexCache';
import { startServer, TestClient } from './lspClient';

const PLAN =
  'TỈNH ỦY BẮC GIANG\n\nKẾ HOẠCH\n\nCăn cứ Nghị quyết số 77-NQ/ĐU ngày 01/02/2026;\nCăn cứ Nghị quyết số 88-NQ/ĐU ngày 05/3/2026;\nCăn cứ Nghị quyết số 99-NQ/ĐU ngày 01/4/2026.\n';

const unknownCount = (d: { code?: unknown }[]) => d.filter((x) => x.code === 'unknown-directive').length;

async function until(cond: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('language server: only the changed index file is read again', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient;
  const reads: string[] = [];
  const counting: IndexSource = {
    read: (file) => {
      reads.push(path.basename(file));
      return DISK.read(file);
    },
    stamp: DISK.stamp,
  };
  const json = () => path.join(dir, '.kehoach', 'directives.json');
  const csv = () => path.join(dir, 'extra.csv');
  const reloads = () => client.logs.filter((l) => l.includes('Danh mục văn bản:')).length;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-reload-'));
    fs.mkdirSync(path.join(dir, '.kehoach'));
    fs.writeFileSync(json(), JSON.stringify({ version: 1, entries: [{ number: '77-NQ/ĐU', date: '2026-02-01', type: 'Nghị quyết' }] }));
    fs.writeFileSync(csv(), 'number,date,type\n88-NQ/ĐU,05/3/2026,Nghị quyết\n');
  });
  after(async () => {
    await client?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads each file once at start, then only the file a watcher event names', async () => {
    client = await startServer({
      rootUri: pathToFileURL(dir).toString(),
      configuration: { index: { files: ['extra.csv'] } },
      host: { indexFiles: new IndexFiles(bundledIndex(), counting) },
    });
    const planUri = pathToFileURL(path.join(dir, 'plan.kh')).toString();
    client.open(planUri, PLAN);
    // 77 and 88 are known from the two files, 99 from neither.
    await client.waitForDiagnostics(planUri, (d) => unknownCount(d) === 1);
    assert.deepEqual([...new Set(reads)].sort(), ['directives.json', 'extra.csv']);
    assert.equal(reads.filter((r) => r === 'extra.csv').length, 1, `extra.csv read once, not at every reload: ${reads.join(', ')}`);

    // The JSON file changes and the watcher says so: it alone is read.
    reads.length = 0;
    fs.writeFileSync(
      json(),
      JSON.stringify({
        version: 1,
        entries: [
          { number: '77-NQ/ĐU', date: '2026-02-01', type: 'Nghị quyết' },
          { number: '99-NQ/ĐU', date: '2026-04-01', type: 'Nghị quyết' },
        ],
      }),
    );
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(json()).toString(), type: 2 }] });
    await client.waitForDiagnostics(planUri, (d) => unknownCount(d) === 0);
    assert.deepEqual(reads, ['directives.json']);

    // A configuration change that leaves the files as they are reads none of them.
    reads.length = 0;
    const before = reloads();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await until(() => reloads() > before, 'the reload after the configuration change');
    assert.deepEqual(reads, []);

    // The CSV changes (88 goes): it alone is read, and 88 is unknown again while 77 and 99 stay known.
    reads.length = 0;
    fs.writeFileSync(csv(), 'number,date,type\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv()).toString(), type: 2 }] });
    const after = await client.waitForDiagnostics(planUri, (d) => d.some((x) => x.code === 'unknown-directive' && String(x.message).includes('88-NQ/ĐU')));
    assert.equal(unknownCount(after.diagnostics), 1);
    assert.deepEqual(reads, ['extra.csv']);

    // The reload command reads every file again.
    reads.length = 0;
    const beforeReload = reloads();
    await client.connection.sendNotification('kehoach/reloadIndex');
    await until(() => reloads() > beforeReload, 'the reload asked for');
    assert.deepEqual([...reads].sort(), ['directives.json', 'extra.csv']);
  });
});

describe('IndexFiles', () => {
  const file = path.join(os.tmpdir(), `kehoach-cache-${process.pid}.csv`);
  afterEach(() => fs.rmSync(file, { force: true }));

  it('keeps a parsed file while its stamp holds, reads it again when the stamp changes or it is forgotten', () => {
    let reads = 0;
    let stamp = 'a';
    const files = new IndexFiles(bundledIndex(), { read: (f) => (reads++, DISK.read(f)), stamp: () => stamp });
    fs.writeFileSync(file, 'number,date\n5-NQ/TU,2021-06-08\n');
    const first = files.load(file);
    assert.equal(first.index.size, 1);
    assert.equal(files.load(file), first);
    assert.equal(reads, 1);
    stamp = 'b';
    files.load(file);
    assert.equal(reads, 2);
    files.forget(file);
    files.load(file);
    assert.equal(reads, 3);
  });

  it('reuses the merged index while no file changed, and merges again when one did', () => {
    let stamp = 'a';
    const files = new IndexFiles(bundledIndex(), { read: DISK.read, stamp: () => stamp });
    fs.writeFileSync(file, 'number,date\n5-NQ/TU,2021-06-08\n');
    const a = files.indexOf([file]).index;
    assert.equal(files.indexOf([file]).index, a);
    assert.ok(a.has('5-NQ/TU', '2021-06-08'));
    fs.writeFileSync(file, 'number,date\n6-NQ/TU,2021-06-08\n');
    stamp = 'b';
    const b = files.indexOf([file]).index;
    assert.notEqual(b, a);
    assert.ok(b.has('6-NQ/TU', '2021-06-08'));
    assert.ok(!b.has('5-NQ/TU', '2021-06-08'));
  });
});
