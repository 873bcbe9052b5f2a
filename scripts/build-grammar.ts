// Writes syntaxes/*.tmLanguage.json from the core's vocabulary tables.
//
//   npm run build:grammar            rewrite the grammars in the repository
//   tsx scripts/build-grammar.ts DIR write them under DIR instead
//
// test/grammarBuild.test.ts fails when the committed files differ from what
// this writes, so edit a table (plan/labels.ts, citations/documentTypes.ts) or
// scripts/grammar/, re-run, then `npm run test:grammar`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { grammarTexts } from './grammar/build';

const out = resolve(process.argv[2] ?? join(__dirname, '..'));
for (const [rel, text] of Object.entries(grammarTexts())) {
  mkdirSync(dirname(join(out, rel)), { recursive: true });
  writeFileSync(join(out, rel), text);
  console.log('wrote', join(out, rel));
}
