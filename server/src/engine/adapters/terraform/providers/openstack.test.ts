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

describe('openstack: openstack_networking_secgroup_rule_v2 editor', () => {
  before(ready);

  const text = dedent(`
    resource "openstack_networking_secgroup_rule_v2" "api" {
      direction         = "ingress"
      ethertype         = "IPv4"
      protocol          = "tcp"
      port_range_min    = 1
      port_range_max    = "65535"
      remote_ip_prefix  = "0.0.0.0/0"
      security_group_id = openstack_networking_secgroup_v2.k8s.id
    }
  `);

  it('rewrites the port pair, keeping how each was written', () => {
    const [rule] = rulesOf(text);
    assert.equal(apply(text, rule.edit.setPorts([[6443, 6443]])), text.replace('= 1\n', '= 6443\n').replace('"65535"', '"6443"'));
    assert.equal(rule.edit.setPorts([[80, 80], [443, 443]]), undefined, 'one rule holds one range');
  });

  it('replaces the prefix and writes the owner into the description', () => {
    const [rule] = rulesOf(text);
    assert.equal(apply(text, rule.edit.replaceInternetPeers(['192.168.10.0/24'])), text.replace('"0.0.0.0/0"', '"192.168.10.0/24"'));
    assert.equal(
      apply(text, rule.edit.addOwner('Owner', 'team-k8s')),
      text.replace('.k8s.id\n', '.k8s.id\n  description       = "owner=team-k8s"\n'),
    );
  });

  it('adds protocol, ports and prefix to a rule that matches everything', () => {
    const open = dedent(`
      resource "openstack_networking_secgroup_rule_v2" "any" {
        direction         = "ingress"
        ethertype         = "IPv6"
        security_group_id = "f00d"
      }
    `);
    const [rule] = rulesOf(open);
    assert.equal(
      apply(open, rule.edit.setPorts([[443, 443]])),
      open.replace('  security_group_id = "f00d"\n', '  security_group_id = "f00d"\n  protocol          = "tcp"\n  port_range_min    = 443\n  port_range_max    = 443\n'),
    );
    assert.equal(
      apply(open, rule.edit.replaceInternetPeers(['10.0.0.0/8', 'fd00::/8'])),
      open.replace('  security_group_id = "f00d"\n', '  security_group_id = "f00d"\n  remote_ip_prefix  = "fd00::/8"\n'),
    );
  });

  it('gives undefined where the value is an expression', () => {
    const dynamic = dedent(`
      resource "openstack_networking_secgroup_rule_v2" "rule" {
        direction         = "ingress"
        ethertype         = "IPv4"
        protocol          = "tcp"
        port_range_min    = var.port
        port_range_max    = var.port
        remote_ip_prefix  = var.cidr
        description       = var.description
        security_group_id = var.sg
      }
    `);
    const [rule] = rulesOf(dynamic);
    assert.equal(rule.ports.known, false);
    assert.equal(rule.edit.setPorts([[443, 443]]), undefined);
    assert.equal(rule.edit.replaceInternetPeers(['10.0.0.0/8']), undefined);
    assert.equal(rule.edit.addOwner('owner', 'x'), undefined);
  });
});
