// One edit of the normalised text, as the incremental analyses take it.

/** The old normalised text [start, oldEnd) became the new text [start, newEnd). Offsets in the normalised text. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}
