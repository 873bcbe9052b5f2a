// Field label rules: a label, then the colon inside or outside the emphasis
// (`Nội dung:`, `*Nội dung:*`, `*Nội dung*:`). Four scopes, so that a theme
// can tell the lead agency and the deadline from the rest.

import { alt, EMPH, SO } from './vi';

export type LabelScope = 'lead' | 'cooperate' | 'deadline' | 'content';
export const LABEL_SCOPES: readonly LabelScope[] = ['lead', 'cooperate', 'deadline', 'content'];
export type LabelGroups = Record<LabelScope, readonly string[]>;

const NEVER = '(?!)';
const group = (labels: readonly string[]) => (labels.length ? alt(labels) : NEVER);

/** One capture per scope; `only` keeps one scope and leaves the others matching nothing. */
const labelAlts = (labels: LabelGroups, only?: LabelScope) =>
  `(?:${LABEL_SCOPES.map((s) => `(${!only || only === s ? group(labels[s]) : NEVER})`).join('|')})`;

export const LABEL_TAIL = `${SO}(?:(:)${SO}(${EMPH})?|(${EMPH})${SO}(:))`;

/** Captures of labelCore(): 10 groups. */
export const labelCaptures = () => ({
  1: { name: 'punctuation.definition.emphasis.begin.kehoach' },
  2: { name: 'keyword.other.label.kehoach' },
  ...Object.fromEntries(LABEL_SCOPES.map((s, i) => [i + 3, { name: `keyword.other.label.${s}.kehoach` }])),
  7: { name: 'punctuation.separator.key-value.kehoach' },
  8: { name: 'punctuation.definition.emphasis.end.kehoach' },
  9: { name: 'punctuation.definition.emphasis.end.kehoach' },
  10: { name: 'punctuation.separator.key-value.kehoach' },
});

/** Optional emphasis, the label in its scope's group, the colon. */
export const labelCore = (labels: LabelGroups, only?: LabelScope) => `(${EMPH})?(${labelAlts(labels, only)})${LABEL_TAIL}`;

/** Any label with its colon, captured nowhere: for lookaheads. */
export const labelAhead = (labels: LabelGroups) =>
  `(?:${EMPH})?(?:${alt(LABEL_SCOPES.flatMap((s) => labels[s]))})${SO}(?:${EMPH})?${SO}:`;
