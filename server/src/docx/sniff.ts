// Telling a Word file from a text file before reading it, with no Word code
// loaded: the command line and the server load the reader only for a .docx.

/** Whether bytes look like a zip package (a .docx). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The Word adapter, loaded on first use (docx, xmldom and fflate are not evaluated before). */
export function loadWord(): typeof import('./index') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./index') as typeof import('./index');
}
