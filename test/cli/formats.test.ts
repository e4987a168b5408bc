import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

/* The shipped bundle, dist/cli.js, on a directory that mixes every format with files of none. */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');

interface JsonReport {
  readonly filePath: string;
  readonly findings: readonly { readonly checkId: string; readonly line: number; readonly column: number }[];
}

function lintJson(args: readonly string[]): { code: number | null; files: JsonReport[]; stderr: string } {
  const result = spawnSync(process.execPath, [cli, '--format', 'json', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, files: JSON.parse(result.stdout) as JsonReport[], stderr: result.stderr };
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('CLI on a directory of every format', () => {
  it('lints the bad examples of every format and finds something in each file', () => {
    const { code, files } = lintJson(['examples']);
    assert.equal(code, 1);
    const bad = files.filter((file) => file.filePath.includes('/bad/'));
    const formats = new Set(bad.map((file) => /examples\/([^/]+)\//.exec(file.filePath)?.[1]));
    assert.deepEqual([...formats].sort(), ['cloudformation', 'compose', 'kubernetes', 'sg-exports', 'terraform']);
    for (const file of bad) assert.ok(file.findings.length > 0, `${file.filePath} has no findings`);
  });

  it('finds nothing in the good examples of any format', () => {
    const { code, files } = lintJson(['examples/kubernetes/good', 'examples/cloudformation/good', 'examples/compose/good', 'examples/sg-exports/good']);
    assert.equal(code, 0);
    assert.deepEqual(files.flatMap((file) => file.findings.map((finding) => `${file.filePath}:${finding.line}:${finding.column} ${finding.checkId}`)), []);
  });

  it('skips YAML and JSON that no format claims, Helm templates and other files, quietly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portwarden-formats-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'package.json'), '{ "name": "x", "version": "1.0.0" }\n');
    writeFileSync(join(dir, 'values.yaml'), 'replicas: 2\nports: [0-65535]\n');
    writeFileSync(join(dir, 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 22\n');
    writeFileSync(join(dir, 'notes.txt'), 'kind: Service\n');
    writeFileSync(join(dir, 'compose.yml'), 'services:\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n');
    const { code, files, stderr } = lintJson([dir]);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.deepEqual(files.map((file) => [file.filePath.split('/').pop(), file.findings.map((finding) => finding.checkId)]), [['compose.yml', ['missing-owner', 'public-database']]]);
  });
});
