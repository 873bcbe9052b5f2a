// One edit as incremental analysis sees it: the old text [start, oldEnd)
// became the new text [start, newEnd). Several edits between two analyses
// are covered by one such change (see coverChange).

export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The change covering `change` (base → current text) followed by `edit`
 * (an edit of the current text): base → the text after the edit.
 */
export function coverChange(change: TextChange | undefined, edit: TextChange): TextChange {
  if (!change) return { ...edit };
  const start = Math.min(change.start, edit.start);
  // The current text's end of the region both cover, and the base offset it stands for.
  const end = Math.max(change.newEnd, edit.oldEnd);
  const oldEnd = end - (change.newEnd - change.oldEnd);
  return { start, oldEnd, newEnd: end + (edit.newEnd - edit.oldEnd) };
}
