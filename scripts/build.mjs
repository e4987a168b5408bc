// Bundles the CLI (and, when present, the language server and the extension client) with esbuild,
// and copies the wasm grammars next to the bundles, where server/src/node/assets.ts looks first.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
// PORTWARDEN_OUTDIR lets `npm run package` build into its own folder, untouched by a parallel `npm run build`.
const dist = process.env.PORTWARDEN_OUTDIR ?? join(root, 'dist');
mkdirSync(dist, { recursive: true });

const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/server.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
].filter((entry) => existsSync(join(root, entry.in)));

await Promise.all(entries.map((entry) => build({
  entryPoints: { [entry.out]: join(root, entry.in) },
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.env.PORTWARDEN_MINIFY === '1',
  external: entry.external ?? [],
  // jsonc-parser's UMD build requires its modules at run time, which a bundle cannot follow; its ES build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // web-tree-sitter's CommonJS build still calls createRequire(import.meta.url), which a CJS bundle
  // leaves undefined; point it at the bundle itself.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: [entry.banner, "var __bundleUrl = require('url').pathToFileURL(__filename).href;"].filter(Boolean).join('\n') },
  logLevel: 'warning',
  // server/src/node/assets.ts resolves the wasm packages only when the wasm files are not beside
  // the bundle (tests running from out/); the bundles always have them beside, so that path never runs there.
  logOverride: { 'require-resolve-not-external': 'silent' },
})));

copyFileSync(join(dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'), join(dist, 'tree-sitter.wasm'));
copyFileSync(
  join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm'),
  join(dist, 'tree-sitter-terraform.wasm'),
);
console.log(`built ${entries.map((entry) => `dist/${entry.out}.js`).join(', ')}`);
