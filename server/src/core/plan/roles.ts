// The last pass of the builder, once every line is placed: field values run
// on over their items, lettered items become activities when they carry
// fields, and each section gets its role (group, task, field, item).

import type { DocumentKind } from './documentKind';
import type { Activity, Item, Part, Section } from './model';

/** Field values run on over their items; lettered items are activities when two or more carry fields. */
export function settleSections(sections: Section[]): void {
  for (const s of sections) {
    settleActivities(s);
    for (const f of s.fields) {
      f.value = f.items.map((it) => it.text).join('\n');
      if (f.items.length) f.valueSpan.end = Math.max(f.valueSpan.end, f.items[f.items.length - 1].span.end);
    }
  }
}

/**
 * Keeps a section's lettered items as activities only when two or more carry
 * lead or time lines: fields after the last of a section's `a)`, `b)` items
 * belong to the section. Titles are read once the items are joined.
 */
function settleActivities(s: Section): void {
  const list = s.activities as (Activity & { item?: Item })[];
  if (!list.length) return;
  if (list.filter((a) => a.fields.length).length < 2) {
    for (const a of list) for (const f of a.fields) f.activity = undefined;
    s.activities = [];
    return;
  }
  for (const a of list) {
    if (a.item) a.title = a.item.text;
    delete a.item;
  }
}

function hasWorkFields(s: Section): boolean {
  return s.fields.some((f) => f.kind !== 'content' && f.kind !== 'solution');
}

/** Groups, tasks, fields and plain items, by part kind and shape; tasks only in a plan's parts (`body`: what the body holds). */
export function assignRoles(parts: Part[], body: DocumentKind): void {
  for (const part of parts) {
    const plan = (part.scope ? part.scope.holds : body) === 'plan';
    if (!plan && part.kind === 'work') part.kind = 'other';
    // A part of unknown kind whose sections carry leads or deadlines sets out work;
    // the clauses of a decision's article never do (Điều 2. … 2. Cơ quan chủ trì: …).
    const clauses = part.implicit && part.scope?.kind === 'article';
    if (plan && part.kind === 'other' && !clauses && someSection(part.sections, hasWorkFields)) part.kind = 'work';
    const visit = (s: Section) => {
      if (s.fieldKind && s.parent) s.role = 'field';
      else if (part.kind !== 'work') s.role = 'item';
      else if (s.activities.length) s.role = 'group';
      else if (s.children.some((c) => !(c.fieldKind && c.parent))) s.role = 'group';
      else s.role = 'task';
      s.children.forEach(visit);
    };
    part.sections.forEach(visit);
  }
}

function someSection(list: Section[], pred: (s: Section) => boolean): boolean {
  return list.some((s) => pred(s) || someSection(s.children, pred));
}
