// Semantic tokens for the labels a workspace adds: found where the parser read
// them, in the original text's lines and characters, never for built-in labels.

import assert from 'node:assert/strict';
import { addedLabelTokens } from '../../server/src/core/features/labelTokens';
import { lint } from '../../server/src/core/lint';
import { LabelTable } from '../../server/src/core/plan/labels';
import { bundledIndex, nfd } from '../helpers';

const PLAN = [
  'KẾ HOẠCH',
  '',
  'I. NHIỆM VỤ, GIẢI PHÁP',
  '',
  '1. Số hóa hồ sơ lưu trữ',
  '',
  '- Cơ quan chủ trì: Văn phòng.',
  '',
  '- *Hạn chót:* Quý II/2026.',
  '',
  '1.1.2. Bộ phận đầu mối: Phòng Hành chính.',
  '',
].join('\n');

const labels = new LabelTable({ deadline: ['Hạn chót'], lead: ['Bộ phận đầu mối'] });
const tokensOf = (text: string, table = labels) => addedLabelTokens(lint(text, { index: bundledIndex(), labels: table }));

describe('semantic tokens of added labels', () => {
  it('marks each added label where it is written, and no built-in one', () => {
    assert.deepEqual(tokensOf(PLAN), [
      { line: 8, character: 3, length: 8, kind: 'deadline' },
      { line: 10, character: 7, length: 15, kind: 'lead' },
    ]);
  });

  it('marks nothing when the workspace adds no labels', () => {
    assert.deepEqual(tokensOf(PLAN, new LabelTable()), []);
  });

  it('counts characters of the text as the editor holds it (NFD, CRLF)', () => {
    const text = nfd(PLAN).replace(/\n/g, '\r\n');
    const lines = text.split('\r\n');
    const tokens = tokensOf(text);
    assert.deepEqual(tokens.map((t) => lines[t.line].slice(t.character, t.character + t.length)), [nfd('Hạn chót'), nfd('Bộ phận đầu mối')]);
  });

  it('gives nothing for a text that is not a plan', () => {
    assert.deepEqual(addedLabelTokens(lint('Hạn chót: mai.', { labels })), []);
  });
});
