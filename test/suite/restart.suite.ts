// The language server dies mid-session (killed, as a crash or the OOM killer
// would): the client starts a new one and the diagnostics keep coming. Runs last.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { duplicateLines, extension, SEED_000, seedText, waitForDiagnostics, waitForEvent, workspaceFile } from './helpers';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Kế hoạch in VS Code: the server crashes', () => {
  it('the client restarts a killed server and diagnostics come back', async () => {
    const uri = await workspaceFile('restart-000.kh', seedText(SEED_000));
    const doc = await vscode.workspace.openTextDocument(uri);
    await waitForDiagnostics(uri, 'the duplicates before the kill', (d) => duplicateLines(d).join() === '76,78');

    const ext = extension();
    await ext.activate();
    const api = ext.exports;
    const before = api.serverPid();
    assert.ok(before, 'the server runs as a process of its own');
    process.kill(before, 'SIGKILL');

    const after = await waitForEvent(api.onDidChangeState, 'a new server process', () => {
      const pid = api.serverPid();
      return pid !== undefined && pid !== before ? pid : undefined;
    });
    assert.ok(!alive(before), `the old server (pid ${before}) is gone`);
    assert.ok(alive(after), `the new server (pid ${after}) runs`);

    // The new server has the document and answers: the diagnostics follow an edit.
    await waitForDiagnostics(uri, 'the duplicates after the restart', (d) => duplicateLines(d).join() === '76,78');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(76, 0, 76, 5), '1.3.4');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(uri, 'the new server to see the edit', (d) => duplicateLines(d).join() === '78');
    assert.equal(doc.lineAt(76).text.slice(0, 5), '1.3.4');
  });
});
