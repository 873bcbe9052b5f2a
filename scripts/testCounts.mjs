// How many tests each suite of `npm test` ran, read from its output, and the
// last line that says them: `9 passed, 0 failed; 840 tests` (suites, then tests).

/** A mocha run: its passing, failing and pending. */
export function mochaTests(output) {
  const n = (word) => Number(output.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return n('passing') + n('failing') + n('pending');
}

/** test/e2e/editor.e2e.ts: its checks, one "  ✓ what (N s)" line each. */
export function editorUiTests(output) {
  return (output.match(/^ {2}✓ .* \(\d+(?:\.\d+)? s\)$/gm) ?? []).length;
}

/** test/e2e/suite.e2e.ts: each pass's "  ✓ development: N passing in T s", summed. */
export function editorSuiteTests(output) {
  return [...output.matchAll(/^ {2}✓ \w+: (\d+) passing in /gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** The last line: suites passed and failed, then the tests they ran when some did. */
export function totalLine(passed, failed, tests) {
  return `${passed} passed, ${failed} failed${tests ? `; ${tests} ${tests === 1 ? 'test' : 'tests'}` : ''}`;
}
