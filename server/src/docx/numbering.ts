// Word's automatic numbering rendered as the text a reader sees (`1.1.`,
// `a)`, `II.`), so that numbered sections read from a .docx are checked as
// typed ones are. Counters are kept per abstract list: separate list
// instances of one abstract list continue each other unless one restarts.

import type { Document as XmlDocument } from '@xmldom/xmldom';
import { child, children, wAttr } from './package';

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
}

interface ListInstance {
  abstractId: string;
  starts: Map<number, number>;
}

export class Numbering {
  private readonly abstracts = new Map<string, Level[]>();
  private readonly instances = new Map<string, ListInstance>();
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(doc: XmlDocument | undefined) {
    const root = doc?.documentElement;
    if (!root) return;
    for (const a of children(root, 'abstractNum')) {
      const levels: Level[] = [];
      for (const lvl of children(a, 'lvl')) {
        const i = Number(wAttr(lvl, 'ilvl') ?? 0);
        if (!(i >= 0 && i < 9)) continue;
        levels[i] = {
          start: Number(wAttr(child(lvl, 'start'), 'val') ?? 1),
          format: wAttr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
          text: wAttr(child(lvl, 'lvlText'), 'val') ?? '',
          legal: child(lvl, 'isLgl') !== undefined,
        };
      }
      this.abstracts.set(wAttr(a, 'abstractNumId') ?? '', levels);
    }
    for (const n of children(root, 'num')) {
      const starts = new Map<number, number>();
      for (const o of children(n, 'lvlOverride')) {
        const s = wAttr(child(o, 'startOverride'), 'val');
        if (s !== undefined) starts.set(Number(wAttr(o, 'ilvl') ?? 0), Number(s));
      }
      this.instances.set(wAttr(n, 'numId') ?? '', { abstractId: wAttr(child(n, 'abstractNumId'), 'val') ?? '', starts });
    }
  }

  /** The label of the next paragraph of list `numId` at level `ilvl` (`1.2.`, `- `), or '' when none. */
  next(numId: string, ilvl: number): string {
    const inst = this.instances.get(numId);
    const levels = inst && this.abstracts.get(inst.abstractId);
    const level = levels?.[ilvl];
    if (!inst || !levels || !level || numId === '0') return '';
    let counts = this.counters.get(inst.abstractId);
    if (!counts || (inst.starts.size && !this.restarted.has(numId))) {
      counts = levels.map((l, i) => (inst.starts.get(i) ?? l?.start ?? 1) - 1);
      this.counters.set(inst.abstractId, counts);
      this.restarted.add(numId);
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    for (let k = ilvl + 1; k < levels.length; k++) counts[k] = (inst.starts.get(k) ?? levels[k]?.start ?? 1) - 1;
    if (level.format === 'bullet') return level.text.trim() === '+' ? '+ ' : '- ';
    if (level.format === 'none') return level.text ? level.text + ' ' : '';
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levels[k];
      const n = Math.max(counts[k] ?? 1, k === ilvl ? 1 : l?.start ?? 1);
      return formatNumber(n, level.legal ? 'decimal' : l?.format ?? 'decimal');
    });
    return label ? label + ' ' : '';
  }
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

function letter(n: number): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return A[(n - 1) % 26].repeat(Math.floor((n - 1) / 26) + 1);
}
