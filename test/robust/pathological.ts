// Pathological inputs, shared by the hostile-input tests (and usable by the benchmark).

/** One line of `size` characters: Vietnamese words, digits and punctuation, no line break. */
export function hugeLine(size = 1_000_000): string {
  const unit = 'Ủy ban nhân dân tỉnh 1.2. số 109-NQ/TU ngày 08/6/2021 * | ';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** `count` lines of `1.1.1.1.1.`: a hundred thousand duplicate headings. */
export function repeatedNumbering(count = 100_000): string {
  return 'KẾ HOẠCH\n' + '1.1.1.1.1.\n'.repeat(count);
}

/** One heading `depth` levels deep per level: 1., 1.1., 1.1.1., … */
export function deepNumbering(depth = 40): string {
  const lines = ['KẾ HOẠCH', 'II. NHIỆM VỤ'];
  for (let d = 1; d <= depth; d++) lines.push(`${Array(d).fill('1').join('.')}. Nhiệm vụ cấp ${d}`, 'Cơ quan chủ trì: Sở Nội vụ', 'Thời gian thực hiện: Quý I/2026');
  return lines.join('\n');
}

/** One paragraph citing `count` documents. */
export function manyCitations(count = 50_000): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`Nghị quyết số ${(i % 997) + 1}-NQ/TU ngày ${(i % 28) + 1}/${(i % 12) + 1}/20${10 + (i % 15)}`);
  return 'KẾ HOẠCH\n\nCăn cứ ' + parts.join(', ') + '.\n';
}

/** A Markdown plan whose table and emphasis never close. */
export function unterminatedMarkdown(rows = 20_000): string {
  const out = ['# KẾ HOẠCH', '', '| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian', '|---|---|---'];
  for (let i = 0; i < rows; i++) out.push(`| ${i + 1} | **Việc ${i} _nghiêng *đậm | Sở ${i}`);
  out.push('**chưa đóng', '*', '_', '| a |', '|');
  return out.join('\n');
}
