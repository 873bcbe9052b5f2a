// The committed grammars are what scripts/build-grammar.ts writes from the
// core tables, byte for byte, and every word of those tables is coloured
// as the parser reads it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GRAMMAR_FILES, grammarTexts, SCOPE_OF_KIND } from '../../scripts/grammar/build';
import { DOCUMENT_TYPES, TITLE_TYPES } from '../../server/src/core/citations/documentTypes';
import { extractCitations, ISSUER_STOP_WORDS } from '../../server/src/core/citations/extract';
import { normalize } from '../../server/src/core/text/normalize';
import { DEFAULT_LABELS, FIELD_KINDS } from '../../server/src/core/plan/labels';
import { ROOT } from '../helpers';
import { planTokenizer, scopesOf, Token } from './textmate';

describe('generated TextMate grammars', () => {
  it('are committed exactly as npm run build:grammar writes them', function () {
    this.timeout(60000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-grammar-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'build-grammar.ts'), out]);
      for (const rel of Object.values(GRAMMAR_FILES)) {
        const fresh = fs.readFileSync(path.join(out, rel));
        assert.ok(fresh.equals(fs.readFileSync(path.join(ROOT, rel))), `${rel} differs from the generator's output: run npm run build:grammar`);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  describe('colour every word of the core tables', () => {
    let tokenize: (line: string) => Token[];
    before(async () => {
      tokenize = await planTokenizer(grammarTexts()[GRAMMAR_FILES.plan]);
    });

    it('every field label, in the scope of its kind, in a list item and after a section number', () => {
      for (const kind of FIELD_KINDS) {
        for (const label of DEFAULT_LABELS[kind]) {
          const scope = `keyword.other.label.${SCOPE_OF_KIND[kind]}.kehoach`;
          for (const line of [`- ${label}: X`, `1.2.3. ${label}: X`, `- *${label}:* X`]) {
            assert.ok(scopesOf(tokenize(line), label).includes(scope), `${line} → ${scope}`);
          }
        }
      }
    });

    it('every type word the citation reader knows', () => {
      for (const type of DOCUMENT_TYPES) {
        const line = `Thực hiện ${type} số 05-NQ/TW ngày 01/02/2024 của Tỉnh ủy.`;
        assert.ok(scopesOf(tokenize(line), type).includes('support.type.document.kehoach'), line);
      }
    });

    it('every title that ends a header', () => {
      for (const title of TITLE_TYPES) assert.ok(scopesOf(tokenize(title), title).includes('entity.name.type.document.kehoach'), title);
    });

    it('ends an issuer where the citation reader ends it', () => {
      for (const w of ISSUER_STOP_WORDS) {
        const line = `Thực hiện Nghị quyết số 05-NQ/TW của Ban Thường vụ Tỉnh ủy ${w} công tác cán bộ`;
        assert.equal(extractCitations(normalize(line).text)[0].issuer?.text, 'Ban Thường vụ Tỉnh ủy', `reader: ${w}`);
        assert.ok(scopesOf(tokenize(line), 'Ban Thường vụ Tỉnh ủy').includes('entity.name.organization.kehoach'), `grammar: ${w}`);
      }
    });

    it('no label the parser does not read', () => {
      for (const line of ['- Sản phẩm: Báo cáo.', '- Kết quả: Đạt.', '- Phân công: Đồng chí Bí thư.']) {
        assert.ok(!tokenize(line).some((t) => t.scopes.includes('keyword.other.label.kehoach')), line);
      }
    });
  });
});
