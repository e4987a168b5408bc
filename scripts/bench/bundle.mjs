// Bundles the CLI's runCli() (server/src/cli/run.ts) into a folder of its own for the in-process
// lint pass, built as scripts/build.mjs builds dist/cli.js (same esbuild settings) but without the
// entry point that runs on load, with the wasm files beside it where server/src/node/assets.ts looks.
import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Writes `<folder>/run.cjs` (exporting runCli, and findAdapter to tell a file's format) and the two wasm files; returns the bundle's path. */
export async function bundleRunCli(root, folder) {
  const outfile = join(folder, 'run.cjs');
  await build({
    stdin: { contents: "export { runCli } from './server/src/cli/run';\nexport { findAdapter } from './server/src/engine/index';", resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "var __bundleUrl = require('url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  copyFileSync(join(dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'), join(folder, 'tree-sitter.wasm'));
  copyFileSync(join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm'), join(folder, 'tree-sitter-terraform.wasm'));
  return outfile;
}
