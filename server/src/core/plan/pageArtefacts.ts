// Lines a PDF conversion leaves between the lines of a paragraph or a table:
// running headers, signature stamps and page numbers.

import { BARE_NUMBER, BLANK, PAGE_NUMBER, RUNNING_HEADER } from './lineFlags';

/** Lines of running headers, signature stamps and the page numbers set next to them or alone. */
export function pageArtefacts(flags: Uint16Array): Uint8Array {
  const out = new Uint8Array(flags.length);
  for (let k = 0; k < flags.length; k++) {
    const f = flags[k];
    if (!(f & (PAGE_NUMBER | RUNNING_HEADER))) continue;
    if (f & PAGE_NUMBER) out[k] = 1;
    if (!(f & RUNNING_HEADER)) continue;
    out[k] = 1;
    // The page number stands just before or after the header, sometimes twice.
    for (const step of [-1, 1]) {
      let seen = 0;
      for (let j = k + step; j >= 0 && j < flags.length && seen < 3; j += step) {
        const q = flags[j];
        if (q & BLANK) continue;
        seen++;
        if (q & BARE_NUMBER) out[j] = 1;
        else if (!(q & RUNNING_HEADER)) break;
      }
    }
  }
  return out;
}
