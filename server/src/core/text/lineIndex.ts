import type { TextChange } from './change';
import { lastAtOrBefore } from './search';

// Line/character positions as LSP counts them: UTF-16 units, and a CRLF,
// a lone CR or a LF each end one line.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  /**
   * The index of `text`, which is `prev`'s text after `edit`: line starts
   * before and after the edit are kept (shifted), only the edited stretch is
   * looked at. A start depends on the two characters around it alone.
   */
  static afterEdit(prev: LineIndex, text: string, edit: TextChange): LineIndex {
    const delta = edit.newEnd - edit.oldEnd;
    const old = prev.starts;
    const starts: number[] = [];
    let k = 0;
    for (; k < old.length && old[k] <= edit.start - 1; k++) starts.push(old[k]);
    if (edit.start <= 0) starts.push(0);
    for (let s = Math.max(1, edit.start); s <= Math.min(text.length, edit.newEnd + 1); s++) {
      const c = text.charCodeAt(s - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(s) !== 10)) starts.push(s);
    }
    for (; k < old.length; k++) if (old[k] >= edit.oldEnd + 2) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  /** `starts`: the line starts when already known (afterEdit). */
  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    // From break to break with indexOf (a native scan), not a test per character.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        const next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        this.starts.push(next);
        if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
        cr = text.indexOf('\r', next);
      } else {
        this.starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const lo = Math.max(0, lastAtOrBefore(this.starts.length, (k) => this.starts[k], o));
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
