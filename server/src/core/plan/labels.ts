// Field labels drafting staff use, by kind. Matched case-insensitively on
// tone-folded text, always followed by a colon: `Tham mưu Ban Thường vụ…`
// without a colon is a sentence, not a label.

import { labelKey } from '../text/vietnamese';
import type { Msg } from '../rules/types';
import type { FieldKind } from './model';

export const DEFAULT_LABELS: Record<FieldKind, string[]> = {
  content: [
    'Nội dung', 'Nội dung cần khắc phục', 'Nội dung khắc phục', 'Nội dung thực hiện', 'Nội dung nhiệm vụ',
    'Hạn chế, khuyết điểm', 'Hạn chế', 'Khuyết điểm',
  ],
  solution: [
    'Giải pháp', 'Giải pháp khắc phục', 'Giải pháp thực hiện', 'Biện pháp', 'Biện pháp khắc phục',
    'Biện pháp thực hiện', 'Nhiệm vụ, giải pháp', 'Giải pháp, nhiệm vụ',
  ],
  lead: [
    'Cơ quan chủ trì', 'Đơn vị chủ trì', 'Cơ quan chủ trì thực hiện', 'Đơn vị chủ trì thực hiện',
    'Cơ quan, đơn vị chủ trì', 'Cơ quan/đơn vị chủ trì', 'Chủ trì', 'Cơ quan chủ trì tham mưu',
  ],
  coordination: [
    'Cơ quan phối hợp', 'Đơn vị phối hợp', 'Cơ quan, đơn vị phối hợp', 'Cơ quan/đơn vị phối hợp',
    'Cơ quan phối hợp thực hiện', 'Đơn vị phối hợp thực hiện', 'Phối hợp',
  ],
  executor: [
    'Cơ quan thực hiện', 'Đơn vị thực hiện', 'Cơ quan, đơn vị thực hiện', 'Cơ quan/đơn vị thực hiện',
    'Cơ quan/Đơn vị thực hiện', 'Trách nhiệm thực hiện', 'Phân công thực hiện',
  ],
  deadline: [
    'Thời gian thực hiện', 'Thời gian hoàn thành', 'Thời hạn hoàn thành', 'Thời hạn thực hiện', 'Thời hạn',
    'Thời gian', 'Tiến độ thực hiện', 'Tiến độ hoàn thành', 'Tiến độ', 'Lộ trình thực hiện', 'Thời gian dự kiến',
    'Thời gian tổ chức', 'Thời gian triển khai', 'Thời hạn dự kiến',
  ],
  oversight: [
    'Phân công theo dõi, chỉ đạo', 'Phân công theo dõi', 'Phân công chỉ đạo', 'Phân công phụ trách',
    'Lãnh đạo phụ trách', 'Đồng chí phụ trách',
  ],
  advisor: ['Tham mưu', 'Cơ quan tham mưu', 'Đơn vị tham mưu', 'Bộ phận tham mưu'],
};

export const FIELD_KINDS = Object.keys(DEFAULT_LABELS) as FieldKind[];

/** What each field holds, as the settings and the docs name it. */
export const FIELD_NAMES: Record<FieldKind, Msg> = {
  content: { vi: 'nội dung nhiệm vụ', en: 'task content' },
  solution: { vi: 'giải pháp', en: 'solutions' },
  lead: { vi: 'cơ quan chủ trì', en: 'lead agency' },
  coordination: { vi: 'cơ quan phối hợp', en: 'coordinating agencies' },
  executor: { vi: 'cơ quan thực hiện', en: 'executing bodies' },
  deadline: { vi: 'thời gian thực hiện', en: 'deadline' },
  oversight: { vi: 'phân công theo dõi, chỉ đạo', en: 'overseeing leader' },
  advisor: { vi: 'đơn vị tham mưu', en: 'advising unit' },
};

export type LabelLists = Partial<Record<FieldKind, string[]>>;

export class LabelTable {
  private readonly byKey = new Map<string, FieldKind>();
  private readonly maxLength: number;

  constructor(extra: LabelLists = {}) {
    let max = 0;
    for (const kind of FIELD_KINDS) {
      for (const label of [...DEFAULT_LABELS[kind], ...(extra[kind] ?? [])]) {
        const key = labelKey(label);
        if (!key) continue;
        this.byKey.set(key, kind);
        max = Math.max(max, key.length);
      }
    }
    this.maxLength = max + 4;
  }

  /** The kind of a label as written (without its colon), if the table holds it. */
  kindOf(label: string): FieldKind | undefined {
    return this.byKey.get(labelKey(label));
  }

  /**
   * Reads a label at the start of `text` (bullet and number already removed).
   * Returns the kind and the length up to and including the colon.
   */
  match(text: string): { kind: FieldKind; label: string; length: number } | undefined {
    const colon = text.indexOf(':');
    if (colon <= 0 || colon > this.maxLength) return undefined;
    const label = text.slice(0, colon).trim();
    const kind = this.byKey.get(labelKey(label));
    return kind ? { kind, label, length: colon + 1 } : undefined;
  }
}

export const DEFAULT_LABEL_TABLE = new LabelTable();
