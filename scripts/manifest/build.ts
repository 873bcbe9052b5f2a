// Everything the manifest, the translations and the docs say about rules and
// vocabulary, rebuilt from the core (RULES, the label and type tables).
// scripts/build-manifest.ts writes it; a test checks that writing is a no-op.

import { replaceGenerated } from './markers';
import { rulesSchema, ruleNls, rulesTable } from './rules';
import { labelNls, vocabularyPage } from './vocabulary';

export type Read = (rel: string) => string;

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const GENERATED_NLS = ['config.rules.', 'config.labels.'];

/** `existing` with each generated group of keys replaced where the group stood (appended when new). */
export function mergeNls(existing: Record<string, string>, generated: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const groupOf = (k: string) => GENERATED_NLS.find((p) => k.startsWith(p));
  const emit = (prefix: string) => {
    for (const [k, v] of Object.entries(generated)) if (k.startsWith(prefix)) out[k] = v;
  };
  const done = new Set<string>();
  for (const [k, v] of Object.entries(existing)) {
    const group = groupOf(k);
    if (!group) out[k] = v;
    else if (!done.has(group)) (done.add(group), emit(group));
  }
  for (const group of GENERATED_NLS) if (!done.has(group)) emit(group);
  return out;
}

function packageJson(read: Read): string {
  const pkg = JSON.parse(read('package.json'));
  const rules = pkg.contributes.configuration.properties['kehoach.rules'];
  Object.assign(rules, rulesSchema());
  return json(pkg);
}

const nls = (read: Read, rel: string, lang: 'vi' | 'en') =>
  json(mergeNls(JSON.parse(read(rel)), { ...ruleNls(lang), ...labelNls(lang) }));

const VOCABULARY_HEAD = `# Từ vựng của kế hoạch / Plan vocabulary

Trang này được sinh bởi \`npm run build:manifest\` từ các bảng của lõi phân tích: \`server/src/core/plan/labels.ts\` (nhãn mục), \`server/src/core/citations/documentTypes.ts\` (loại văn bản), \`server/src/core/plan/partTitles.ts\` (tên phần). Trình phân tích đọc, ngữ pháp tô màu và cài đặt liệt kê đúng các từ này. *Generated from the core's tables: the parser reads, the grammar colours and the settings list exactly these words. Edit the tables, not this page.*

`;

/** Each generated file's text, by its path relative to the repository. */
export function manifestTexts(read: Read): Record<string, string> {
  return {
    'package.json': packageJson(read),
    'package.nls.json': nls(read, 'package.nls.json', 'en'),
    'package.nls.vi.json': nls(read, 'package.nls.vi.json', 'vi'),
    'README.md': replaceGenerated(read('README.md'), 'rules', rulesTable((r) => `[\`${r.id}\`](${r.docs})`, 'quy tắc (rule id)'), 'README.md'),
    'docs/rules/README.md': replaceGenerated(read('docs/rules/README.md'), 'rules', rulesTable((r) => `[${r.id}](${r.id}.md)`, 'id'), 'docs/rules/README.md'),
    'docs/vocabulary.md': VOCABULARY_HEAD + vocabularyPage(),
  };
}
