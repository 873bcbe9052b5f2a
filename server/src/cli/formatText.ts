// ESLint-like text output: `file:line:col  severity  message  rule-id`.

import type { LocatedDiagnostic } from '../docx/check';
import type { Msg } from '../core/rules/types';
import { describeLocation } from '../docx/locate';

export function formatText(results: { file: string; diagnostics: LocatedDiagnostic[] }[], lang: 'vi' | 'en'): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else others++;
      // A Word file has no lines to speak of: its paragraph (or cell) and a quoted fragment instead.
      if (d.location) {
        const pos = `${r.file} (${describeLocation(d.location.location)[lang]})`;
        lines.push(`${pos}  ${d.severity}  ${d.message[lang]}  ${d.code}  «${d.location.quote}»`);
        continue;
      }
      const pos = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${pos}  ${d.severity}  ${d.message[lang]}  ${d.code}`);
    }
  }
  const total = errors + warnings + others;
  const files = count(results.length, 'file', 'files');
  const summary: Msg = total
    ? {
        vi: `\n✖ ${total} vấn đề (${errors} lỗi, ${warnings} cảnh báo, ${others} thông tin) trong ${results.length} tệp`,
        en: `\n✖ ${count(total, 'problem', 'problems')} (${count(errors, 'error', 'errors')}, ${count(warnings, 'warning', 'warnings')}, ${count(others, 'info', 'infos')}) in ${files}`,
      }
    : { vi: `✔ Không có vấn đề trong ${results.length} tệp`, en: `✔ No problems in ${files}` };
  lines.push(summary[lang]);
  return lines.join('\n');
}

/** "1 file", "2 files": English needs the plural; Vietnamese does not. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
