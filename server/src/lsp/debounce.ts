/** Delay after the last keystroke before a document is checked again (opening checks at once). */
export const DEBOUNCE_MS = 80;
