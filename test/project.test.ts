import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { checks } from '../server/src/engine/checks/index';
import { renderCheckPage, withChecksTable } from '../server/src/docs/render';

const root = join(__dirname, '..', '..');
const checksDir = join(root, 'server/src/engine/checks');
const NOT_CHECKS = new Set(['index.ts', 'define-check.ts', 'fixes.ts', 'named-port-report.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('check registry', () => {
  it('registers every check file, sorted by id, each with its test table', () => {
    const files = readdirSync(checksDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !NOT_CHECKS.has(name));
    assert.deepEqual(checks.map((check) => `${check.id}.ts`).sort(), files.sort(), 'checks/index.ts and the check files disagree');
    assert.deepEqual(checks.map((check) => check.id), [...checks.map((check) => check.id)].sort(), 'checks/index.ts is not sorted');
    for (const file of files) assert.ok(existsSync(join(checksDir, file.replace(/\.ts$/, '.test.ts'))), `${file} has no test file`);
  });

  it('names an existing example for every check', () => {
    for (const check of checks) assert.ok(existsSync(join(root, check.docs.example)), `${check.id}: ${check.docs.example} is missing`);
  });
});

describe('generated docs are up to date (npm run docs)', () => {
  for (const check of checks) {
    it(`docs/checks/${check.id}.md`, () => {
      const examplePath = join(root, check.docs.example);
      const expected = renderCheckPage(check, existsSync(examplePath) ? readFileSync(examplePath, 'utf8') : undefined);
      const pagePath = join(root, 'docs/checks', `${check.id}.md`);
      assert.ok(existsSync(pagePath), `${pagePath} is missing: run npm run docs`);
      assert.equal(readFileSync(pagePath, 'utf8'), expected, 'stale: run npm run docs');
    });
  }

  it('README checks table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.equal(withChecksTable(readme, checks), readme, 'stale: run npm run docs');
  });
});

describe('architecture', () => {
  it('keeps the engine pure: no fs, process, LSP or front-end imports', () => {
    const forbidden = /from\s+['"](node:)?(fs|fs\/promises|child_process|process|os|vscode-languageserver[^'"]*|vscode|[./]+\/(lsp|cli|node)\/[^'"]*)['"]|require\(/;
    const offenders = sourceFiles(join(root, 'server/src/engine'))
      .filter((file) => forbidden.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    assert.deepEqual(offenders, []);
  });
});
