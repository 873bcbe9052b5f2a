// Section numbering: what each number should be, from its position.
// Numbered fields may skip ahead (see checkList).
// `checkOrder` accepts a section that follows its predecessor's actual or
// expected number, so one wrong number is reported once and not passed on
// to every sibling after it. `renumbering` gives the numbers a full
// renumbering of the part would write.

import type { Part, Plan, Section } from './model';

export interface OrderCheck {
  section: Section;
  /** The number this section should carry. */
  expected: string;
  inOrder: boolean;
}

function join(prefix: string | undefined, last: number): string {
  return prefix ? `${prefix}.${last}` : String(last);
}

function prefixOf(s: Section): string {
  return s.components.slice(0, -1).join('.');
}

function checkList(list: Section[], parentActual: string | undefined, parentExpected: string | undefined, out: OrderCheck[]): void {
  let prevActual = 0;
  let prevExpected = 0;
  for (const s of list) {
    const last = s.components[s.components.length - 1];
    const prefix = prefixOf(s);
    const prefixOk = parentActual === undefined
      ? s.components.length === 1
      : prefix === parentActual || prefix === parentExpected;
    // A numbered field (1.1.3. Cơ quan chủ trì:) may skip a number: the
    // missing field is reported by its own rule, whose fix restores the number.
    const skipAllowed = !!(s.fieldKind && s.parent) && last > prevActual;
    const lastOk = last === prevActual + 1 || last === prevExpected + 1 || skipAllowed;
    const expectedLast = lastOk ? last : prevExpected + 1;
    const expected = join(parentExpected ?? (parentActual === undefined ? prefix || undefined : undefined), expectedLast);
    out.push({ section: s, expected, inOrder: prefixOk && lastOk });
    prevActual = last;
    prevExpected = expectedLast;
    checkChildren(s.children, s.list, s.number, expected, out);
  }
}

/**
 * The sections of one level: those of the parent's list follow the parent's
 * numbering; each list numbered anew under it (see sectionLists.ts) is checked
 * on its own, from 1.
 */
function checkChildren(list: Section[], own: Section | undefined, parentActual: string | undefined, parentExpected: string | undefined, out: OrderCheck[]): void {
  const lists = new Map<Section, Section[]>();
  const same: Section[] = [];
  for (const s of list) {
    if (s.list === own) same.push(s);
    else if (s.list) lists.set(s.list, [...(lists.get(s.list) ?? []), s]);
  }
  checkList(same, parentActual, parentExpected, out);
  for (const l of lists.values()) checkList(l, undefined, undefined, out);
}

export function checkOrder(plan: Plan): OrderCheck[] {
  const out: OrderCheck[] = [];
  for (const part of plan.parts) checkChildren(part.sections, undefined, undefined, undefined, out);
  return out;
}

/** Numbers a full renumbering of the part gives, by position: 1, 1.1, 1.2… */
export function renumbering(part: Part): Map<Section, string> {
  const out = new Map<Section, string>();
  const walk = (list: Section[], prefix: string | undefined) => {
    list.forEach((s, i) => {
      const n = join(prefix, i + 1);
      out.set(s, n);
      walk(s.children, n);
    });
  };
  walk(part.sections, undefined);
  return out;
}
