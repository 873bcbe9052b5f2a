// The bundled index in its stored form: one line per document, sorted by
// number, kept as the file's bytes and read line by line on lookup. Ten
// thousand documents as objects would cost the server megabytes it does not
// have and a load it cannot wait for; as bytes plus a map from number to the
// offset of its first line, the index is ready in milliseconds.
//
// Line 1 is a JSON header: `version`, `generated`, `sources` (id, label and
// coverage of every source) and the dictionaries `types`, `issuers`,
// `localities`. Then one line per entry, tab-separated:
//   key, number (empty: as the key), date (ISO or empty), type, issuer,
//   locality, source (indices into the dictionaries, empty: none), cited
//   (how many texts cite it, empty: none), subject, status.
// Pure: the caller reads the file.

import type { DirectiveEntry } from './directiveIndex';
import type { IndexCoverage } from './coverage';

export const COMPACT_VERSION = 2;

export interface CompactSource {
  id: string;
  /** Where the data comes from, for hovers. */
  label: string;
  coverage: IndexCoverage;
}

export interface CompactHeader {
  version: number;
  generated: string;
  sources: CompactSource[];
  types: string[];
  issuers: string[];
  localities: string[];
}

/** A lookup store over the stored form. */
export interface EntryStore {
  readonly size: number;
  byKey(key: string): readonly DirectiveEntry[] | undefined;
  keys(): Iterable<string>;
  all(): readonly DirectiveEntry[];
  coverage(): IndexCoverage[];
}

const TAB = 9;
const NL = 10;
const decoder = new TextDecoder('utf-8');

/** Parsed lists kept: enough for every citation of many open plans. */
const CACHE_LIMIT = 20_000;

export class CompactStore implements EntryStore {
  private readonly offsets = new Map<string, number>();
  private readonly cache = new Map<string, DirectiveEntry[]>();
  private everything?: DirectiveEntry[];
  readonly size: number;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly header: CompactHeader,
    bodyStart: number,
  ) {
    let count = 0;
    let previous = '';
    for (let at = bodyStart; at < bytes.length; ) {
      let tab = at;
      while (tab < bytes.length && bytes[tab] !== TAB && bytes[tab] !== NL) tab++;
      const key = ascii(bytes, at, tab) ?? decoder.decode(bytes.subarray(at, tab));
      if (key !== previous) {
        this.offsets.set(key, at);
        previous = key;
      }
      count++;
      let nl = bytes.indexOf(NL, tab);
      if (nl < 0) nl = bytes.length;
      at = nl + 1;
    }
    this.size = count;
  }

  /** The store of a file's bytes; throws on a header that is not ours (the caller reports it). */
  static read(bytes: Uint8Array): CompactStore {
    const nl = bytes.indexOf(NL);
    const header = JSON.parse(decoder.decode(bytes.subarray(0, nl < 0 ? bytes.length : nl))) as CompactHeader;
    if (header.version !== COMPACT_VERSION || !Array.isArray(header.sources)) throw new Error(`not a version ${COMPACT_VERSION} index`);
    return new CompactStore(bytes, header, nl < 0 ? bytes.length : nl + 1);
  }

  get generated(): string {
    return this.header.generated;
  }

  sources(): readonly CompactSource[] {
    return this.header.sources;
  }

  coverage(): IndexCoverage[] {
    return this.header.sources.map((s) => s.coverage);
  }

  keys(): Iterable<string> {
    return this.offsets.keys();
  }

  byKey(key: string): readonly DirectiveEntry[] | undefined {
    let hit = this.cache.get(key);
    if (hit) return hit;
    const at = this.offsets.get(key);
    if (at === undefined) return undefined;
    hit = this.linesFrom(at, key);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, hit);
    return hit;
  }

  all(): readonly DirectiveEntry[] {
    if (!this.everything) {
      const out: DirectiveEntry[] = [];
      for (const key of this.offsets.keys()) out.push(...this.byKey(key)!);
      this.everything = out;
    }
    return this.everything;
  }

  private linesFrom(at: number, key: string): DirectiveEntry[] {
    const out: DirectiveEntry[] = [];
    const { bytes } = this;
    while (at < bytes.length) {
      let nl = bytes.indexOf(NL, at);
      if (nl < 0) nl = bytes.length;
      const cells = decoder.decode(bytes.subarray(at, nl)).split('\t');
      if (cells[0] !== key) break;
      out.push(this.entryOf(cells));
      at = nl + 1;
    }
    return out;
  }

  private entryOf(cells: string[]): DirectiveEntry {
    const h = this.header;
    const [key, number, date, type, issuer, locality, source, cited, subject, status] = cells;
    const e: DirectiveEntry = {
      number: number || key,
      key,
      type: h.types[Number(type)] ?? 'Văn bản',
      date: date || null,
      source: h.sources[Number(source)]?.label ?? 'bundled',
    };
    if (issuer) e.issuer = h.issuers[Number(issuer)];
    if (locality) e.locality = h.localities[Number(locality)];
    if (cited) e.cited = Number(cited);
    if (subject) e.subject = subject;
    if (status) e.status = status;
    return e;
  }
}

/** The text of [from, to) when it is plain ASCII (most numbers), else undefined. */
function ascii(bytes: Uint8Array, from: number, to: number): string | undefined {
  let s = '';
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b >= 0x80) return undefined;
    s += String.fromCharCode(b);
  }
  return s;
}

/** Dictionary builder for the writer: each distinct value once, by first use. */
class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(v: string | undefined): string {
    if (v === undefined) return '';
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.ids.set(v, id);
    }
    return String(id);
  }
}

function cell(s: string | undefined): string {
  return (s ?? '').replace(/[\t\n\r]+/g, ' ');
}

/** The stored form of `entries` (already in key order), with their sources. */
export function writeCompact(entries: readonly DirectiveEntry[], sources: CompactSource[], generated: string): string {
  const types = new Dictionary();
  const issuers = new Dictionary();
  const localities = new Dictionary();
  const sourceIds = new Map(sources.map((s, i) => [s.id, String(i)]));
  const lines: string[] = [];
  for (const e of entries) {
    const src = sourceIds.get(e.source);
    if (src === undefined) throw new Error(`entry ${e.number}: unknown source ${e.source}`);
    lines.push(
      [
        e.key,
        e.number === e.key ? '' : e.number,
        e.date ?? '',
        types.id(e.type),
        issuers.id(e.issuer),
        localities.id(e.locality),
        src,
        e.cited ? String(e.cited) : '',
        cell(e.subject),
        cell(e.status),
      ]
        .join('\t')
        .replace(/\t+$/, ''),
    );
  }
  const header: CompactHeader = { version: COMPACT_VERSION, generated, sources, types: types.values, issuers: issuers.values, localities: localities.values };
  return `${JSON.stringify(header)}\n${lines.join('\n')}\n`;
}
