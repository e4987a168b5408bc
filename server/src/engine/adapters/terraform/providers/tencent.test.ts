import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../../apply-edits';
import type { NetworkRule, TextEdit } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { dedent } from '../../../../testing/tags';
import { adapter } from '../index';

function rulesOf(text: string): readonly NetworkRule[] {
  return adapter.parse(text, DEFAULT_SETTINGS).rules;
}

function apply(text: string, edits: readonly TextEdit[] | undefined): string {
  assert.ok(edits, 'expected an edit');
  return applyEdits(text, edits);
}

const group = dedent(`
  resource "tencentcloud_security_group" "web" {
    name = "web"
  }
`);

describe('tencent: tencentcloud_security_group_lite_rule editor', () => {
  before(ready);

  const lite = group + dedent(`
    resource "tencentcloud_security_group_lite_rule" "web" {
      security_group_id = tencentcloud_security_group.web.id
      ingress = [
        "ACCEPT#0.0.0.0/0#ALL#TCP",
        "ACCEPT#0.0.0.0/0#ALL#ALL",
        "ACCEPT#\${var.office}#22#TCP",
      ]
    }
  `);

  it('reads each field at its exact place in the string', () => {
    const [first] = rulesOf(lite);
    const at = (span: { start: number; end: number }) => lite.slice(span.start, span.end);
    assert.equal(at(first.span), '"ACCEPT#0.0.0.0/0#ALL#TCP"');
    assert.equal(first.peers.known && at(first.peers.value[0].span), '0.0.0.0/0');
    assert.equal(at(first.ports.span), 'ALL');
    assert.equal(at(first.protocol.span), 'TCP');
  });

  it('rewrites only the port part', () => {
    const [first] = rulesOf(lite);
    assert.equal(apply(lite, first.edit.setPorts([[80, 80], [443, 443]])), lite.replace('"ACCEPT#0.0.0.0/0#ALL#TCP"', '"ACCEPT#0.0.0.0/0#80,443#TCP"'));
    assert.equal(apply(lite, first.edit.setPorts([[8000, 9000]])), lite.replace('"ACCEPT#0.0.0.0/0#ALL#TCP"', '"ACCEPT#0.0.0.0/0#8000-9000#TCP"'));
    assert.equal(first.edit.setPorts([[22, 22], [8000, 9000]]), undefined, 'Tencent cannot list a port and a range together');
  });

  it('makes an all-protocol item tcp when narrowing it', () => {
    const second = rulesOf(lite)[1];
    assert.equal(apply(lite, second.edit.setPorts([[443, 443]])), lite.replace('"ACCEPT#0.0.0.0/0#ALL#ALL"', '"ACCEPT#0.0.0.0/0#443#TCP"'));
  });

  it('swaps the address, or splits the item for several addresses', () => {
    const [first] = rulesOf(lite);
    assert.equal(apply(lite, first.edit.replaceInternetPeers(['10.0.0.0/8'])), lite.replace('"ACCEPT#0.0.0.0/0#ALL#TCP"', '"ACCEPT#10.0.0.0/8#ALL#TCP"'));
    assert.equal(
      apply(lite, first.edit.replaceInternetPeers(['10.0.0.0/8', '192.168.0.0/16'])),
      lite.replace('    "ACCEPT#0.0.0.0/0#ALL#TCP",\n', '    "ACCEPT#10.0.0.0/8#ALL#TCP",\n    "ACCEPT#192.168.0.0/16#ALL#TCP",\n'),
    );
    const oneLine = 'resource "tencentcloud_security_group_lite_rule" "x" {\n  ingress = ["ACCEPT#0.0.0.0/0#22#TCP"]\n}\n';
    assert.equal(apply(oneLine, rulesOf(oneLine)[0].edit.replaceInternetPeers(['10.0.0.0/8', '::1/128'])), oneLine.replace('["ACCEPT#0.0.0.0/0#22#TCP"]', '["ACCEPT#10.0.0.0/8#22#TCP", "ACCEPT#::1/128#22#TCP"]'));
  });

  it('tags the group in this document with the owner', () => {
    const [first] = rulesOf(lite);
    assert.equal(apply(lite, first.edit.addOwner('owner', 'team-web')), lite.replace('  name = "web"\n', '  name = "web"\n  tags = {\n    owner = "team-web"\n  }\n'));
  });

  it('gives undefined for interpolated fields and groups outside the document', () => {
    const third = rulesOf(lite)[2];
    assert.equal(third.peers.known, false);
    assert.equal(third.edit.replaceInternetPeers(['10.0.0.0/8']), undefined);
    const text = 'resource "tencentcloud_security_group_lite_rule" "x" {\n  security_group_id = var.sg\n  ingress = ["ACCEPT#0.0.0.0/0#${var.port}#TCP"]\n}\n';
    const [rule] = rulesOf(text);
    assert.equal(rule.ports.known, false);
    assert.equal(rule.edit.setPorts([[443, 443]]), undefined);
    assert.equal(rule.edit.addOwner('owner', 'x'), undefined);
  });
});

describe('tencent: tencentcloud_security_group_rule editor', () => {
  before(ready);

  const rule = group + dedent(`
    resource "tencentcloud_security_group_rule" "all" {
      security_group_id = tencentcloud_security_group.web.id
      type              = "ingress"
      cidr_ip           = "0.0.0.0/0"
      ip_protocol       = "tcp"
      port_range        = "ALL"
      policy            = "ACCEPT"
    }
  `);

  it('rewrites port_range, cidr_ip and the group tags', () => {
    const [read] = rulesOf(rule);
    assert.equal(apply(rule, read.edit.setPorts([[443, 443]])), rule.replace('"ALL"', '"443"'));
    assert.equal(apply(rule, read.edit.replaceInternetPeers(['10.0.0.0/8'])), rule.replace('"0.0.0.0/0"', '"10.0.0.0/8"'));
    assert.equal(read.edit.replaceInternetPeers(['10.0.0.0/8', '192.168.0.0/16']), undefined, 'cidr_ip holds one address');
    assert.equal(apply(rule, read.edit.addOwner('Owner', 'team-web')), rule.replace('  name = "web"\n', '  name = "web"\n  tags = {\n    Owner = "team-web"\n  }\n'));
  });

  it('adds protocol and ports to a rule that has neither', () => {
    const text = dedent(`
      resource "tencentcloud_security_group_rule" "any" {
        security_group_id = "sg-1"
        type              = "ingress"
        cidr_ip           = "0.0.0.0/0"
        policy            = "ACCEPT"
        description       = "legacy"
      }
    `);
    const [read] = rulesOf(text);
    assert.equal(
      apply(text, read.edit.setPorts([[80, 80], [443, 443]])),
      text.replace('"legacy"\n', '"legacy"\n  ip_protocol       = "TCP"\n  port_range        = "80,443"\n'),
    );
    assert.equal(apply(text, read.edit.addOwner('owner', 'team-a')), text.replace('"legacy"', '"legacy, owner=team-a"'));
  });
});

describe('tencent: tencentcloud_security_group_rule_set editor', () => {
  before(ready);

  const set = dedent(`
    resource "tencentcloud_security_group_rule_set" "app" {
      security_group_id = var.sg

      ingress {
        action     = "ACCEPT"
        cidr_block = "0.0.0.0/0"
        protocol   = "TCP"
        port       = "1-65535"
      }

      ingress {
        action          = "ACCEPT"
        ipv6_cidr_block = "::/0"
        port            = var.port
      }
    }
  `);

  it('edits the block of the rule', () => {
    const [first, second] = rulesOf(set);
    assert.equal(apply(set, first.edit.setPorts([[443, 443]])), set.replace('"1-65535"', '"443"'));
    assert.equal(apply(set, first.edit.replaceInternetPeers(['10.0.0.0/8', 'fd00::/8'])), set.replace('cidr_block = "0.0.0.0/0"', 'cidr_block = "10.0.0.0/8"'));
    assert.equal(apply(set, second.edit.replaceInternetPeers(['10.0.0.0/8', 'fd00::/8'])), set.replace('"::/0"', '"fd00::/8"'));
    assert.equal(
      apply(set, first.edit.addOwner('owner', 'team-app')),
      set.replace('    port       = "1-65535"\n', '    port       = "1-65535"\n    description = "owner=team-app"\n'),
    );
  });

  it('gives undefined where the port is an expression', () => {
    const second = rulesOf(set)[1];
    assert.equal(second.ports.known, true, 'every protocol means every port, whatever the port says');
    assert.equal(second.edit.setPorts([[443, 443]]), undefined);
  });
});
