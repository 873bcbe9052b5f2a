// What the rules of form (thể thức) may judge in a text. A snippet or a
// fragment (no type title and no `V/v`: a lone appendix, a compilation, a few
// pasted paragraphs) is not a document, nor is a text with no header line
// at all (seed 000: a plan's body pasted without its header); none of them
// speaks. A document whose header lost a row — the Word header table copied
// without its first row, as in seeds 001 and 002 — is judged on the parts it
// shows; only a whole header (issuing body or heading, and the Số or date
// line) lets missing-component say that a part is absent.

import type { PlanHeader } from '../plan/header';

export type FormScope = 'whole' | 'document' | 'fragment';

/** The rules of form: what they judge is the layout, which an export to Word lays out anew. */
export const FORM_RULE_IDS = ['missing-component', 'number-form', 'date-line-form', 'recipients-form'] as const;

/** A consolidated text (văn bản hợp nhất) reproduces documents under rules of its own. */
const CONSOLIDATED = /^VĂN BẢN HỢP NHẤT(?!\p{L})/u;

export function formScope(h: PlanHeader): FormScope {
  if ((!h.type && !h.letter) || h.bodies.some((b) => CONSOLIDATED.test(b.text))) return 'fragment';
  const firstRow = h.bodies.length > 0 || !!h.heading;
  const secondRow = !!h.number || !!h.dateLine;
  // No header line at all (seed 000): the body of a plan pasted without its header, not a document in form.
  if (!firstRow && !secondRow) return 'fragment';
  return firstRow && secondRow ? 'whole' : 'document';
}

/** State or Party: from the heading or the number, else from the signing marks (`T/M` is Party). */
export function formSystem(h: PlanHeader): 'party' | 'state' | undefined {
  return h.system ?? h.signature?.system;
}
