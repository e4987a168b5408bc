import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import type { JsonInventory } from '../../server/src/cli/inventory/formats/json';

/* `portwarden inventory` through the built CLI, from the repository root or in scratch git repositories. */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** GitHub's variables are dropped so that links do not depend on where the tests run. */
function portwarden(args: readonly string[], cwd = root, env: Record<string, string> = {}): Run {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKSPACE, ...rest } = process.env;
  void [GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKSPACE];
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...rest, NO_COLOR: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function write(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** A git repository with one commit of `files`, outside this repository. */
function repository(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'portwarden-inventory-'));
  temporary.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, { '.portwarden.yaml': '# defaults\n', ...files });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

function group(name: string, body: string, owner = 'data-team'): string {
  return `resource "aws_security_group" "${name}" {\n${body}  tags = {\n    owner = "${owner}"\n  }\n}\n`;
}

function ingress(port: number, cidr: string): string {
  return `  ingress {\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = ["${cidr}"]\n  }\n`;
}

const EXAMPLES = 'examples/terraform/bad';

describe('portwarden inventory (built CLI)', () => {
  it('prints one line per exposure when stdout is not a terminal', () => {
    const run = portwarden(['inventory', `${EXAMPLES}/aws.tf`]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], `${EXAMPLES}/aws.tf:7: aws_security_group.web ingress tcp 0-65535 from 0.0.0.0/0 [internet] owner=- expires=2026-03-31 (expired) findings=missing-owner, expired-rule, full-range-exposure`);
    assert.equal(lines[3], `${EXAMPLES}/aws.tf:31: aws_security_group_rule.ssh ingress tcp 22 from 0.0.0.0/0, ::/0 [internet] owner=- expires=- findings=missing-owner, admin-port-exposed`);
    assert.equal(lines.at(-1), '');
  });

  it('prints an aligned table with a summary with -f table', () => {
    const run = portwarden(['inventory', '-f', 'table', `${EXAMPLES}/aws.tf`]);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^Resource +File:line +Direction +Protocol +Ports +From\/to +Reach +Owner +Expires +Findings$/);
    assert.match(lines[1], /^aws_security_group\.web +examples\/terraform\/bad\/aws\.tf:7 +ingress +tcp +0-65535 +0\.0\.0\.0\/0 +internet +\(none\) +2026-03-31 \(expired\) +missing-owner/);
    assert.equal(lines.at(-2), '8 exposures: 7 open to the internet, 8 without an owner, 1 past its expiry date, 8 with findings');
    assert.doesNotMatch(run.stdout, /\u001b\[/);
  });

  it('prints JSON with every field, counted from 1', () => {
    const run = portwarden(['inventory', '-f', 'json', `${EXAMPLES}/aws.tf`, `${EXAMPLES}/gcp.tf`]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonInventory;
    assert.equal(report.tool, 'portwarden');
    assert.deepEqual(report.summary, { exposures: 11, internet: 10, ownerless: 11, expired: 1, withFindings: 11 });
    const ssh = report.exposures.find((exposure) => exposure.resource === 'google_compute_firewall.ssh');
    assert.deepEqual(ssh && { ...ssh, findings: ssh.findings.map((finding) => finding.checkId) }, {
      filePath: join(root, EXAMPLES, 'gcp.tf'),
      line: 16,
      column: 3,
      format: 'terraform',
      provider: 'gcp',
      resource: 'google_compute_firewall.ssh',
      resourceType: 'google_compute_firewall',
      group: 'google_compute_network.vpc.name',
      direction: 'ingress',
      protocol: 'tcp',
      ports: [[22, 22], [6379, 6379]],
      portsText: '22, 6379',
      peers: [{ text: '0.0.0.0/0', reach: 'internet' }],
      reach: 'internet',
      owner: null,
      ownerState: 'missing',
      expires: null,
      isExpired: false,
      service: null,
      forward: null,
      findings: ['missing-owner', 'overlapping-rules', 'admin-port-exposed', 'public-database'],
    });
  });

  it('prints CSV that a spreadsheet reads back, with file and line apart', () => {
    const run = portwarden(['inventory', '-f', 'csv', `${EXAMPLES}/azure.tf`]);
    const records = parseCsv(run.stdout) as string[][];
    assert.deepEqual(records[0], ['Resource', 'File', 'Line', 'Provider', 'Direction', 'Protocol', 'Ports', 'From/to', 'Reach', 'Owner', 'Expires', 'Findings', 'Without owner', 'Expired']);
    assert.deepEqual(records[3], ['azurerm_network_security_rule.sql', `${EXAMPLES}/azure.tf`, '31', 'azure', 'ingress', 'tcp', '1433, 5432', '0.0.0.0/0', 'internet', '', '', 'missing-owner; shadowed-rule; public-database', 'yes', 'no']);
    assert.equal(records.length, 4);
    assert.match(run.stdout, /\r\n$/);
  });

  it('prints a Markdown table with escaped cells and links to each file and line', () => {
    const run = portwarden(['inventory', '-f', 'markdown', `${EXAMPLES}/huawei.tf`]);
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['## Port inventory', '', '2 exposures: 2 open to the internet, 2 without an owner, 0 past their expiry date, 2 with findings.']);
    assert.equal(lines[4], '| Resource | File:line | Provider | Direction | Protocol | Ports | From/to | Reach | Owner | Expires | Findings |');
    assert.equal(lines[6], `| \`huaweicloud_networking_secgroup_rule.any\` | [${EXAMPLES}/huawei.tf:5](${EXAMPLES}/huawei.tf#L5) | huawei | ingress | tcp | 0-65535 | 0.0.0.0/0 | **internet** | **none** |  | missing-owner, full-range-exposure |`);
  });

  it('links rows to the commit on GitHub inside GitHub Actions', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/infra', GITHUB_SHA: 'abc123', GITHUB_WORKSPACE: root };
    const run = portwarden(['inventory', '-f', 'markdown', `${EXAMPLES}/openstack.tf`], root, env);
    assert.match(run.stdout, new RegExp(`\\(https://github\\.com/acme/infra/blob/abc123/${EXAMPLES}/openstack\\.tf#L5\\)`));
  });

  it('writes a self-contained HTML report: no external asset, a chart, filters, highlighted rows and links', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portwarden-html-'));
    temporary.push(dir);
    const target = join(dir, 'reports', 'inventory.html');
    const run = portwarden(['inventory', '-f', 'html', '-o', target, EXAMPLES]);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, '', '']);
    const html = readFileSync(target, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<link\b|\bsrc=|url\(|@import|https?:\/\//i, 'the report must not load anything');
    assert.match(html, /<svg class="chart" role="img" aria-label="Ports most often open to the internet"/);
    assert.match(html, /<g class="bar" data-port="0-65535">/);
    for (const id of ['filter-owner', 'filter-reach', 'filter-provider', 'filter-port']) assert.match(html, new RegExp(`id="${id}"`));
    assert.doesNotMatch(html, /id="filter-change"/);
    assert.match(html, /<tr class="ownerless expired internet" data-change="" data-owner="\(none\)" data-reach="internet" data-provider="aws"/);
    // Links are relative to the report, so they work wherever the report and the code are copied together.
    const shown = `${EXAMPLES}/aws.tf:7`.replace(/\//g, '/<wbr>');
    assert.ok(html.includes(`<a href="${relative(dirname(target), join(root, EXAMPLES, 'aws.tf'))}#L7">${shown}</a>`), 'rows link to their file and line');
  });

  it('says nothing is there, and exits 0, for a directory without infrastructure', () => {
    const dir = repository({ 'README.md': '# nothing\n' });
    assert.deepEqual(portwarden(['inventory', '-f', 'json', '.'], dir).code, 0);
  });
});

describe('portwarden inventory --since (built CLI, scratch git repositories)', () => {
  it('lists what a change opens, widens and closes, and fails when it opens an internet exposure a check reports', () => {
    const dir = repository({
      'infra/db.tf': group('db', ingress(3306, '10.0.0.0/8')),
      'infra/web.tf': group('web', ingress(443, '0.0.0.0/0') + ingress(22, '203.0.113.0/24'), 'web-team'),
      'infra/old.tf': group('old', ingress(8080, '0.0.0.0/0'), 'legacy'),
    });
    write(dir, {
      'infra/db.tf': group('db', ingress(3306, '0.0.0.0/0')),
      'infra/web.tf': group('web', ingress(443, '0.0.0.0/0') + ingress(22, '203.0.113.0/24') + ingress(9100, '0.0.0.0/0'), 'web-team'),
    });
    rmSync(join(dir, 'infra/old.tf'));
    const run = portwarden(['inventory', '--since', 'HEAD', 'infra'], dir);
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.split('\n'), [
      'infra/web.tf:14: opened: aws_security_group.web opens 9100 to 0.0.0.0/0 [internet] findings=-',
      'infra/db.tf:2: widened: aws_security_group.db opens 3306 (MySQL) to 0.0.0.0/0 (was 10.0.0.0/8) [internet] findings=public-database',
      'infra/old.tf:2: closed: aws_security_group.old closes 8080 to 0.0.0.0/0 [internet] findings=-',
      '',
    ]);
    assert.equal(run.stderr, 'portwarden: this change opens 3306 (MySQL) to 0.0.0.0/0 (was 10.0.0.0/8): aws_security_group.db at infra/db.tf:2 (public-database)\n');
  });

  it('exits 0 for a change that opens nothing a check reports at --fail-on, and honours --fail-on', () => {
    const dir = repository({ 'main.tf': group('web', ingress(443, '0.0.0.0/0')) });
    write(dir, { 'main.tf': group('web', ingress(443, '0.0.0.0/0'), '') });
    const run = portwarden(['inventory', '--since', 'HEAD', '-f', 'json', '.'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as JsonInventory).changes, []);
    write(dir, { 'main.tf': group('web', ingress(443, '0.0.0.0/0') + ingress(8443, '0.0.0.0/0'), '') });
    assert.equal(portwarden(['inventory', '--since', 'HEAD', '.'], dir).code, 0, 'a missing owner is a warning');
    assert.equal(portwarden(['inventory', '--since', 'HEAD', '--fail-on', 'warning', '.'], dir).code, 1);
  });

  it('compares committed revisions too, reads nothing from the work tree of the old side, and checks nothing out', () => {
    const dir = repository({ 'main.tf': group('db', ingress(5432, '10.0.0.0/8')) });
    write(dir, { 'main.tf': group('db', ingress(5432, '0.0.0.0/0')) });
    git(dir, 'commit', '-q', '-am', 'open postgres');
    const head = git(dir, 'rev-parse', 'HEAD');
    const run = portwarden(['inventory', '--since', 'HEAD~1', '-f', 'json'], dir);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as JsonInventory;
    assert.deepEqual(report.changes?.map((change) => [change.kind, change.summary, change.previousPeer?.text]), [['widened', 'opens 5432 (PostgreSQL) to 0.0.0.0/0 (was 10.0.0.0/8)', '10.0.0.0/8']]);
    assert.equal(report.since, 'HEAD~1');
    assert.equal(git(dir, 'rev-parse', 'HEAD'), head);
    assert.equal(git(dir, 'status', '--porcelain'), '');
  });

  it('writes the changes as Markdown for a pull request, and as an HTML report with a change filter', () => {
    const dir = repository({ 'main.tf': group('db', ingress(3306, '10.0.0.0/8')) });
    write(dir, { 'main.tf': group('db', ingress(3306, '0.0.0.0/0')) });
    const markdown = portwarden(['inventory', '--since', 'HEAD', '-f', 'markdown', '.'], dir).stdout.split('\n');
    assert.deepEqual(markdown.slice(0, 5), [
      '## Port exposure changes since `HEAD`',
      '',
      '0 opened, 1 widened (1 to the internet), 0 closed.',
      '',
      '- **This change opens 3306 (MySQL) to 0.0.0.0/0 (was 10.0.0.0/8)** in `aws_security_group.db` ([main.tf:2](main.tf#L2))',
    ]);
    const html = portwarden(['inventory', '--since', 'HEAD', '-f', 'html', '.'], dir).stdout;
    assert.match(html, /<title>Port exposure changes since HEAD<\/title>/);
    assert.match(html, /id="filter-change"/);
    assert.match(html, /<g class="bar" data-port="3306 \(MySQL\)">/);
  });

  it('evaluates both sides with their own module files: a variable default that changes opens the port', () => {
    const bastion = 'resource "aws_security_group" "bastion" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.admin_cidr]\n  }\n  tags = { owner = "ops" }\n}\n';
    const variables = (cidr: string) => `variable "admin_cidr" {\n  default = "${cidr}"\n}\n`;
    const dir = repository({ 'main.tf': bastion, 'variables.tf': variables('10.0.0.0/8') });
    assert.deepEqual(portwarden(['inventory', '--since', 'HEAD', '.'], dir), { code: 0, stdout: '', stderr: '' });
    write(dir, { 'variables.tf': variables('0.0.0.0/0') });
    const run = portwarden(['inventory', '--since', 'HEAD', '.'], dir);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, 'main.tf:2: widened: aws_security_group.bastion opens 22 (SSH) to 0.0.0.0/0 (was 10.0.0.0/8) [internet] findings=admin-port-exposed\n');
  });

  it('skips what the configuration ignores on both sides', () => {
    const dir = repository({ 'legacy/open.tf': group('old', ingress(22, '10.0.0.0/8')), '.portwarden.yaml': 'ignore:\n  - "legacy/**"\n' });
    write(dir, { 'legacy/open.tf': group('old', ingress(22, '0.0.0.0/0')) });
    const run = portwarden(['inventory', '--since', 'HEAD', '-f', 'json', '.'], dir);
    assert.deepEqual([run.code, (JSON.parse(run.stdout) as JsonInventory).changes], [0, []]);
  });

  it('exits 2 with a clear message for an unknown revision or outside a repository', () => {
    const dir = repository({ 'main.tf': group('db', ingress(3306, '10.0.0.0/8')) });
    const unknown = portwarden(['inventory', '--since', 'no-such-branch', '.'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^portwarden: --since: "no-such-branch" names no commit in .*; fetch it first \(in CI: actions\/checkout with fetch-depth: 0\)\n$/);
    const outside = mkdtempSync(join(tmpdir(), 'portwarden-nogit-'));
    temporary.push(outside);
    write(outside, { 'main.tf': group('db', ingress(3306, '10.0.0.0/8')) });
    const run = portwarden(['inventory', '--since', 'HEAD', '.'], outside);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--since: .* is not inside a git repository/);
  });
});
