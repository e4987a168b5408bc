import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LineMap, lintDocument, type LintResult } from '../../server/src/engine/index';
import { ModuleFiles } from '../../server/src/node/module-files';
import { ready } from '../../server/src/testing/engine';

/*
 * Patterns a careful reader meets in the real-world corpus (docs/real-world.md), each on a minimal
 * fixture written here: what must be reported, where, and what must not. The corpus files
 * themselves are never used as fixtures.
 */
const TODAY = '2026-11-23';
/** The checks these patterns are about; findings of other checks are left out, so that new checks do not change these tables. */
const CHECKS = new Set(['admin-port-exposed', 'public-database', 'full-range-exposure', 'missing-owner']);
const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** `line:column-endLine:endColumn check-id` (1-based, end exclusive) for each finding, in order. */
function shown(result: LintResult, text: string): string[] {
  const lines = new LineMap(text);
  return result.findings.filter((finding) => CHECKS.has(finding.checkId)).map((finding) => {
    const start = lines.positionAt(finding.span.start);
    const end = lines.positionAt(finding.span.end);
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${finding.checkId}`;
  });
}

function lintText(path: string, text: string): { result: LintResult; findings: string[] } {
  const result = lintDocument({ text, path, today: TODAY });
  return { result, findings: shown(result, text) };
}

/** Writes a tree of files and lints one of them with its Terraform module context. */
async function lintTree(files: Record<string, string>, target: string): Promise<{ result: LintResult; findings: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'portwarden-realworld-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const path = join(root, target);
  const result = lintDocument({ text: files[target], path, today: TODAY, module: await new ModuleFiles([root]).contextFor(path) });
  return { result, findings: shown(result, files[target]) };
}

/** A security-group module in the style of the registry's: named rules in a map, chosen by name, with comma-joined CIDRs in rule maps. */
const NAMED_RULES_MODULE = {
  'modules/sg/variables.tf': [
    'variable "create" {',
    '  default = true',
    '}',
    'variable "rules" {',
    '  default = {',
    '    "ssh-tcp"        = [22, 22, "tcp", "SSH"]',
    '    "postgresql-tcp" = [5432, 5432, "tcp", "PostgreSQL"]',
    '    "https-443-tcp"  = [443, 443, "tcp", "HTTPS"]',
    '  }',
    '}',
    'variable "ingress_rules" {',
    '  default = []',
    '}',
    'variable "ingress_cidr_blocks" {',
    '  default = []',
    '}',
    'variable "ingress_with_cidr_blocks" {',
    '  default = []',
    '}',
    '',
  ].join('\n'),
  'modules/sg/main.tf': [
    'resource "aws_security_group_rule" "ingress_rules" {',
    '  count             = var.create ? length(var.ingress_rules) : 0',
    '  security_group_id = "sg-1"',
    '  type              = "ingress"',
    '  cidr_blocks       = var.ingress_cidr_blocks',
    '  from_port         = var.rules[var.ingress_rules[count.index]][0]',
    '  to_port           = var.rules[var.ingress_rules[count.index]][1]',
    '  protocol          = var.rules[var.ingress_rules[count.index]][2]',
    '  description       = "owner=platform"',
    '}',
    'resource "aws_security_group_rule" "ingress_with_cidr_blocks" {',
    '  count             = var.create ? length(var.ingress_with_cidr_blocks) : 0',
    '  security_group_id = "sg-1"',
    '  type              = "ingress"',
    '  cidr_blocks       = split(",", var.ingress_with_cidr_blocks[count.index]["cidr_blocks"])',
    '  from_port         = var.rules[var.ingress_with_cidr_blocks[count.index]["rule"]][0]',
    '  to_port           = var.rules[var.ingress_with_cidr_blocks[count.index]["rule"]][1]',
    '  protocol          = var.rules[var.ingress_with_cidr_blocks[count.index]["rule"]][2]',
    '  description       = "owner=platform"',
    '}',
    '',
  ].join('\n'),
};

function caller(...lines: string[]): string {
  return ['module "sg" {', '  source = "./modules/sg"', ...lines.map((line) => `  ${line}`), '}', ''].join('\n');
}

describe('real-world patterns: Terraform modules', () => {
  before(ready);

  it('a named rule chosen by a module input is read through the rule map and reported at the caller', async () => {
    const main = caller('ingress_rules       = ["ssh-tcp"]', 'ingress_cidr_blocks = ["0.0.0.0/0"]');
    const { result, findings } = await lintTree({ ...NAMED_RULES_MODULE, 'main.tf': main }, 'main.tf');
    assert.deepEqual(findings, ['4:25-4:38 admin-port-exposed']);
    assert.match(result.findings[0].message, /^SSH \(22\) from var\.rules default, modules\/sg\/variables\.tf:6 is open to 0\.0\.0\.0\/0 from module\.sg argument ingress_cidr_blocks, main\.tf:4/);
  });

  it('the same named rule from a private range is not reported', async () => {
    const main = caller('ingress_rules       = ["ssh-tcp", "postgresql-tcp"]', 'ingress_cidr_blocks = ["10.0.0.0/8"]');
    assert.deepEqual((await lintTree({ ...NAMED_RULES_MODULE, 'main.tf': main }, 'main.tf')).findings, []);
  });

  // The caller-side finding points at the whole argument; the child module's own finding points at the rule.
  it('a comma-joined CIDR string that the module splits is read part by part', async () => {
    const main = caller('ingress_with_cidr_blocks = [', '  { rule = "postgresql-tcp", cidr_blocks = "10.0.0.0/8,0.0.0.0/0" },', '  { rule = "postgresql-tcp", cidr_blocks = "10.0.0.0/8,192.168.0.0/16" },', ']');
    const { result, findings } = await lintTree({ ...NAMED_RULES_MODULE, 'main.tf': main }, 'main.tf');
    assert.deepEqual(findings, ['3:30-6:4 public-database']);
    assert.match(result.findings[0].message, /PostgreSQL \(5432\).* is open to 0\.0\.0\.0\/0 from module\.sg argument ingress_with_cidr_blocks/);
  });

  it('create = false turns every rule of the module off', async () => {
    const main = caller('create              = false', 'ingress_rules       = ["ssh-tcp"]', 'ingress_cidr_blocks = ["0.0.0.0/0"]');
    assert.deepEqual((await lintTree({ ...NAMED_RULES_MODULE, 'main.tf': main }, 'main.tf')).findings, []);
  });

  it('count = 0 and a count from a false variable create nothing', async () => {
    const rule = (name: string, count: string) => [`resource "aws_security_group_rule" "${name}" {`, `  count = ${count}`, '  type = "ingress"', '  from_port = 22', '  to_port = 22', '  protocol = "tcp"', '  cidr_blocks = ["0.0.0.0/0"]', '  security_group_id = "sg-1"', '}'];
    const main = ['variable "enabled" {', '  default = false', '}', ...rule('off', '0'), ...rule('maybe', 'var.enabled ? 1 : 0'), ''].join('\n');
    assert.deepEqual((await lintTree({ 'main.tf': main }, 'main.tf')).findings, []);
  });
});

describe('real-world patterns: addresses', () => {
  before(ready);
  const rule = (cidr: string, port = 22) => ['resource "aws_security_group_rule" "r" {', '  type = "ingress"', `  from_port = ${port}`, `  to_port = ${port}`, '  protocol = "tcp"', `  cidr_blocks = ["${cidr}"]`, '  security_group_id = "sg-1"', '}', ''].join('\n');

  it('192.168.1.0/0 is the whole internet: a /0 prefix ignores the address before it', () => {
    assert.deepEqual(lintText('main.tf', rule('192.168.1.0/0')).findings, ['3:3-4:15 admin-port-exposed']);
    assert.match(lintText('main.tf', rule('192.168.1.0/0')).result.findings[0].message, /is open to 192\.168\.1\.0\/0/);
  });

  it('a comma-joined string written straight into a provider attribute opens nothing, and is noted', () => {
    const { result, findings } = lintText('main.tf', rule('10.0.0.0/8,0.0.0.0/0'));
    assert.deepEqual(findings, []);
    assert.deepEqual(result.notes?.map((note) => note.message), ['"10.0.0.0/8,0.0.0.0/0" is several addresses joined by commas, where the provider takes one per item; this address was not checked']);
  });

  it('a commented-out line is not read', () => {
    const text = rule('10.0.0.0/8').replace('  cidr_blocks', '  # cidr_blocks = ["0.0.0.0/0"]\n  cidr_blocks');
    assert.deepEqual(lintText('main.tf', text).findings, []);
  });
});

describe('real-world patterns: Google Cloud firewalls', () => {
  before(ready);
  const firewall = (sources: string[], block = 'allow', port = '22') => ['resource "google_compute_firewall" "fw" {', '  name = "fw"', '  network = "default"', '  description = "owner=net"', ...sources.map((line) => `  ${line}`), `  ${block} {`, '    protocol = "tcp"', `    ports = ["${port}"]`, '  }', '}', ''].join('\n');

  it('with no source at all, GCP uses 0.0.0.0/0: reported on the ports', () => {
    const { result, findings } = lintText('main.tf', firewall([]));
    assert.deepEqual(findings, ['7:13-7:19 admin-port-exposed']);
    assert.match(result.findings[0].message, /GCP's default with no source_ranges, source_tags or source_service_accounts/);
  });

  it('a deny rule, service-account sources and network-tag sources open nothing to the internet', () => {
    assert.deepEqual(lintText('main.tf', firewall(['source_ranges = ["0.0.0.0/0"]'], 'deny')).findings, []);
    assert.deepEqual(lintText('main.tf', firewall(['source_service_accounts = ["app@p.iam.gserviceaccount.com"]'])).findings, []);
    assert.deepEqual(lintText('main.tf', firewall(['source_tags = ["bastion"]'])).findings, []);
  });
});

describe('real-world patterns: ICMP and every protocol', () => {
  before(ready);
  const group = (protocol: string) => ['resource "aws_security_group" "g" {', '  tags = { owner = "net" }', '  ingress {', '    from_port = -1', '    to_port = -1', `    protocol = "${protocol}"`, '    cidr_blocks = ["0.0.0.0/0"]', '  }', '}', ''].join('\n');

  it('ICMP written with -1 ports carries no port: nothing to report', () => {
    assert.deepEqual(lintText('main.tf', group('icmp')).findings, []);
  });

  it('protocol -1 with -1 ports is every protocol and every port', () => {
    assert.deepEqual(lintText('main.tf', group('-1')).findings, ['4:5-5:17 full-range-exposure']);
  });
});

describe('real-world patterns: CloudFormation parameters', () => {
  before(ready);
  const template = (parameter: string[]) => ['AWSTemplateFormatVersion: "2010-09-09"', 'Parameters:', '  SSHLocation:', '    Type: String', ...parameter, 'Resources:', '  SG:', '    Type: AWS::EC2::SecurityGroup', '    Properties:', '      GroupDescription: ssh', '      Tags: [{ Key: owner, Value: ops }]', '      SecurityGroupIngress:', '        - IpProtocol: tcp', '          FromPort: 22', '          ToPort: 22', '          CidrIp: !Ref SSHLocation', ''].join('\n');

  it('a parameter default of 0.0.0.0/0 (or 192.168.1.0/0) is what the stack gets unless told otherwise: reported', () => {
    const { result, findings } = lintText('t.yaml', template(['    Default: 192.168.1.0/0']));
    assert.deepEqual(findings, ['14:11-15:21 admin-port-exposed']);
    assert.equal(result.findings[0].message, 'SSH (22) is open to 192.168.1.0/0 from Parameters.SSHLocation Default, line 5');
  });

  it('a parameter without a default is the deployer\'s choice: unknown, not reported', () => {
    assert.deepEqual(lintText('t.yaml', template([])).findings, []);
  });
});

describe('real-world patterns: databases made public by a switch', () => {
  before(ready);
  const database = (value: string) => ['resource "aws_db_instance" "db" {', '  engine = "postgres"', `  publicly_accessible = ${value}`, '  tags = { owner = "data" }', '}', ''].join('\n');

  it('publicly_accessible = true is reported on the switch; false is not', () => {
    assert.deepEqual(lintText('main.tf', database('true')).findings, ['3:25-3:29 public-database']);
    assert.deepEqual(lintText('main.tf', database('false')).findings, []);
  });
});

describe('real-world patterns: Compose', () => {
  before(ready);

  it('expose only reaches other containers; a published port binds every interface; a commented-out one is nothing', () => {
    const text = ['services:', '  db:', '    image: postgres:16', '    labels: { owner: data }', '    expose:', '      - "5432"', '    # ports:', '    #   - "5432:5432"', '  cache:', '    image: redis:7', '    labels: { owner: data }', '    ports:', '      - "6379:6379"', '      - "127.0.0.1:6380:6379"', ''].join('\n');
    assert.deepEqual(lintText('compose.yaml', text).findings, ['13:10-13:19 public-database']);
  });
});
