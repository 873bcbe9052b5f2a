// Keeps the code in small pieces a contributor can read whole: no source file
// over FILE_LIMIT lines, no function over FUNCTION_LIMIT lines (issue 13),
// measured with the TypeScript compiler's own parse. Files and functions over
// the limits are listed below with the reason; shrink the lists, never grow
// them to make a change pass. TypeScript 7 parses in its native process: the
// test opens one program over the sources (JavaScript too) and walks its trees.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { SyntaxKind, type Node, type SourceFile } from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';
import { ROOT } from './helpers';

const FILE_LIMIT = 400;
const FUNCTION_LIMIT = 80;
const SOURCE_DIRS = ['server/src', 'client/src', 'scripts'];
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/**
 * Files (paths from the repository root, `/`-separated; a folder ends in `/`)
 * left out of the file limit (their functions are still measured). Generated data: none lives under the source
 * folders (the index, the grammars and the manifest are written to data/,
 * syntaxes/ and package.json), so none is listed. Each entry below is work
 * left: split it, then remove it (the last test fails on a stale entry).
 */
const ALLOWED: Record<string, string> = {};

/** Functions over the limit, keyed `file#name` (the name the failure message prints). */
const ALLOWED_FUNCTIONS: Record<string, string> = {};

/** Whether `rel` is in an allowed area: an exact path or a folder ending in `/`. */
function allowed(rel: string): boolean {
  return Object.keys(ALLOWED).some((a) => (a.endsWith('/') ? rel.startsWith(a) : rel === a));
}

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (EXTENSIONS.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts')) out.push(path.relative(ROOT, p).split(path.sep).join('/'));
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(ROOT, d));
  return out.sort();
}

function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

interface FunctionLength {
  name: string;
  line: number;
  lines: number;
}

const FUNCTION_KINDS = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
]);

type Named = Node & { name?: Node; body?: Node; expression?: Node };

/** A readable name for a function node: its own, its variable's, property's or method's, else what calls it. */
function nameOf(node: Named, sf: SourceFile): string {
  if (node.name) return node.name.getText(sf);
  if (node.kind === SyntaxKind.Constructor) return 'constructor';
  const p = node.parent as Named | undefined;
  if (p?.name && (p.kind === SyntaxKind.VariableDeclaration || p.kind === SyntaxKind.PropertyAssignment || p.kind === SyntaxKind.PropertyDeclaration)) return p.name.getText(sf);
  if (p?.kind === SyntaxKind.CallExpression && p.expression) return `<callback of ${p.expression.getText(sf).slice(0, 40)}>`;
  return '<anonymous>';
}

/** Every function, method, accessor and arrow with a body, and its length in lines (nested ones counted in their parent too). */
function functionLengths(sf: SourceFile): FunctionLength[] {
  const breaks: number[] = [];
  for (let i = sf.text.indexOf('\n'); i >= 0; i = sf.text.indexOf('\n', i + 1)) breaks.push(i);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out: FunctionLength[] = [];
  const visit = (node: Node): undefined => {
    if (FUNCTION_KINDS.has(node.kind) && (node as Named).body) {
      const start = lineOf(node.getStart(sf));
      out.push({ name: nameOf(node, sf), line: start + 1, lines: lineOf(node.end) - start + 1 });
    }
    node.forEachChild(visit);
    return undefined;
  };
  visit(sf);
  return out;
}

/**
 * The functions of each file, parsed by one program over exactly `abs`
 * (absolute paths): a throwaway tsconfig in a temporary folder, with
 * JavaScript allowed and no libraries, since only syntax is needed.
 */
function measureFunctions(abs: string[]): Map<string, FunctionLength[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-structure-'));
  const config = path.join(dir, 'tsconfig.json');
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: { allowJs: true, noEmit: true, noLib: true, types: [], skipLibCheck: true, noResolve: true }, files: abs }));
  const api = new API({ cwd: ROOT });
  try {
    const program = api.updateSnapshot({ openProject: config }).getProjects()[0].program;
    const out = new Map<string, FunctionLength[]>();
    for (const f of abs) {
      const sf = program.getSourceFile(f);
      assert.ok(sf, `${f} not parsed`);
      out.set(f, functionLengths(sf));
    }
    return out;
  } finally {
    api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('code structure (issue 13: small files, short functions)', function () {
  this.timeout(120000);
  const files = sourceFiles();
  const fixture = path.join(os.tmpdir(), `kehoach-structure-fixture-${process.pid}.ts`);
  const FIXTURE = ['function a() {', '  const b = () => {', '    return 1;', '  };', '  return b();', '}', 'class C {', '  m(): void {}', '}', 'run(() => 0);'].join('\n');
  let measured: Map<string, FunctionLength[]>;
  const over = (f: string) => measured.get(path.join(ROOT, f))!.filter((fn) => fn.lines > FUNCTION_LIMIT);
  const linesOf = (f: string) => lineCount(fs.readFileSync(path.join(ROOT, f), 'utf8'));

  before(() => {
    fs.writeFileSync(fixture, FIXTURE);
    try {
      measured = measureFunctions([...files.map((f) => path.join(ROOT, f)), fixture]);
    } finally {
      fs.rmSync(fixture, { force: true });
    }
  });

  it('finds the sources, TypeScript and JavaScript', () => {
    assert.ok(files.length > 100, `only ${files.length} source files found`);
    assert.ok(files.includes('server/src/core/plan/parse.ts') && files.includes('scripts/setup.mjs'));
  });

  it('measures a function as the compiler parses it', () => {
    assert.deepStrictEqual(
      measured.get(fixture)!.map((f) => `${f.name}@${f.line}:${f.lines}`),
      ['a@1:6', 'b@2:3', 'm@8:1', '<callback of run>@10:1'],
    );
  });

  it(`no file over ${FILE_LIMIT} lines outside the allow-list`, () => {
    const long = files.filter((f) => !allowed(f) && linesOf(f) > FILE_LIMIT).map((f) => `${f}: ${linesOf(f)} lines`);
    assert.deepStrictEqual(long, []);
  });

  it(`no function over ${FUNCTION_LIMIT} lines outside the allow-list`, () => {
    const long = files.flatMap((f) => over(f).filter((fn) => !ALLOWED_FUNCTIONS[`${f}#${fn.name}`]).map((fn) => `${f}:${fn.line} ${fn.name}: ${fn.lines} lines`));
    assert.deepStrictEqual(long, []);
  });

  it('the allow-lists name only what is still over a limit', () => {
    // An entry left after its file was split would let the file grow back unseen.
    const stale = Object.keys(ALLOWED).filter((a) => !files.some((f) => (a.endsWith('/') ? f.startsWith(a) : f === a) && linesOf(f) > FILE_LIMIT));
    const staleFunctions = Object.keys(ALLOWED_FUNCTIONS).filter((key) => {
      const [f, name] = key.split('#');
      return !files.includes(f) || !over(f).some((fn) => fn.name === name);
    });
    assert.deepStrictEqual([...stale, ...staleFunctions], []);
  });
});
