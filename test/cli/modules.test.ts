import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { JsonFileResult } from '../../server/src/cli/formatters/json';

/*
 * The built CLI on the Terraform module tree of test/adapters/terraform-modules: every file is
 * evaluated with its module, its variable files, and the local modules it calls or that call it.
 */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');
const network = 'test/adapters/terraform-modules/network';
const CALLER_FINDING = 'SSH (22) from module.web argument ssh_ports, main.tf:5 is open to 0.0.0.0/0 from module.web argument admin_cidr, main.tf:4 (in module.web.aws_security_group.this, modules/web/main.tf:8)';

function portwarden(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function findings(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as JsonFileResult[];
  return Object.fromEntries(report.filter((file) => file.findings.length > 0).map((file) => [file.filePath.slice(root.length + 1), file.findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)]));
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('portwarden on Terraform modules (built CLI)', () => {
  it('reports a child finding in the child and at the caller argument the value came from', () => {
    const run = portwarden(['--format', 'json', network]);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(findings(run.stdout), {
      [`${network}/main.tf`]: [
        `4:16 ${CALLER_FINDING}`,
        '30:3 PostgreSQL (5432) from var.db_port default, settings.tf.json:3 is open to 0.0.0.0/0 from var.db_sources, sources.auto.tfvars.json:2 (in aws_security_group_rule.db["0.0.0.0/0"])',
      ],
      [`${network}/modules/web/main.tf`]: [
        '8:7 SSH (22) from module.web argument ssh_ports, ../../main.tf:5 is open to 0.0.0.0/0 from module.web argument admin_cidr, ../../main.tf:4 (in module.web.aws_security_group.this)',
      ],
    });
  });

  it('offers no fix that would rewrite an evaluated expression', () => {
    const report = JSON.parse(portwarden(['--format', 'json', network]).stdout) as JsonFileResult[];
    const titles = report.flatMap((file) => file.findings.flatMap((finding) => finding.fixes.map((fix) => fix.title)));
    assert.ok(titles.length > 0 && titles.every((title) => title.startsWith('Ignore ')), titles.join('\n'));
  });

  it('--var-file overrides terraform.tfvars for the root module; later files win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portwarden-varfile-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'open.tfvars'), 'bastion_cidr = "0.0.0.0/0"\n');
    writeFileSync(join(dir, 'narrow.tfvars.json'), '{ "bastion_cidr": "198.51.100.0/24" }\n');
    const opened = findings(portwarden(['--format', 'json', '--var-file', join(dir, 'open.tfvars'), `${network}/main.tf`]).stdout);
    assert.ok(opened[`${network}/main.tf`].some((line) => line.startsWith('18:3 SSH (22) is open to 0.0.0.0/0 from var.bastion_cidr, ')), JSON.stringify(opened));
    const narrowed = findings(portwarden(['--format', 'json', '--var-file', join(dir, 'open.tfvars'), '--var-file', join(dir, 'narrow.tfvars.json'), `${network}/main.tf`]).stdout);
    assert.ok(!narrowed[`${network}/main.tf`].some((line) => line.startsWith('18:3 ')), JSON.stringify(narrowed));
  });

  it('a --var-file that cannot be read stops the run with exit 2', () => {
    const run = portwarden(['--var-file', 'no/such/file.tfvars', network]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot read --var-file no\/such\/file\.tfvars: /);
    assert.equal(run.stdout, '');
  });

  it('reports a listener on a public load balancer that another file of the module declares', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portwarden-lbfiles-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'lb.tf'), 'resource "tencentcloud_clb_instance" "web" {\n  clb_name     = "clb-web"\n  network_type = "OPEN"\n  tags = {\n    owner = "edge"\n  }\n}\n');
    writeFileSync(join(dir, 'listeners.tf'), 'resource "tencentcloud_clb_listener" "ssh" {\n  clb_id   = tencentcloud_clb_instance.web.id\n  port     = 22\n  protocol = "TCP"\n}\n');
    const run = portwarden(['--format', 'json', dir]);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonFileResult[];
    assert.deepEqual(report.map((file) => [file.filePath.slice(dir.length + 1), file.findings.map((finding) => `${finding.line}:${finding.column} ${finding.checkId} ${finding.message}`)]), [
      ['lb.tf', []],
      ['listeners.tf', ['3:14 admin-port-exposed SSH (22): public CLB clb-web (lb.tf:3) port 22 forwards to instance (port not resolved)']],
    ]);
  });

  it('a module cycle ends: the cycle is noted on stderr and the rest is linted', () => {
    const run = portwarden(['test/adapters/terraform-modules/cycle']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /cycle\/self\/main\.tf:3:12: Module cycle \(\. -> \.\): Terraform cannot load it/);
    assert.match(run.stderr, /cycle\/a\/main\.tf:3:12: Module cycle \(\. -> \.\.\/b -> \.\)/);
    assert.match(run.stdout, /RDP \(3389\) from var\.port default, main\.tf:2 is open to 0\.0\.0\.0\/0/);
  });
});
