// One label, one place: a label added to the core's table is read by the
// parser, coloured by the generated grammar, listed in the settings and in
// docs/vocabulary.md, with no other file touched.

import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GRAMMAR_FILES, grammarTexts } from '../../scripts/grammar/build';
import { manifestTexts } from '../../scripts/manifest/build';
import { DEFAULT_LABELS, LabelTable } from '../../server/src/core/plan/labels';
import { check, ROOT, summary } from '../helpers';
import { planTokenizer, scopesOf } from './textmate';

const NEW_LABEL = 'Hạn chót';
const PLAN = ['KẾ HOẠCH', '', 'I. NHIỆM VỤ, GIẢI PHÁP', '', '1. Số hóa hồ sơ', '', '- Cơ quan chủ trì: Văn phòng.', '', `- ${NEW_LABEL}: Quý II/2026.`, ''].join('\n');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** Where the label shows, as the parser, the grammar, the settings and the docs see the tables now. */
async function placesOf(label: string) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-label-'));
  try {
    const rel = GRAMMAR_FILES.plan;
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), grammarTexts()[rel]);
    const tokenize = await planTokenizer(fs.readFileSync(path.join(out, rel), 'utf8'));
    const texts = manifestTexts(read);
    return {
      parser: summary(check(PLAN, { labels: new LabelTable() }), ['missing-deadline']).length === 0,
      grammar: scopesOf(tokenize(`- ${label}: Quý II/2026.`), label).includes('keyword.other.label.deadline.kehoach'),
      settingsEn: JSON.parse(texts['package.nls.json'])['config.labels.deadline'].includes(`\`${label}\``),
      settingsVi: JSON.parse(texts['package.nls.vi.json'])['config.labels.deadline'].includes(`\`${label}\``),
      docs: texts['docs/vocabulary.md'].includes(`\n- ${label}\n`),
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

describe('one label, one place', () => {
  const none = { parser: false, grammar: false, settingsEn: false, settingsVi: false, docs: false };
  const all = { parser: true, grammar: true, settingsEn: true, settingsVi: true, docs: true };

  it(`"${NEW_LABEL}" shows nowhere before it is in the table`, async () => {
    assert.deepEqual(await placesOf(NEW_LABEL), none);
  });

  it(`once added to DEFAULT_LABELS.deadline, "${NEW_LABEL}" is read, coloured, in the settings and in the docs`, async () => {
    DEFAULT_LABELS.deadline.push(NEW_LABEL);
    try {
      assert.deepEqual(await placesOf(NEW_LABEL), all);
    } finally {
      DEFAULT_LABELS.deadline.pop();
    }
  });
});
