import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { lintDocument, LineMap, type LintResult } from '../../index';
import type { SourceFile } from '../../adapters/module-context';
import { ready } from '../../../testing/engine';
import { dedent } from '../../../testing/tags';
import { MAX_GROUP_RULES } from './coverage';

/*
 * overlapping-rules and shadowed-rule across the files of one Terraform module: rules of the
 * other files count, findings go on the linted document's own rules only, and related
 * information points into the other file.
 */

const DIRECTORY = '/work/module';
const TODAY = '2026-11-23';

function file(name: string, text: string): SourceFile {
  return { path: `${DIRECTORY}/${name}`, text: dedent(text) };
}

const GROUP = file('main.tf', `
  resource "aws_security_group" "web" {
    ingress {
      from_port   = 0
      to_port     = 65535
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
`);

const RULES = file('rules.tf', `
  resource "aws_security_group_rule" "ssh" {
    type              = "ingress"
    from_port         = 22
    to_port           = 22
    protocol          = "tcp"
    cidr_blocks       = ["10.1.0.0/16"]
    security_group_id = aws_security_group.web.id
  }
`);

function lintIn(files: readonly SourceFile[], name: string): LintResult {
  const document = files.find((candidate) => candidate.path.endsWith(`/${name}`))!;
  return lintDocument({ text: document.text, path: document.path, today: TODAY, freezeModel: true, module: { directories: new Map([[DIRECTORY, files]]) } });
}

function shown(result: LintResult, files: readonly SourceFile[], name: string): string[] {
  const text = files.find((candidate) => candidate.path.endsWith(`/${name}`))!.text;
  const lines = new LineMap(text);
  return result.findings
    .filter((finding) => finding.checkId === 'overlapping-rules' || finding.checkId === 'shadowed-rule')
    .flatMap((finding) => [
      `${lines.positionAt(finding.span.start).line + 1} ${finding.checkId} ${finding.message}`,
      ...finding.related.map((related) => {
        const other = related.path === undefined ? text : files.find((candidate) => candidate.path === related.path)!.text;
        return `  -> ${related.path ?? name}:${new LineMap(other).positionAt(related.span.start).line + 1} ${related.message}`;
      }),
    ]);
}

describe('overlap checks across the files of a Terraform module', () => {
  before(ready);

  it('a standalone rule in rules.tf is covered by an inline rule of its group in main.tf', () => {
    const files = [GROUP, RULES];
    assert.deepEqual(shown(lintIn(files, 'rules.tf'), files, 'rules.tf'), [
      '1 overlapping-rules tcp 22 from 10.1.0.0/16 is already covered: aws_security_group.web (main.tf:2) allows tcp 0-65535 from 10.0.0.0/8',
      `  -> ${DIRECTORY}/main.tf:2 allows tcp 0-65535 from 10.0.0.0/8`,
    ]);
    // The covering rule is not reported: it is the wider one.
    assert.deepEqual(shown(lintIn(files, 'main.tf'), files, 'main.tf'), []);
    // An editor re-lints each of the two files when the other changes.
    assert.ok(lintIn(files, 'rules.tf').dependencies?.includes(GROUP.path));
    assert.ok(lintIn(files, 'main.tf').dependencies?.includes(RULES.path));
  });

  it('without the other file the rule stands alone', () => {
    assert.deepEqual(shown(lintIn([RULES], 'rules.tf'), [RULES], 'rules.tf'), []);
  });

  it('of two identical rules in two files, only one file reports', () => {
    const copy = file('zz-copy.tf', RULES.text.replace('"ssh"', '"ssh_again"'));
    const files = [RULES, copy];
    assert.deepEqual(shown(lintIn(files, 'rules.tf'), files, 'rules.tf'), []);
    assert.deepEqual(shown(lintIn(files, 'zz-copy.tf'), files, 'zz-copy.tf'), [
      '1 overlapping-rules tcp 22 from 10.1.0.0/16 is already covered: aws_security_group_rule.ssh (rules.tf:1) allows tcp 22 from 10.1.0.0/16',
      `  -> ${DIRECTORY}/rules.tf:1 allows tcp 22 from 10.1.0.0/16`,
    ]);
  });

  it('a file that declares a resource of the document again is a copy, not part of its module', () => {
    const copy = file('copy.tf', `${GROUP.text}\n${RULES.text.replace('"ssh"', '"ssh_copy"')}`);
    const files = [GROUP, RULES, copy];
    // rules.tf still sees main.tf; main.tf does not see copy.tf, which declares aws_security_group.web again.
    assert.equal(shown(lintIn(files, 'rules.tf'), files, 'rules.tf').length, 2);
    assert.deepEqual(shown(lintIn(files, 'main.tf'), files, 'main.tf'), []);
  });

  it('a deny in one file shadowed by an allow of its NSG in another', () => {
    const nsg = file('nsg.tf', `
      resource "azurerm_network_security_group" "web" {
        name                = "web"
        location            = "westeurope"
        resource_group_name = "rg"

        security_rule {
          name                       = "allow-vnet"
          priority                   = 100
          direction                  = "Inbound"
          access                     = "Allow"
          protocol                   = "*"
          source_port_range          = "*"
          destination_port_range     = "*"
          source_address_prefix      = "10.0.0.0/8"
          destination_address_prefix = "*"
        }
      }
    `);
    const deny = file('deny.tf', `
      resource "azurerm_network_security_rule" "deny_ssh" {
        name                        = "deny-ssh"
        priority                    = 200
        direction                   = "Inbound"
        access                      = "Deny"
        protocol                    = "Tcp"
        source_port_range           = "*"
        destination_port_range      = "22"
        source_address_prefix       = "10.20.0.0/16"
        destination_address_prefix  = "*"
        resource_group_name         = "rg"
        network_security_group_name = azurerm_network_security_group.web.name
      }
    `);
    const files = [nsg, deny];
    assert.deepEqual(shown(lintIn(files, 'deny.tf'), files, 'deny.tf'), [
      '1 shadowed-rule never matches: priority 100 rule of azurerm_network_security_group.web (nsg.tf:6) already allows all traffic from 10.0.0.0/8, so this deny protects nothing',
      `  -> ${DIRECTORY}/nsg.tf:6 matches first: allows all traffic from 10.0.0.0/8`,
    ]);
    assert.deepEqual(shown(lintIn(files, 'nsg.tf'), files, 'nsg.tf'), []);
  });

  it('groups larger than any provider allows are not compared', () => {
    const group = (count: number) => {
      const rule = '  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n';
      return file('main.tf', `resource "aws_security_group" "web" {\n${rule.repeat(count)}}\n`);
    };
    const count = (rules: number) => lintIn([group(rules)], 'main.tf').findings.filter((finding) => finding.checkId === 'overlapping-rules').length;
    assert.equal(count(MAX_GROUP_RULES), MAX_GROUP_RULES - 1);
    assert.equal(count(MAX_GROUP_RULES + 1), 0);
  });

  it('a group keyed the same way whether it is in the same file or not', () => {
    const together = file('main.tf', `${GROUP.text}\n${RULES.text}`);
    const findings = shown(lintIn([together], 'main.tf'), [together], 'main.tf');
    assert.deepEqual(findings, [
      '10 overlapping-rules tcp 22 from 10.1.0.0/16 is already covered: aws_security_group.web (line 2) allows tcp 0-65535 from 10.0.0.0/8',
      '  -> main.tf:2 allows tcp 0-65535 from 10.0.0.0/8',
    ]);
  });
});
