// Word files for the editor: `kehoach/checkWord` (the findings of a .docx
// with their places), `kehoach/annotateWord` (a commented copy),
// `kehoach/importWord` (the text of a .docx as a draft) and
// `kehoach/exportWord` (an open plan as .docx, or PDF through LibreOffice).
// Files are named by the user (an open dialog, a save dialog); a thin adapter
// over server/src/docx.

import * as fs from 'fs';
import * as path from 'path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { LintOptions } from '../../core/lint';
import type { FeatureContext } from './index';
import type { Language } from '../language';

import { loadWord as word } from '../../docx/sniff';

export const CHECK_WORD_REQUEST = 'kehoach/checkWord';
export const ANNOTATE_WORD_REQUEST = 'kehoach/annotateWord';
export const IMPORT_WORD_REQUEST = 'kehoach/importWord';
export const EXPORT_WORD_REQUEST = 'kehoach/exportWord';

export interface WordFinding {
  code: string;
  severity: string;
  message: string;
  /** `đoạn 77`, `bảng 1, hàng 3, ô 2`. */
  place: string;
  quote: string;
}

function fileOf(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return undefined;
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

function failure(err: unknown, lang: Language): ResponseError<void> {
  const message = err instanceof word().DocxError ? err.msg[lang] : err instanceof Error ? err.message : String(err);
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function readBytes(uri: unknown): Uint8Array {
  const file = fileOf(uri);
  if (!file) throw new Error('not a file URI');
  return fs.readFileSync(file);
}

export const wordFeature = {
  capabilities: {} as ServerCapabilities,
  register(connection: Connection, documents: TextDocuments<TextDocument>, ctx: FeatureContext): void {
    const options = (uri?: string): LintOptions => {
      const s = ctx.settings(uri);
      return { index: ctx.index(uri), levels: s.rules, labels: s.labels, maxFileSizeMb: s.maxFileSizeMb };
    };
    const lang = () => ctx.language();

    connection.onRequest(CHECK_WORD_REQUEST, (params: { uri: string }): { findings: WordFinding[] } | ResponseError<void> => {
      try {
        const { checkDocx, describeLocation } = word();
        const { diagnostics } = checkDocx(readBytes(params?.uri), options(params?.uri));
        return {
          // Hints (citations the index cannot vouch for) are not problems of the file: left out, as the CLI's text output does.
          findings: diagnostics.filter((d) => d.severity !== 'hint').map((d) => ({
            code: d.code,
            severity: d.severity,
            message: d.message[lang()],
            place: d.location ? describeLocation(d.location.location)[lang()] : '',
            quote: d.location?.quote ?? '',
          })),
        };
      } catch (err) {
        ctx.logError(`${CHECK_WORD_REQUEST} ${params?.uri}`, err);
        return failure(err, lang());
      }
    });

    connection.onRequest(ANNOTATE_WORD_REQUEST, (params: { uri: string; target: string }): { comments: number } | ResponseError<void> => {
      try {
        const target = fileOf(params?.target);
        if (!target || target === fileOf(params?.uri)) throw new Error({ vi: 'cần một tệp khác tệp gốc', en: 'needs a file other than the original' }[lang()]);
        const { annotate, checkDocx } = word();
        const checked = checkDocx(readBytes(params.uri), options(params.uri));
        const { bytes, comments } = annotate(checked.doc, checked.diagnostics, { lang: lang() });
        fs.writeFileSync(target, bytes);
        return { comments };
      } catch (err) {
        ctx.logError(`${ANNOTATE_WORD_REQUEST} ${params?.uri}`, err);
        return failure(err, lang());
      }
    });

    connection.onRequest(IMPORT_WORD_REQUEST, (params: { uri: string }): { text: string } | ResponseError<void> => {
      try {
        return { text: word().importDocx(readBytes(params?.uri)) };
      } catch (err) {
        ctx.logError(`${IMPORT_WORD_REQUEST} ${params?.uri}`, err);
        return failure(err, lang());
      }
    });

    connection.onRequest(EXPORT_WORD_REQUEST, async (params: { uri: string; target: string; format: 'docx' | 'pdf' }): Promise<{ target: string }> => {
      const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
      const target = fileOf(params?.target);
      if (!doc || !target) throw new ResponseError(ErrorCodes.InvalidParams, { vi: 'Văn bản chưa được mở trong trình soạn thảo.', en: 'The document is not open in the editor.' }[lang()]);
      try {
        const { convertWithOffice, exportDocx } = word();
        const bytes = await exportDocx(doc.getText());
        if (params.format !== 'pdf') fs.writeFileSync(target, bytes);
        else {
          const docx = `${target.replace(/\.pdf$/i, '')}.kehoach-tmp.docx`;
          fs.writeFileSync(docx, bytes);
          try {
            const pdf = convertWithOffice(docx, 'pdf');
            fs.copyFileSync(pdf, target);
            fs.rmSync(path.dirname(path.dirname(pdf)), { recursive: true, force: true });
          } finally {
            fs.rmSync(docx, { force: true });
          }
        }
        return { target: params.target };
      } catch (err) {
        ctx.logError(`${EXPORT_WORD_REQUEST} ${params.uri}`, err);
        throw failure(err, lang());
      }
    });
  },
};
