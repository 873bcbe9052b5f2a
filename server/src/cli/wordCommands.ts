// The options of `kehoach export` and `kehoach import`, apart from word.ts so
// that the help lists them without loading the Word code.

import type { Msg } from '../core/rules/types';
import { CommandSpec, LANG_OPTION } from './options';

const WRITE_EXIT_CODES: Msg[] = [
  { vi: '0  đã ghi tệp', en: '0  the file was written' },
  { vi: '2  sai cách gọi, hoặc tệp không đọc được', en: '2  a usage error, or the file cannot be read' },
];

const OUTPUT_OPTION: CommandSpec["options"][number] = { name: 'output', short: 'o', value: 'OUT', help: { vi: 'tệp ra (mặc định: cạnh tệp vào)', en: 'the file written (default: beside the input)' } };

export const EXPORT_COMMAND: CommandSpec = {
  name: 'export',
  operands: { vi: 'TỆP', en: 'FILE' },
  summary: { vi: 'xuất kế hoạch thành văn bản Word (hoặc PDF) đúng thể thức', en: 'exports a plan as a Word (or PDF) document laid out by the rules of form' },
  options: [
    { name: 'to', value: 'docx|pdf', default: 'docx', help: { vi: 'docx (mặc định) hoặc pdf (cần LibreOffice)', en: 'docx (default) or pdf (needs LibreOffice)' } },
    OUTPUT_OPTION,
    { name: 'party', help: { vi: 'thể thức văn bản của Đảng (HD 36-HD/VPTW)', en: 'the Party form (HD 36-HD/VPTW)' } },
    { name: 'state', help: { vi: 'thể thức văn bản hành chính (NĐ 30/2020/NĐ-CP)', en: 'the state form (NĐ 30/2020/NĐ-CP)' } },
    { name: 'keep-lines', help: { vi: 'giữ nguyên các dòng bị ngắt (không nối lại)', en: 'keep broken lines as they are (no re-joining)' } },
    LANG_OPTION,
  ],
  exitCodes: WRITE_EXIT_CODES,
};

export const IMPORT_COMMAND: CommandSpec = {
  name: 'import',
  operands: { vi: 'TỆP.docx', en: 'FILE.docx' },
  summary: { vi: 'nhập văn bản Word thành bản thảo .kh hoặc .md', en: 'imports a Word document as a .kh or .md draft' },
  options: [{ ...OUTPUT_OPTION, value: 'OUT.kh|OUT.md', help: { vi: 'tệp ra .kh, .md hoặc .txt (mặc định: in ra màn hình)', en: 'a .kh, .md or .txt file (default: printed)' } }, LANG_OPTION],
  exitCodes: WRITE_EXIT_CODES,
};
