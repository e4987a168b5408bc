// Builds the .vsix: minified bundles (esbuild) and the allow-listed files (.vscodeignore) are
// staged in test-artifacts/package, so a parallel `npm run build` cannot swap the bundles, and
// @vscode/vsce packs them there. The bundles hold every dependency, so vsce packs no
// node_modules. Prints the size and the file list for the README.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const stage = join(root, 'test-artifacts', 'package');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, `${name}-${version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of ['package.json', 'README.md', 'LICENSE', 'images/icon.png', '.vscodeignore', 'syntaxes', 'schema']) {
  if (!existsSync(join(root, entry))) throw new Error(`${entry} is missing; the extension needs it (schema/: npm run schema)`);
  cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORTWARDEN_MINIFY: '1', PORTWARDEN_OUTDIR: join(stage, 'dist') },
});
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' }).trim().split('\n');
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(`\n${out.slice(root.length + 1)}: ${kib(statSync(out).size)} (${files.length} files, sizes before compression):`);
for (const file of files) console.log(`  ${file.padEnd(48)} ${kib(statSync(join(stage, file)).size).padStart(8)}`);
