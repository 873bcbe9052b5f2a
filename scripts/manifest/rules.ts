// The parts of the manifest, the translations and the rule tables that list
// the rules: all from RULES, each rule's id, severity and description.

import { RULES } from '../../server/src/core/rules';
import { isFixable, Rule, Severity } from '../../server/src/core/rules/types';

const LEVELS = ['off', 'error', 'warning', 'info', 'hint'];

/** The settings' spelling of a severity. */
const settingLevel = (s: Severity) => (s === 'information' ? 'info' : s);

/** `kehoach.rules`: its default and one property per rule, keys in RULES order. */
export function rulesSchema(): { default: Record<string, string>; properties: Record<string, unknown> } {
  return {
    default: Object.fromEntries(RULES.map((r) => [r.id, settingLevel(r.defaultSeverity)])),
    properties: Object.fromEntries(
      RULES.map((r) => [
        r.id,
        { type: 'string', enum: LEVELS, default: settingLevel(r.defaultSeverity), markdownDescription: `%config.rules.${r.id}%` },
      ]),
    ),
  };
}

/** The nls entries of the rule descriptions. */
export const ruleNls = (lang: 'vi' | 'en'): Record<string, string> =>
  Object.fromEntries(RULES.map((r) => [`config.rules.${r.id}`, r.description[lang]]));

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The mark of a rule with quick fixes in the tables (markdownlint's “fixable”). */
export const FIXABLE_MARK = '✓';

/** The rules table, each id linked to its page as seen from the file the table stands in. */
export function rulesTable(link: (rule: Rule<unknown>) => string, idHeader: string): string {
  const rows = RULES.map((r) => `| ${link(r)} | ${r.defaultSeverity} | ${isFixable(r) ? FIXABLE_MARK : ''} | ${cell(r.description.vi)} |`);
  return [`| ${idHeader} | mức mặc định | sửa nhanh | kiểm tra |`, '|---|---|---|---|', ...rows].join('\n') + '\n';
}
