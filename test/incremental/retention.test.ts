import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

describe('lintAfterEdit keeps no earlier version of the text', function () {
  this.timeout(120_000);

  it('the heap after 340 edits of nq109 is that after 40 (a line read from an edit held that whole edited text)', () => {
    const script = path.join(__dirname, 'retention.ts');
    const r = spawnSync(process.execPath, ['--expose-gc', '-r', 'tsx/cjs', script], { encoding: 'utf8', cwd: path.join(__dirname, '..', '..') });
    assert.equal(r.status, 0, r.stderr);
    const { few, many } = JSON.parse(r.stdout.trim().split('\n').pop()!);
    // One whole text is 0.3 MB: 300 more edits kept ~40 MB before.
    assert.ok(many - few < 6, `${few.toFixed(1)} MB after 40 edits, ${many.toFixed(1)} MB after 340`);
  });
});
