// The index of known directives (văn bản đã ban hành): what a plan may cite.
// A Party document is identified by number + date, not by number alone:
// numbers restart every term, so `109-NQ/TU` of 04/7/2016 and of 08/6/2021
// are two documents (Hướng dẫn 36-HD/VPTW; see docs/domain.md).
// Pure: no editor or LSP imports.

import { numberKey, toDocNumber } from '../citations/docNumber';

export interface DirectiveEntry {
  /** As written, e.g. `109-NQ/TU`. */
  number: string;
  /** `numberKey(number)`: no leading zeros, Đ restored. */
  key: string;
  /** Document type: `Nghị quyết`, `Chỉ thị`, … */
  type: string;
  /** ISO `yyyy-mm-dd`, or null when no source states the date. */
  date: string | null;
  issuer?: string;
  /** Trích yếu. */
  subject?: string;
  /** E.g. `Tài liệu mật`, `Hết hiệu lực`. */
  status?: string;
  /** `bundled` or the path of the index file the entry came from. */
  source: string;
}

const OPTIONAL_FIELDS = ['issuer', 'subject', 'status'] as const;

/** Identity of a document: canonical number + date. */
function identity(key: string, date: string | null): string {
  return `${key}\u0000${date ?? ''}`;
}

/** Canonical key of whatever the caller passes: a key, or a number as typed. */
function canonical(key: string): string {
  return numberKey(key) ?? key.trim();
}

/** The part of a number after its serial: `109-NQ/TU` → `-NQ/TU`, `66/NQ-CP` → `/NQ-CP`. */
function suffixOf(key: string): string {
  return key.replace(/^\d+/, '');
}

/** The issuing-body part after the last `/` of a Party number, or after the first `-` of a state one. */
function issuerPartOf(key: string): string {
  const doc = toDocNumber(key);
  if (doc?.form === 'party') return key.slice(key.indexOf('/') + 1);
  const dash = key.indexOf('-');
  return dash >= 0 ? key.slice(dash + 1) : key.slice(key.lastIndexOf('/') + 1);
}

function codeOf(key: string): string {
  return toDocNumber(key)?.code ?? '';
}

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment): `190` ↔ `109` is 1. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const w = b.length + 1;
  const d = new Array<number>((a.length + 1) * w);
  for (let i = 0; i <= a.length; i++) d[i * w] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = v;
    }
  }
  return d[a.length * w + b.length];
}

/** Deterministic natural order: digit runs compare as numbers, the rest by code point. */
export function compareNatural(a: string, b: string): number {
  const re = /\d+|\D+/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Newest first, entries without a date last, then by key. */
function newestFirst(a: DirectiveEntry, b: DirectiveEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return compareNatural(a.key, b.key);
}

function foldType(type: string): string {
  return type.normalize('NFC').trim().toLocaleLowerCase('vi');
}

export class DirectiveIndex {
  private readonly entries: readonly DirectiveEntry[];
  private readonly byKeyMap = new Map<string, DirectiveEntry[]>();
  private readonly byIdentity = new Map<string, DirectiveEntry>();
  /** Suggestions already computed: a draft may cite one unknown number many times. */
  private readonly nearestCache = new Map<string, DirectiveEntry[]>();
  /** Series parts of each indexed key, computed once. */
  private parts?: Map<string, { suffix: string; issuer: string; code: string; serial?: string }>;

  static empty(): DirectiveIndex {
    return new DirectiveIndex([]);
  }

  /**
   * Entries with the same number and date are one document: the first is
   * kept and its missing fields are filled from the later ones.
   */
  constructor(entries: DirectiveEntry[]) {
    const kept: DirectiveEntry[] = [];
    for (const input of entries) {
      const key = input.key || canonical(input.number);
      const id = identity(key, input.date);
      const existing = this.byIdentity.get(id);
      if (existing) {
        for (const f of OPTIONAL_FIELDS) {
          if (existing[f] === undefined && input[f] !== undefined) existing[f] = input[f];
        }
        continue;
      }
      const entry: DirectiveEntry = { ...input, key };
      kept.push(entry);
      this.byIdentity.set(id, entry);
      const list = this.byKeyMap.get(key);
      if (list) list.push(entry);
      else this.byKeyMap.set(key, [entry]);
    }
    for (const list of this.byKeyMap.values()) list.sort(newestFirst);
    this.entries = kept;
  }

  get size(): number {
    return this.entries.length;
  }

  all(): readonly DirectiveEntry[] {
    return this.entries;
  }

  /** Every entry with that number (several dates = several documents), newest first. */
  byKey(key: string): readonly DirectiveEntry[] {
    return this.byKeyMap.get(canonical(key)) ?? [];
  }

  /** The document with that number and date, if indexed. */
  find(key: string, isoDate: string | null): DirectiveEntry | undefined {
    return this.byIdentity.get(identity(canonical(key), isoDate));
  }

  /** Number + date identity. */
  has(key: string, isoDate: string): boolean {
    return this.byIdentity.has(identity(canonical(key), isoDate));
  }

  /** This index followed by the others: later sources add documents; duplicates keep the first and fill its gaps. */
  merge(...others: DirectiveIndex[]): DirectiveIndex {
    const all: DirectiveEntry[] = this.entries.map((e) => ({ ...e }));
    for (const o of others) for (const e of o.entries) all.push({ ...e });
    return new DirectiveIndex(all);
  }

  /**
   * Indexed documents whose numbers are nearest to `key`, for "did you mean"
   * suggestions: first those with the same type code and issuer suffix
   * (`-NQ/TU`), then the same issuer or the same code, then the rest; within a
   * tier by edit distance on the key. Far-off numbers of other series are left
   * out. An exact match, if any, comes first.
   */
  nearest(key: string, limit = 5): DirectiveEntry[] {
    if (limit <= 0 || this.entries.length === 0) return [];
    const target = canonical(key);
    const cacheKey = `${target}\u0000${limit}`;
    const hit = this.nearestCache.get(cacheKey);
    if (hit) return [...hit];
    // Bounded: the cache holds at most one draft's worth of distinct numbers.
    if (this.nearestCache.size > 10_000) this.nearestCache.clear();
    const found = this.computeNearest(target, limit);
    this.nearestCache.set(cacheKey, found);
    return [...found];
  }

  private partsOf(k: string): { suffix: string; issuer: string; code: string; serial?: string } {
    this.parts ??= new Map();
    let p = this.parts.get(k);
    if (!p) {
      p = { suffix: suffixOf(k), issuer: issuerPartOf(k), code: codeOf(k), serial: /^\d+/.exec(k)?.[0] };
      this.parts.set(k, p);
    }
    return p;
  }

  private computeNearest(target: string, limit: number): DirectiveEntry[] {
    const suffix = suffixOf(target);
    const issuerPart = issuerPartOf(target);
    const code = codeOf(target);
    const serial = /^\d+/.exec(target)?.[0];
    const scored: { entry: DirectiveEntry; tier: number; dist: number; gap: number }[] = [];
    for (const [k, list] of this.byKeyMap) {
      const dist = editDistance(target, k);
      const p = this.partsOf(k);
      let tier: number;
      if (k === target) tier = -1;
      else if (p.suffix === suffix) tier = 0;
      else if (p.issuer === issuerPart || (code && p.code === code)) tier = 1;
      else tier = 2;
      if (tier === 2 && dist > Math.max(2, Math.floor(target.length / 3))) continue;
      const s = p.serial;
      const gap = serial && s ? Math.abs(Number(serial) - Number(s)) : Number.MAX_SAFE_INTEGER;
      for (const entry of list) scored.push({ entry, tier, dist, gap });
    }
    scored.sort(
      (a, b) =>
        a.tier - b.tier || a.dist - b.dist || a.gap - b.gap || compareNatural(a.entry.key, b.entry.key) || newestFirst(a.entry, b.entry),
    );
    return scored.slice(0, limit).map((s) => s.entry);
  }

  /** Documents of a type (case-insensitive), newest first, undated last. */
  ofType(type: string): DirectiveEntry[] {
    const want = foldType(type);
    return this.entries.filter((e) => foldType(e.type) === want).sort(newestFirst);
  }
}
