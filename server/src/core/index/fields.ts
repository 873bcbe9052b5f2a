// The fields of an index entry as users name them (English or Vietnamese, any
// case, with or without diacritics), and the cleaning of their values. The
// memos live in one FieldReader per file read: a large index repeats the same
// few names, types and issuers on every entry.

import { isoDate } from '../citations/dates';
import { canonicalType } from '../citations/extract';

export type Field = 'number' | 'date' | 'type' | 'issuer' | 'locality' | 'subject' | 'status';

/** Lower case, no diacritics, đ → d, runs of spaces/_/- → `_`. */
function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/[\s_\-.]+/g, '_');
}

/** Accepted names of each field, English and Vietnamese (folded). */
const FIELD_NAMES: Record<string, Field> = {
  number: 'number', so: 'number', so_ky_hieu: 'number', so_hieu: 'number', ky_hieu: 'number', so_va_ky_hieu: 'number',
  date: 'date', ngay: 'date', ngay_ban_hanh: 'date', ngay_thang_nam: 'date',
  type: 'type', loai: 'type', loai_van_ban: 'type', the_loai: 'type',
  issuer: 'issuer', co_quan_ban_hanh: 'issuer', co_quan: 'issuer', noi_ban_hanh: 'issuer',
  locality: 'locality', dia_phuong: 'locality', tinh: 'locality', tinh_thanh_pho: 'locality',
  subject: 'subject', trich_yeu: 'subject', trich_yeu_van_ban: 'subject', title: 'subject',
  status: 'status', trang_thai: 'status', hieu_luc: 'status', tinh_trang: 'status',
};

/** Vietnamese name of a field, as drafting staff say it. */
export const FIELD_VI: Record<Field, string> = {
  number: 'số, ký hiệu', date: 'ngày ban hành', type: 'loại văn bản', issuer: 'cơ quan ban hành', locality: 'địa phương', subject: 'trích yếu', status: 'trạng thái',
};

/** The field a key names. Own properties only: `__proto__`, `constructor` and the like name nothing. */
export function fieldNamed(name: string): Field | undefined {
  const folded = foldName(name);
  return Object.hasOwn(FIELD_NAMES, folded) ? FIELD_NAMES[folded] : undefined;
}

/** NFC, spaces collapsed and trimmed. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const DASH = 45;
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9];

/** The number of the two digits at `k` (validated by the caller). */
const two = (t: string, k: number): number => (t.charCodeAt(k) - 48) * 10 + t.charCodeAt(k + 1) - 48;

/** `yyyy-mm-dd` written in full with a real date: returned as it is, nothing built (most entries of a large index). */
function canonicalIso(t: string): string | undefined {
  if (t.length !== 10 || t.charCodeAt(4) !== DASH || t.charCodeAt(7) !== DASH || t.charCodeAt(0) === 48) return undefined;
  for (const k of DIGIT_AT) {
    const c = t.charCodeAt(k);
    if (c < 48 || c > 57) return undefined;
  }
  return isoDate(two(t, 8), two(t, 5), two(t, 0) * 100 + two(t, 2)) ? t : undefined;
}

/** ISO date from `2021-06-08`, `8/6/2021`, `08-06-2021` or `08.06.2021`; undefined if not a real date. */
export function parseIndexDate(s: string): string | undefined {
  const t = s.trim();
  const iso = canonicalIso(t);
  if (iso) return iso;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  return undefined;
}

/** A map remembering at most a thousand answers of `fn`. */
class Memo<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly fn: (s: string) => T) {}
  get(s: string): T {
    if (this.map.has(s)) return this.map.get(s) as T;
    const v = this.fn(s);
    if (this.map.size >= 1000) this.map.clear();
    this.map.set(s, v);
    return v;
  }
}

/** Every day of some sixty years: what one index's dates span. */
const DATE_MEMO_LIMIT = 20_000;

/** Field names and values as one file's reader sees them, memoised for that file. */
export class FieldReader {
  private readonly names = new Memo(fieldNamed);
  private readonly short = new Memo(cleanText);
  /** Written date → ISO date (undefined: not a date). */
  private readonly dates = new Map<string, string | undefined>();
  private readonly types = new Memo((type: string) => canonicalType(this.clean(type)));

  field(name: string): Field | undefined {
    return this.names.get(name);
  }

  /** NFC, spaces collapsed and trimmed (short values memoised). */
  clean(s: string): string {
    return s.length > 64 ? cleanText(s) : this.short.get(s);
  }

  /**
   * The ISO date of a date as written (see parseIndexDate), memoised: a large
   * index repeats its dates, and the entries then share one string apiece.
   */
  date(s: string): string | undefined {
    const dates = this.dates;
    let iso = dates.get(s);
    if (iso === undefined && !dates.has(s)) {
      iso = parseIndexDate(s);
      if (dates.size >= DATE_MEMO_LIMIT) dates.clear();
      dates.set(s, iso);
    }
    return iso;
  }

  /** The canonical name of a document type as written (`nghị quyết` → `Nghị quyết`). */
  type(s: string): string {
    return this.types.get(s);
  }
}
