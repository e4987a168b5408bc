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

describe('huawei: huaweicloud_networking_secgroup_rule editor', () => {
  before(ready);

  it('rewrites the ports string with any list of ranges', () => {
    const text = dedent(`
      resource "huaweicloud_networking_secgroup_rule" "web" {
        security_group_id = "sg-1"
        direction         = "ingress"
        ethertype         = "IPv4"
        protocol          = "tcp"
        ports             = "1-65535"
        remote_ip_prefix  = "0.0.0.0/0"
      }
    `);
    const [rule] = rulesOf(text);
    assert.equal(apply(text, rule.edit.setPorts([[80, 80], [443, 443], [8000, 9000]])), text.replace('"1-65535"', '"80,443,8000-9000"'));
    assert.equal(apply(text, rule.edit.replaceInternetPeers(['10.0.0.0/8'])), text.replace('"0.0.0.0/0"', '"10.0.0.0/8"'));
    assert.equal(rule.edit.replaceInternetPeers(['10.0.0.0/8', '192.168.0.0/16']), undefined, 'remote_ip_prefix holds one prefix');
  });

  it('rewrites port_range_min/max with one range only', () => {
    const text = dedent(`
      resource "huaweicloud_networking_secgroup_rule" "range" {
        security_group_id = "sg-1"
        direction         = "ingress"
        ethertype         = "IPv4"
        protocol          = "udp"
        port_range_min    = 1
        port_range_max    = 65535
        remote_ip_prefix  = "0.0.0.0/0"
      }
    `);
    const [rule] = rulesOf(text);
    assert.equal(apply(text, rule.edit.setPorts([[53, 53]])), text.replace('= 1\n', '= 53\n').replace('= 65535\n', '= 53\n'));
    assert.equal(rule.edit.setPorts([[53, 53], [123, 123]]), undefined);
  });

  it('adds a protocol, ports and a prefix to a rule that matches everything', () => {
    const text = dedent(`
      resource "huaweicloud_networking_secgroup" "app" {
        name = "app"
      }

      resource "huaweicloud_networking_secgroup_rule" "any" {
        security_group_id = huaweicloud_networking_secgroup.app.id
        direction         = "ingress"
        ethertype         = "IPv4"
      }
    `);
    const [rule] = rulesOf(text);
    assert.equal(
      apply(text, rule.edit.setPorts([[443, 443]])),
      text.replace('  ethertype         = "IPv4"\n', '  ethertype         = "IPv4"\n  protocol          = "tcp"\n  ports             = "443"\n'),
    );
    assert.equal(
      apply(text, rule.edit.replaceInternetPeers(['fd00::/8', '10.0.0.0/8'])),
      text.replace('  ethertype         = "IPv4"\n', '  ethertype         = "IPv4"\n  remote_ip_prefix  = "10.0.0.0/8"\n'),
    );
    assert.equal(apply(text, rule.edit.addOwner('owner', 'team-app')), text.replace('  name = "app"\n', '  name = "app"\n  tags = {\n    owner = "team-app"\n  }\n'));
  });

  it('gives undefined where the value is an expression', () => {
    const text = dedent(`
      resource "huaweicloud_networking_secgroup_rule" "dynamic" {
        security_group_id = var.sg
        direction         = "ingress"
        ethertype         = var.ethertype
        protocol          = var.protocol
        ports             = "22"
        description       = format("%s rule", var.name)
      }
    `);
    const [rule] = rulesOf(text);
    assert.equal(rule.protocol.known, false);
    assert.equal(rule.edit.setPorts([[443, 443]]), undefined);
    assert.equal(rule.edit.replaceInternetPeers(['10.0.0.0/8']), undefined, 'the family of the implied prefix is unknown');
    assert.equal(rule.edit.addOwner('owner', 'x'), undefined);
  });
});
