// The Word adapter as one module, for callers that load it on first use (the
// language server: the docx, xmldom and fflate code is not evaluated at start).

export { annotate } from './annotate';
export { checkDocx } from './check';
export { exportDocx } from './export';
export { importDocx } from './import';
export { readDocx } from './read';
export { describeLocation } from './locate';
export { convertWithOffice } from './office';
export { DocxError } from './package';
