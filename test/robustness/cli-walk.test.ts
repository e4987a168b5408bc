import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from './support/corpus';

/*
 * The built CLI (dist/cli.js) on trees a careless walk trips over. Loops of directory links and a
 * dangling link are in test/cli/cli.test.ts; here: a loop of file links, a FIFO (a read of it
 * would block for ever), a binary file named .tf, invalid UTF-8, and files over maxFileSize.
 * Files without read permission cannot be made as root (the CI user here), so the loop of file
 * links stands in for an entry that exists but cannot be read.
 */
const cli = join(ROOT, 'dist', 'cli.js');
const OPEN_SSH = 'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  description       = "owner=ops"\n}\n';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function portwarden(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.error, undefined, `the CLI did not finish: ${String(result.error)}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function scratch(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'portwarden-robust-'));
  temporary.push(dir);
  writeFileSync(join(dir, '.portwarden.yaml'), '# defaults\n');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** `file:line:column check-id` of each finding in --format json output. */
function findings(run: Run): string[] {
  const files = JSON.parse(run.stdout) as { filePath: string; findings: { checkId: string; line: number; column: number }[] }[];
  return files.flatMap((file) => file.findings.map((finding) => `${file.filePath.replace(/.*\//, '')}:${finding.line}:${finding.column} ${finding.checkId}`));
}

describe('the CLI walk on hostile trees (built CLI)', () => {
  it('a loop of file links is reported as unreadable and the run goes on', () => {
    const dir = scratch({ 'main.tf': OPEN_SSH });
    symlinkSync('b.tf', join(dir, 'a.tf'));
    symlinkSync('a.tf', join(dir, 'b.tf'));
    const run = portwarden(['-f', 'json', '.'], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'portwarden: cannot read a.tf: too many levels of symbolic links (ELOOP)\nportwarden: cannot read b.tf: too many levels of symbolic links (ELOOP)\n');
    assert.deepEqual(findings(run), ['main.tf:4:3 admin-port-exposed']);
  });

  it('a FIFO named .tf is passed over in a directory, and named on the command line is reported, never read', { skip: process.platform === 'win32' ? 'no FIFOs' : false }, () => {
    const dir = scratch({ 'main.tf': OPEN_SSH });
    const made = spawnSync('mkfifo', [join(dir, 'pipe.tf')]);
    assert.equal(made.status, 0, 'mkfifo failed');
    const walked = portwarden(['-f', 'json', '.'], dir);
    assert.equal(walked.code, 1);
    assert.equal(walked.stderr, '');
    assert.deepEqual(findings(walked), ['main.tf:4:3 admin-port-exposed']);
    const named = portwarden(['-f', 'json', 'pipe.tf', 'main.tf'], dir);
    assert.equal(named.code, 2);
    assert.equal(named.stderr, `portwarden: cannot read pipe.tf: it is neither a file nor a directory\n`);
  });

  it('a binary file named .tf: a syntax error on stderr, no finding, no crash', () => {
    let seed = 11;
    const bytes = Buffer.from(Array.from({ length: 100_000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256));
    const dir = scratch({ 'main.tf': OPEN_SSH, 'blob.tf': bytes });
    const run = portwarden(['-f', 'json', '.'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^portwarden: blob\.tf:\d+:\d+: Syntax error( \(and \d+ more\))?; blocks with syntax errors were not checked\n$/);
    assert.deepEqual(findings(run), ['main.tf:4:3 admin-port-exposed']);
  });

  it('invalid UTF-8, a BOM and CRLF line ends: findings at their exact line and column', () => {
    const crlf = OPEN_SSH.replace(/\n/g, '\r\n');
    const dir = scratch({
      'latin1.tf': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from(`\n${OPEN_SSH}`)]),
      'bom-crlf.tf': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]),
      'service.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: db\r\n  labels: {owner: ops}\r\nspec:\r\n  type: LoadBalancer\r\n  ports:\r\n    - port: 5432\r\n')]),
    });
    const run = portwarden(['-f', 'json', '.'], dir);
    assert.equal(run.stderr, '');
    assert.deepEqual(findings(run), ['bom-crlf.tf:4:3 admin-port-exposed', 'latin1.tf:5:3 admin-port-exposed', 'service.yaml:9:13 public-database']);
  });

  it('a 10 MB file is skipped with a message on stderr, unread, and the run goes on with the same exit code', () => {
    const big = OPEN_SSH.repeat(Math.ceil((10 * 1024 * 1024) / OPEN_SSH.length));
    const dir = scratch({ 'main.tf': OPEN_SSH, 'generated/big.tf': big });
    const started = Date.now();
    const run = portwarden(['-f', 'json', '.'], dir);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^portwarden: generated\/big\.tf:1:1: The file has 10\.0 MiB \(10,\d{3},\d{3} bytes\), more than maxFileSize \(1\.0 MiB \(1,048,576 bytes\)\): it was not linted\. Raise maxFileSize in \.portwarden\.yaml to lint it\.\n$/);
    assert.deepEqual(findings(run), ['main.tf:4:3 admin-port-exposed']);
  });

  it('maxFileSize in .portwarden.yaml and --max-file-size set the limit; the option wins', () => {
    const dir = scratch({ 'main.tf': OPEN_SSH });
    writeFileSync(join(dir, '.portwarden.yaml'), 'maxFileSize: 100\n');
    const configured = portwarden(['-f', 'json', '.'], dir);
    assert.equal(configured.code, 0);
    assert.match(configured.stderr, /^portwarden: main\.tf:1:1: The file has 254 bytes, more than maxFileSize \(100 bytes\): it was not linted\./);
    const option = portwarden(['-f', 'json', '--max-file-size', '1000', '.'], dir);
    assert.equal(option.stderr, '');
    assert.deepEqual(findings(option), ['main.tf:4:3 admin-port-exposed']);
    assert.deepEqual(portwarden(['--max-file-size', '10MB', '.'], dir), { code: 2, stdout: '', stderr: 'portwarden: --max-file-size must be a number of bytes from 1 to 67108864, not "10MB".\nRun "portwarden --help" for usage.\n' });
    writeFileSync(join(dir, '.portwarden.yaml'), 'maxFileSize: 0\n');
    const invalid = portwarden(['.'], dir);
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /\.portwarden\.yaml:1:14: maxFileSize: 0 is out of range \(1-67108864\)\./);
  });
});
