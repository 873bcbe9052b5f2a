// Every rule, in the order their findings are listed.

import { citationDateMismatch } from './citationDateMismatch';
import { dateLineForm } from './dateLineForm';
import { deadlineBeforePlan } from './deadlineBeforePlan';
import { duplicateSectionNumber } from './duplicateSectionNumber';
import { inconsistentCitation } from './inconsistentCitation';
import { legacyEncoding } from './legacyEncoding';
import { malformedTable } from './malformedTable';
import { missingComponent } from './missingComponent';
import { missingDeadline } from './missingDeadline';
import { missingLeadAgency } from './missingLeadAgency';
import { numberForm } from './numberForm';
import { recipientsForm } from './recipientsForm';
import { sectionOrder } from './sectionOrder';
import type { Rule } from './types';
import { unknownDirective } from './unknownDirective';

/** Each rule typed by its own findings' data; a list of them knows only that they have some. */
export const RULES: readonly Rule<unknown>[] = [
  missingLeadAgency,
  missingDeadline,
  deadlineBeforePlan,
  duplicateSectionNumber,
  sectionOrder,
  unknownDirective,
  citationDateMismatch,
  inconsistentCitation,
  malformedTable,
  legacyEncoding,
  missingComponent,
  numberForm,
  dateLineForm,
  recipientsForm,
];

export const RULE_IDS = RULES.map((r) => r.id);

export function ruleById(id: string): Rule<unknown> | undefined {
  return RULES.find((r) => r.id === id);
}
