// Rewrites the generated parts of package.json (the kehoach.rules schema),
// package.nls*.json (rule and label descriptions), the rules tables of
// README.md and docs/rules/README.md, and docs/vocabulary.md, from RULES and
// the core's vocabulary tables. Files already up to date are left untouched.
// `npm run build:manifest` then runs build-config-schema.mjs, whose
// .kehoach/config.json schema quotes those descriptions.
//
//   npm run build:manifest
//
// test/vocabulary/manifestBuild.test.ts fails when running this would change a file.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestTexts } from './manifest/build';

const root = join(__dirname, '..');
const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
for (const [rel, text] of Object.entries(manifestTexts(read))) {
  const file = join(root, rel);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
  writeFileSync(file, text);
  console.log('wrote', rel);
}
