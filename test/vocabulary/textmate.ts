// Tokenizes lines with the kehoach grammar as VS Code does (vscode-textmate on
// Oniguruma), from grammar texts given in memory: a test can build a grammar
// from a changed table and colour with it without writing over syntaxes/.

import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { ROOT } from '../helpers';

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

export interface Token {
  text: string;
  scopes: string[];
}

/** A tokenizer over the `text.kehoach` grammar held in `grammarText`. */
export async function planTokenizer(grammarText: string): Promise<(line: string) => Token[]> {
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scope) => (scope === 'text.kehoach' ? vsctm.parseRawGrammar(grammarText, 'grammar.json') : null),
  });
  const grammar = await registry.loadGrammar('text.kehoach');
  if (!grammar) throw new Error('text.kehoach did not load');
  return (line) =>
    grammar.tokenizeLine(line, vsctm.INITIAL).tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** The scopes of the token whose text is exactly `text`, or none. */
export function scopesOf(tokens: Token[], text: string): string[] {
  return tokens.find((t) => t.text === text)?.scopes ?? [];
}
