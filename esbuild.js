// Bundles the three entry points into dist/: the extension (client), the
// language server and the command line. `--watch` rebuilds on change.
const esbuild = require('esbuild');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; take its ESM build.
  mainFields: ['module', 'main'],
};

/** Resolves docx/sniff.ts's lazy `require('./index')` to the separate bundle dist/word.js. */
const wordApart = {
  name: 'word-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (args) => (/docx[\\/]sniff\.ts$/.test(args.importer) ? { path: './word.js', external: true } : undefined));
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The Word code (docx, xmldom, fflate) is its own file, required only when a .docx
  // is met: the server keeps it out of its memory until then.
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', plugins: [wordApart] },
  { entryPoints: ['server/src/docx/index.ts'], outfile: 'dist/word.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The in-editor suite (test/suite/): loaded by VS Code's extension host, never shipped
  // (.vscodeignore); mocha stays a require of the project's node_modules.
  {
    entryPoints: ['test/suite/index.ts', 'test/suite/plan.suite.ts', 'test/suite/restart.suite.ts'],
    outdir: 'dist/test/suite',
    external: ['vscode', 'mocha'],
  },
];

async function main() {
  const watch = process.argv.includes('--watch');
  for (const entry of entries) {
    const options = { ...common, ...entry };
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    } else {
      await esbuild.build(options);
    }
  }
  if (!watch) require('fs').chmodSync('dist/cli.js', 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
