import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { applyPatch } from 'diff';
import { adapters } from '../../server/src/engine/index';

/*
 * `--fix` and `--fix-dry-run` through the built CLI, on a fixture per Terraform provider and per
 * other format. Each fixture's expected change is the unified diff beside it (<fixture>.diff),
 * which reviewers read; UPDATE_SNAPSHOTS=1 rewrites them.
 */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');
const fixtures = join(root, 'test/cli/fix-fixtures');
const PROVIDERS = ['alibaba', 'aws', 'azure', 'gcp', 'huawei', 'openstack', 'tencent'];
const FIXTURES = readdirSync(fixtures).filter((name) => !name.endsWith('.diff')).sort();

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function portwarden(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function scratch(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'portwarden-fix-'));
  temporary.push(dir);
  writeFileSync(join(dir, '.portwarden.yaml'), '# defaults\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function fixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

describe('portwarden --fix and --fix-dry-run (built CLI)', () => {
  it('has a fixture for every Terraform provider and every other format', () => {
    const stems = FIXTURES.map((name) => name.replace(/\.[a-z]+$/, ''));
    const formats = adapters.map((adapter) => adapter.id).filter((id) => id !== 'terraform');
    assert.deepEqual(stems, [...PROVIDERS, ...formats].sort());
  });

  for (const name of FIXTURES) {
    describe(name, () => {
      const original = fixture(name);
      const snapshotPath = join(fixtures, `${name}.diff`);

      it('--fix-dry-run prints the unified diff of the preferred fixes and writes nothing', () => {
        const dir = scratch({ [`${name}`]: original });
        const run = portwarden(['--fix-dry-run', `${name}`], dir);
        if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(snapshotPath, run.stdout);
        assert.ok(existsSync(snapshotPath), `${snapshotPath} is missing: run UPDATE_SNAPSHOTS=1 npm test`);
        assert.equal(run.stdout, readFileSync(snapshotPath, 'utf8'));
        assert.equal(run.code, 0, `what is left after the fixes still fails the run:\n${run.stderr}`);
        assert.match(run.stderr, /^portwarden: would fix .*\.[a-z]+:\d+:\d+ [a-z-]+: .+\n/);
        assert.match(run.stderr, /portwarden: --fix-dry-run: would fix \d+ problems? in 1 file; nothing was written\n$/);
        assert.equal(readFileSync(join(dir, `${name}`), 'utf8'), original);
        const check = spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: run.stdout, encoding: 'utf8' });
        assert.equal(check.status, 0, `git apply rejects the diff: ${check.stderr}`);
      });

      it('--fix writes what the diff shows, lints the file again, and reports what it changed', () => {
        const dir = scratch({ [`${name}`]: original });
        const expected = applyPatch(original, readFileSync(snapshotPath, 'utf8'));
        assert.ok(typeof expected === 'string', 'the snapshot diff does not apply to the fixture');
        const run = portwarden(['--fix', '-f', 'json', `${name}`], dir);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(readFileSync(join(dir, `${name}`), 'utf8'), expected);
        assert.match(run.stderr, /^portwarden: fixed .*\.[a-z]+:\d+:\d+ [a-z-]+: .+\n/);
        assert.match(run.stderr, /portwarden: fixed \d+ problems? in 1 file\n$/);
        const [result] = JSON.parse(run.stdout) as { findings: { severity: string }[]; parseErrors: unknown[] }[];
        assert.deepEqual([result.findings.filter((finding) => finding.severity === 'error'), result.parseErrors], [[], []]);
        assert.deepEqual(readdirSync(dir).sort(), ['.portwarden.yaml', `${name}`], 'a temporary file was left behind');
        const again = portwarden(['--fix', `${name}`], dir);
        assert.deepEqual([again.code, again.stderr], [0, 'portwarden: fixed 0 problems in 0 files\n']);
      });
    });
  }

  it('leaves a file with a syntax error alone, and says why', () => {
    const broken = `${fixture('openstack.tf')}\nresource "openstack_networking_secgroup_rule_v2" "broken" {\n  direction = \n`;
    const dir = scratch({ 'main.tf': broken });
    const run = portwarden(['--fix', 'main.tf'], dir);
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), broken);
    assert.match(run.stderr, /portwarden: main\.tf: not fixed, because it has syntax errors; fix them first\n/);
    assert.match(run.stderr, /portwarden: fixed 0 problems in 0 files\n$/);
    assert.equal(run.code, 1, 'the finding that was not fixed still fails the run');
  });

  it('keeps the file\'s permissions and writes through a symbolic link', () => {
    const dir = scratch({ 'real.tf': fixture('huawei.tf') });
    chmodSync(join(dir, 'real.tf'), 0o640);
    symlinkSync('real.tf', join(dir, 'link.tf'));
    const run = portwarden(['--fix', 'link.tf'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(lstatSync(join(dir, 'link.tf')).isSymbolicLink(), 'the link was replaced by a file');
    assert.match(readFileSync(join(dir, 'real.tf'), 'utf8'), /remote_ip_prefix {2}= "10\.0\.0\.0\/8"/);
    assert.equal(statSync(join(dir, 'real.tf')).mode & 0o777, 0o640);
  });

  it('fixes every file of a directory and counts them; --fix-dry-run can write the report of what is left to a file', () => {
    const dir = scratch({ 'a.tf': fixture('alibaba.tf'), 'b.tf': fixture('gcp.tf') });
    const dry = portwarden(['--fix-dry-run', '-f', 'json', '-o', 'left.json', '.'], dir);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^--- a\/a\.tf\n\+\+\+ b\/a\.tf\n/m);
    assert.match(dry.stdout, /^--- a\/b\.tf\n\+\+\+ b\/b\.tf\n/m);
    assert.match(dry.stderr, /would fix 3 problems in 2 files; nothing was written\n$/);
    const left = JSON.parse(readFileSync(join(dir, 'left.json'), 'utf8')) as { findings: { severity: string }[] }[];
    assert.deepEqual(left.map((file) => file.findings.filter((finding) => finding.severity === 'error').length), [0, 0]);
    const fix = portwarden(['--fix', '.'], dir);
    assert.deepEqual([fix.code, fix.stdout], [0, '']);
    assert.match(fix.stderr, /fixed 3 problems in 2 files\n$/);
  });

  it('refuses --fix with --fix-dry-run, and --fix with inventory', () => {
    const dir = scratch({});
    assert.deepEqual(portwarden(['--fix', '--fix-dry-run', '.'], dir), { code: 2, stdout: '', stderr: 'portwarden: --fix and --fix-dry-run do not go together: choose one.\nRun "portwarden --help" for usage.\n' });
    assert.equal(portwarden(['inventory', '--fix', '.'], dir).code, 2);
  });

  it('copies nothing it was not asked to fix', () => {
    const dir = scratch({ 'clean.tf': readFileSync(join(root, 'test/cli/fixtures/clean/main.tf'), 'utf8') });
    copyFileSync(join(dir, 'clean.tf'), join(dir, 'before.txt'));
    const run = portwarden(['--fix', 'clean.tf'], dir);
    assert.deepEqual(run, { code: 0, stdout: '', stderr: 'portwarden: fixed 0 problems in 0 files\n' });
    assert.equal(readFileSync(join(dir, 'clean.tf'), 'utf8'), readFileSync(join(dir, 'before.txt'), 'utf8'));
  });
});
