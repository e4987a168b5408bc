// Regenerates docs/checks/<id>.md and the README's checks table from the check metadata.
// Runs on the compiled code in out/ (npm run docs compiles first).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const { checks } = require(join(root, 'out/server/src/engine/checks/index.js'));
const { renderCheckPage, withChecksTable } = require(join(root, 'out/server/src/docs/render.js'));

mkdirSync(join(root, 'docs/checks'), { recursive: true });
for (const check of checks) {
  const examplePath = join(root, check.docs.example);
  const example = existsSync(examplePath) ? readFileSync(examplePath, 'utf8') : undefined;
  writeFileSync(join(root, 'docs/checks', `${check.id}.md`), renderCheckPage(check, example));
}
const readmePath = join(root, 'README.md');
const readme = withChecksTable(readFileSync(readmePath, 'utf8'), checks);
if (readme === undefined) throw new Error('README.md lacks the CHECKS markers');
writeFileSync(readmePath, readme);
console.log(`wrote ${checks.length} check pages and the README table`);
