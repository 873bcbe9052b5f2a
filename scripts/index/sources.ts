// The sources data/directives.tsv declares, each with what it covers (none is
// complete), and the text of the file.

import { DirectiveEntry } from '../../server/src/core/index/directiveIndex';
import { CompactSource, writeCompact } from '../../server/src/core/index/compactStore';

export const SOURCES: CompactSource[] = [
  {
    id: 'phapdien',
    label: 'bundled: Bộ Pháp điển (corpus/metadata/central-normative-phapdien.json)',
    coverage: { description: 'văn bản quy phạm trung ương trong Bộ Pháp điển', level: 'central', from: '1989-01-01', to: '2025-12-31', complete: false },
  },
  {
    id: 'phapdien-numbers',
    label: 'bundled: số văn bản nêu trong Bộ Pháp điển (corpus/metadata/central-numbers-phapdien.tsv)',
    coverage: { description: 'số văn bản quy phạm trung ương nêu trong Bộ Pháp điển', level: 'central', complete: false },
  },
  {
    id: 'congbao',
    label: 'bundled: Công báo 2021–2026 (corpus/metadata/central-congbao-2021-2026.json, corpus/congbao/)',
    coverage: { description: 'văn bản trung ương đăng Công báo 2021–2026 (một phần)', level: 'central', from: '2021-01-01', to: '2026-12-31', complete: false },
  },
  {
    id: 'harvest',
    label: 'bundled: trích dẫn có ngày trong văn bản Công báo, kế hoạch mẫu và seeds (các văn bản thống nhất ngày)',
    coverage: { description: 'văn bản trung ương được trích dẫn có ngày trong kho văn bản', level: 'central', complete: false },
  },
  {
    id: 'bacgiang',
    label: 'bundled: Tỉnh ủy Bắc Giang, tập văn bản thực hiện Nghị quyết Đại hội XIX (seed 004)',
    coverage: { description: 'văn bản của Tỉnh ủy, Ban Thường vụ Tỉnh ủy Bắc Giang (seed 004)', level: 'local', locality: 'Bắc Giang', complete: false },
  },
];

export const GENERATED = 'npm run build:index from ../shared/corpus (metadata, congbao, plans) and test/seeds';

/** The text of data/directives.tsv for a corpus. */
export function renderIndex(entries: readonly DirectiveEntry[]): string {
  return writeCompact(entries, SOURCES, GENERATED);
}
