// The label settings' descriptions and docs/vocabulary.md: every word of the
// core's vocabulary tables, listed where users look for them.

import { DOCUMENT_TYPE_TABLE } from '../../server/src/core/citations/documentTypes';
import { DEFAULT_LABELS, FIELD_KINDS, FIELD_NAMES } from '../../server/src/core/plan/labels';
import { PART_TITLE_WORDS } from '../../server/src/core/plan/partTitles';
import type { FieldKind } from '../../server/src/core/plan/model';

const code = (s: string) => `\`${s}\``;
const builtIn = (kind: FieldKind) => DEFAULT_LABELS[kind].map(code).join(', ');

const LABEL_TEXT = {
  en: (kind: FieldKind) =>
    `Extra label wordings for the ${FIELD_NAMES[kind].en} field, in addition to the built-in ones: ${builtIn(kind)}. ` +
    'Write the label without the colon; case and tone placement do not matter.',
  vi: (kind: FieldKind) =>
    `Các cách ghi nhãn khác cho mục ${FIELD_NAMES[kind].vi}, bổ sung vào các nhãn có sẵn: ${builtIn(kind)}. ` +
    'Ghi nhãn không kèm dấu hai chấm; không phân biệt chữ hoa, chữ thường và cách bỏ dấu.',
};

/** The nls entries of the `kehoach.labels.*` settings. */
export const labelNls = (lang: 'vi' | 'en'): Record<string, string> =>
  Object.fromEntries(FIELD_KINDS.map((k) => [`config.labels.${k}`, LABEL_TEXT[lang](k)]));

function labelSection(): string[] {
  return FIELD_KINDS.flatMap((k) => [
    `### ${FIELD_NAMES[k].vi} / ${FIELD_NAMES[k].en}`,
    '',
    `Cài đặt thêm nhãn / extra labels: \`kehoach.labels.${k}\``,
    '',
    ...DEFAULT_LABELS[k].map((l) => `- ${l}`),
    '',
  ]);
}

const yes = (b: boolean) => (b ? '✓' : '');

function typeSection(): string[] {
  return [
    '| loại văn bản / type | mã / code | trích dẫn / cited | tiêu đề / title | tra danh mục / indexed |',
    '|---|---|---|---|---|',
    ...DOCUMENT_TYPE_TABLE.map((t) => `| ${t.name} | ${t.code ? code(t.code) : ''} | ${yes(t.cited)} | ${yes(t.title)} | ${yes(t.cited && t.directive)} |`),
    '',
  ];
}

function partSection(): string[] {
  const name = { organisation: 'tổ chức thực hiện / organisation', work: 'nhiệm vụ / work', aims: 'mục đích, yêu cầu / aims' };
  return [...PART_TITLE_WORDS.map((p) => `- **${name[p.kind]}**: ${p.words.map((w) => `*${w}*`).join(', ')}`), ''];
}

/** The generated body of docs/vocabulary.md. */
export function vocabularyPage(): string {
  return [
    '## Nhãn mục / Field labels',
    '',
    'Nhãn đứng đầu dòng (sau số mục hoặc gạch đầu dòng), kèm dấu hai chấm; không phân biệt chữ hoa, chữ thường và cách bỏ dấu. *A label opens a line and ends with a colon; case and tone placement do not matter.*',
    '',
    ...labelSection(),
    '## Loại văn bản / Document types',
    '',
    ...typeSection(),
    '## Tên phần / Part titles',
    '',
    'Một phần (`I.`, `II.`…) được xếp loại theo từ đầu tiên khớp trong tên, theo thứ tự dưới đây. *A part is classed by the first of these that its title holds.*',
    '',
    ...partSection(),
  ].join('\n');
}
