// The index of known directives (văn bản đã ban hành): what a plan may cite.
// A Party document is identified by number + date, not by number alone:
// numbers restart every term, so `109-NQ/TU` of 04/7/2016 and of 08/6/2021
// are two documents (Hướng dẫn 36-HD/VPTW; see docs/domain.md).
// Pure: no editor or LSP imports.

import { numberKey, toDocNumber } from '../citations/docNumber';
import type { EntryStore } from './compactStore';
import type { IndexCoverage } from './coverage';

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
  /**
   * The locality whose body issued it (`Bắc Giang`), for documents of local
   * bodies; none for central ones, and for entries of a workspace file that
   * names none (they are taken to be the workspace's own).
   */
  locality?: string;
  /** How many texts cite it with this date, for entries harvested from citations. */
  cited?: number;
  /** Trích yếu. */
  subject?: string;
  /** E.g. `Tài liệu mật`, `Hết hiệu lực`. */
  status?: string;
  /** `bundled` or the path of the index file the entry came from. */
  source: string;
}

const OPTIONAL_FIELDS = ['issuer', 'locality', 'subject', 'status'] as const;

/**
 * The entry of a number's list (its dates) with that date: a document is its
 * number and date. Lists hold the few dates one number was issued on, so a
 * scan is cheaper than a second map keyed by number + date.
 */
function sameDate(list: readonly DirectiveEntry[], date: string | null, locality?: string | null): DirectiveEntry | undefined {
  const want = date ?? '';
  for (const e of list) if ((e.date ?? '') === want && (locality === null || (e.locality ?? '') === (locality ?? ''))) return e;
  return undefined;
}

const canonicalMemo = new Map<string, string>();
/** Enough for every number of a large workspace; beyond it the memo starts over. */
const MEMO_LIMIT = 200_000;

/**
 * Canonical key of whatever the caller passes: a key, or a number as typed.
 * Memoised: every lookup passes through here and parsing a number costs far
 * more than the map lookup it precedes.
 */
function canonical(key: string): string {
  let hit = canonicalMemo.get(key);
  if (hit === undefined) {
    hit = numberKey(key) ?? key.trim();
    if (canonicalMemo.size >= MEMO_LIMIT) canonicalMemo.clear();
    canonicalMemo.set(key, hit);
  }
  return hit;
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

interface KeyParts {
  key: string;
  list: DirectiveEntry[];
  suffix: string;
  issuerPart: string;
  code: string;
  serial: string | undefined;
}

export class DirectiveIndex {
  private entries: readonly DirectiveEntry[];
  /** Number → its entry, or its entries newest first when it has several (few do: no array per number). Never changed once built. */
  private byKeyMap = new Map<string, DirectiveEntry | DirectiveEntry[]>();
  private readonly nearestMemo = new Map<string, DirectiveEntry[]>();
  private readonly typeMemo = new Map<string, DirectiveEntry[]>();
  private parts?: KeyParts[];
  /** Stored indexes read in place (the bundled one), after the entries held here. */
  private stores: readonly EntryStore[] = [];
  /** What each source covers; see coverage.ts. */
  private coverages: readonly IndexCoverage[] = [];

  static empty(): DirectiveIndex {
    return new DirectiveIndex([]);
  }

  /** An index over a stored form, read in place. */
  static ofStore(store: EntryStore): DirectiveIndex {
    const index = new DirectiveIndex([]);
    index.stores = [store];
    index.coverages = store.coverage();
    return index;
  }

  /** An index taking over entries freshly read from a source (not copied), with what the source covers. */
  static owning(entries: DirectiveEntry[], coverage: readonly IndexCoverage[]): DirectiveIndex {
    const index = new DirectiveIndex(entries, true);
    index.coverages = coverage;
    return index;
  }

  /** The same entries with these coverage declarations added. */
  withCoverage(...coverage: IndexCoverage[]): DirectiveIndex {
    const index = new DirectiveIndex(this.entries.map((e) => ({ ...e })), true);
    index.stores = this.stores;
    index.coverages = [...this.coverages, ...coverage];
    return index;
  }

  /** What the sources of this index cover. */
  coverage(): readonly IndexCoverage[] {
    return this.coverages;
  }

  /**
   * Entries with the same number and date are one document: the first is
   * kept and its missing fields are filled from the later ones.
   */
  /**
   * `owned`: the caller hands the entries over (a freshly read file), so they
   * are kept as they are instead of copied — half the objects on a large index.
   */
  constructor(entries: DirectiveEntry[], owned = false) {
    const kept: DirectiveEntry[] = [];
    for (const input of entries) {
      const key = input.key || canonical(input.number);
      const held = this.byKeyMap.get(key);
      const existing = held && sameDate(Array.isArray(held) ? held : [held], input.date, input.locality);
      if (existing) {
        for (const f of OPTIONAL_FIELDS) {
          if (existing[f] === undefined && input[f] !== undefined) existing[f] = input[f];
        }
        continue;
      }
      const entry: DirectiveEntry = owned && input.key === key ? input : { ...input, key };
      kept.push(entry);
      if (held === undefined) this.byKeyMap.set(key, entry);
      else if (Array.isArray(held)) held.push(entry);
      else this.byKeyMap.set(key, [held, entry]);
    }
    for (const held of this.byKeyMap.values()) if (Array.isArray(held)) held.sort(newestFirst);
    this.entries = kept;
  }

  get size(): number {
    let n = this.entries.length;
    for (const s of this.stores) n += s.size;
    return n;
  }

  all(): readonly DirectiveEntry[] {
    if (!this.stores.length) return this.entries;
    return [...this.entries, ...this.stores.flatMap((s) => s.all())];
  }

  /** Every entry with that number (several dates or localities = several documents), newest first. */
  byKey(key: string): readonly DirectiveEntry[] {
    const k = canonical(key);
    const held = this.byKeyMap.get(k);
    const own = held === undefined || Array.isArray(held) ? held : [held];
    if (!this.stores.length) return own ?? [];
    let out: readonly DirectiveEntry[] = own ?? [];
    for (const s of this.stores) {
      const more = s.byKey(k);
      if (more?.length) out = out.length ? [...out, ...more.filter((e) => !sameDate(out, e.date, e.locality))] : more;
    }
    return out;
  }

  /** Numbers indexed (each once). */
  private *keys(): Iterable<string> {
    yield* this.byKeyMap.keys();
    for (const s of this.stores) for (const k of s.keys()) if (!this.byKeyMap.has(k)) yield k;
  }

  /** The document with that number and date, if indexed (any locality). */
  find(key: string, isoDate: string | null): DirectiveEntry | undefined {
    return sameDate(this.byKey(key), isoDate, null);
  }

  /** Number + date identity (any locality). */
  has(key: string, isoDate: string): boolean {
    return !!this.find(key, isoDate);
  }

  /** This index followed by the others: later sources add documents; duplicates keep the first and fill its gaps. */
  merge(...others: DirectiveIndex[]): DirectiveIndex {
    const sources = [this, ...others];
    const held = sources.filter((i) => i.entries.length);
    if (held.length <= 1) {
      // The usual case, the bundled store and one file: that file's entries
      // and map are shared as they are (neither changes once built), not
      // copied and indexed again.
      const index = new DirectiveIndex([]);
      if (held[0]) {
        index.entries = held[0].entries;
        index.byKeyMap = held[0].byKeyMap;
      }
      index.stores = sources.flatMap((i) => i.stores);
      index.coverages = sources.flatMap((i) => i.coverages);
      return index;
    }
    const all: DirectiveEntry[] = this.entries.map((e) => ({ ...e }));
    for (const o of others) for (const e of o.entries) all.push({ ...e });
    const index = new DirectiveIndex(all, true);
    index.stores = [this, ...others].flatMap((i) => i.stores);
    index.coverages = [this, ...others].flatMap((i) => i.coverages);
    return index;
  }

  /**
   * Indexed documents whose numbers are nearest to `key`, for "did you mean"
   * suggestions: first those with the same type code and issuer suffix
   * (`-NQ/TU`), then the same issuer or the same code, then the rest; within a
   * tier by edit distance on the key. Far-off numbers of other series are left
   * out. An exact match, if any, comes first.
   */
  nearest(key: string, limit = 5): DirectiveEntry[] {
    if (limit <= 0 || this.size === 0) return [];
    const target = canonical(key);
    // The index never changes once built: a number misspelt in many places,
    // or re-checked at every keystroke, is compared with the index once.
    const memoKey = `${limit}\u0000${target}`;
    let hit = this.nearestMemo.get(memoKey);
    if (!hit) {
      hit = this.computeNearest(target, limit);
      if (this.nearestMemo.size >= MEMO_LIMIT) this.nearestMemo.clear();
      this.nearestMemo.set(memoKey, hit);
    }
    return [...hit];
  }

  /** Each indexed key with the parts suggestions compare, parsed once on first use. */
  private keyParts(): KeyParts[] {
    this.parts ??= [...this.keys()].map((key) => ({
      key,
      list: [...this.byKey(key)],
      suffix: suffixOf(key),
      issuerPart: issuerPartOf(key),
      code: codeOf(key),
      serial: /^\d+/.exec(key)?.[0],
    }));
    return this.parts;
  }

  private computeNearest(target: string, limit: number): DirectiveEntry[] {
    const suffix = suffixOf(target);
    const issuerPart = issuerPartOf(target);
    const code = codeOf(target);
    const serial = /^\d+/.exec(target)?.[0];
    const scored: { entry: DirectiveEntry; tier: number; dist: number; gap: number }[] = [];
    for (const { key: k, list, suffix: kSuffix, issuerPart: kIssuer, code: kCode, serial: s } of this.keyParts()) {
      const dist = editDistance(target, k);
      let tier: number;
      if (k === target) tier = -1;
      else if (kSuffix === suffix) tier = 0;
      else if (kIssuer === issuerPart || (code && kCode === code)) tier = 1;
      else tier = 2;
      if (tier === 2 && dist > Math.max(2, Math.floor(target.length / 3))) continue;
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
    // The index never changes once built: completion asks again at every keystroke.
    let hit = this.typeMemo.get(want);
    if (!hit) {
      hit = this.all().filter((e) => foldType(e.type) === want).sort(newestFirst);
      this.typeMemo.set(want, hit);
    }
    return [...hit];
  }
}
