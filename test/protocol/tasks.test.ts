// kehoach/tasks, kehoach/assignmentTable and kehoach/reloadIndex over stdio.
// Needs `node esbuild.js` first (dist/server.js).

import assert from 'node:assert/strict';
import * as fs from 'fs';
import { seed, SEEDS } from '../helpers';
import { SERVER, startServer, TestClient } from './lspClient';
import type { AssignmentTableResult, TaskListResult } from '../../server/src/core/features/taskList';

const URI_000 = 'file:///tmp/kehoach-test/000.kh';
const URI_002 = 'file:///tmp/kehoach-test/002.md';
const URI_LETTER = 'file:///tmp/kehoach-test/001.md';

describe('language server: kehoach/tasks and kehoach/assignmentTable', function () {
  let client: TestClient;

  before(async function () {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (npm run build)');
    client = await startServer();
  });

  after(async () => {
    await client?.close();
  });

  const tasks = (uri: string) => client.connection.sendRequest<TaskListResult>('kehoach/tasks', { uri });

  it('lists the tasks of seed 000 with heading ranges', async () => {
    client.open(URI_000, seed(SEEDS.plan000), 'kehoach');
    const r = await tasks(URI_000);
    assert.equal(r.isPlan, true);
    assert.deepEqual(r.counts, { tasks: 8, missingLead: 0, missingDeadline: 0 });
    assert.equal(r.tasks[3].number, '1.4');
    assert.equal(r.tasks[3].leadStatus, 'collective');
    assert.equal(r.tasks[3].lead, 'Các ban, cơ quan của Đảng ủy');
    const lines = seed(SEEDS.plan000).split(/\r?\n/);
    for (const t of r.tasks) {
      const line = lines[t.selectionRange.start.line];
      assert.ok(line.slice(t.selectionRange.start.character).startsWith(t.number), `${t.number}: ${line}`);
      assert.ok(t.range.start.line <= t.selectionRange.start.line && t.range.end.line >= t.selectionRange.end.line);
    }
  });

  it('follows edits: removing the Tham mưu line of task 5 in 002 counts one missing lead', async () => {
    const text = seed(SEEDS.plan002);
    client.open(URI_002, text, 'markdown');
    const before = await tasks(URI_002);
    assert.equal(before.isPlan, true);
    assert.deepEqual(before.counts, { tasks: 5, missingLead: 0, missingDeadline: 0 });
    const lines = text.split('\n');
    const five = lines.findIndex((l) => l.startsWith('5. '));
    const thamMuu = lines.findIndex((l, i) => i > five && /Tham mưu/.test(l));
    client.change(URI_002, 2, [{ range: { start: { line: thamMuu, character: 0 }, end: { line: thamMuu + 1, character: 0 } }, text: '' }]);
    const after = await tasks(URI_002);
    assert.deepEqual(after.counts, { tasks: 5, missingLead: 1, missingDeadline: 0 });
    assert.equal(after.tasks[4].leadStatus, 'missing');
    assert.equal(after.tasks[4].lead, null);
  });

  it('answers isPlan false for a letter, and for a document that is not open', async () => {
    client.open(URI_LETTER, seed(SEEDS.letter001), 'markdown');
    const letter = await tasks(URI_LETTER);
    assert.equal(letter.isPlan, false);
    assert.deepEqual(letter.tasks, []);
    const unknown = await tasks('file:///tmp/kehoach-test/nowhere.kh');
    assert.deepEqual(unknown, { isPlan: false, tasks: [], counts: { tasks: 0, missingLead: 0, missingDeadline: 0 } });
    const garbage = await client.connection.sendRequest<TaskListResult>('kehoach/tasks', null);
    assert.equal(garbage.isPlan, false);
  });

  it('exports the assignment table as Markdown and CSV', async () => {
    const md = await client.connection.sendRequest<AssignmentTableResult>('kehoach/assignmentTable', { uri: URI_000, format: 'md' });
    assert.ok(md.content.startsWith('## Biểu phân công thực hiện'), md.content.slice(0, 80));
    assert.ok(md.content.includes('| 1.4 | Công tác phối hợp'));
    assert.ok(md.content.includes('Các ban, cơ quan của Đảng ủy'));
    const csv = await client.connection.sendRequest<AssignmentTableResult>('kehoach/assignmentTable', { uri: URI_000, format: 'csv' });
    assert.ok(csv.content.startsWith('\ufeffTT,Nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện\r\n'));
    assert.equal(csv.content.trim().split('\r\n').length, 9);
  });

  it('answers an error for a document that is not open', async () => {
    await assert.rejects(
      client.connection.sendRequest('kehoach/assignmentTable', { uri: 'file:///tmp/kehoach-test/nowhere.kh', format: 'md' }),
      /chưa được mở/,
    );
  });

  it('reloads the index on kehoach/reloadIndex and keeps serving', async () => {
    const logged = client.logs.length;
    await client.connection.sendNotification('kehoach/reloadIndex');
    const r = await tasks(URI_000);
    assert.equal(r.counts.tasks, 8);
    const deadline = Date.now() + 5000;
    while (!client.logs.slice(logged).some((l) => /Danh mục văn bản/.test(l)) && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 20));
    }
    assert.ok(client.logs.slice(logged).some((l) => /Danh mục văn bản/.test(l)), client.logs.slice(logged).join('\n'));
    assert.deepEqual(client.stderr.filter((s) => /Error/.test(s)), []);
  });
});

describe('language server: kehoach/tasks honours kehoach.detectPlans', function () {
  it('lists no tasks in a Markdown plan when detection is off, but always in a .kh file', async function () {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js is built (npm run build)');
    const client = await startServer({ configuration: { detectPlans: false } });
    try {
      client.open(URI_002, seed(SEEDS.plan002), 'markdown');
      client.open(URI_000, seed(SEEDS.plan000), 'kehoach');
      // Settings are pulled after `initialized`: ask until they apply.
      let md: TaskListResult | undefined;
      for (const stop = Date.now() + 5000; Date.now() < stop; await new Promise((res) => setTimeout(res, 25))) {
        md = await client.connection.sendRequest<TaskListResult>('kehoach/tasks', { uri: URI_002 });
        if (!md.isPlan) break;
      }
      assert.equal(md?.isPlan, false);
      const kh = await client.connection.sendRequest<TaskListResult>('kehoach/tasks', { uri: URI_000 });
      assert.equal(kh.isPlan, true);
      assert.equal(kh.counts.tasks, 8);
    } finally {
      await client.close();
    }
  });
});
