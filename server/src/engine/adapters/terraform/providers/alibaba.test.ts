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

describe('alibaba: alicloud_security_group_rule editor', () => {
  before(ready);

  const text = dedent(`
    resource "alicloud_security_group" "default" {
      name = "default"
      tags = {
        env = "prod"
      }
    }

    resource "alicloud_security_group_rule" "all_tcp" {
      type              = "ingress"
      ip_protocol       = "tcp"
      policy            = "accept"
      port_range        = "1/65535"
      priority          = 1
      security_group_id = alicloud_security_group.default.id
      cidr_ip           = "0.0.0.0/0"
    }
  `);

  it('writes one range as from/to', () => {
    const [rule] = rulesOf(text);
    assert.equal(apply(text, rule.edit.setPorts([[443, 443]])), text.replace('"1/65535"', '"443/443"'));
    assert.equal(apply(text, rule.edit.setPorts([[8000, 8080]])), text.replace('"1/65535"', '"8000/8080"'));
    assert.equal(rule.edit.setPorts([[80, 80], [443, 443]]), undefined, 'port_range holds one range');
  });

  it('replaces cidr_ip with one address of its family', () => {
    const [rule] = rulesOf(text);
    assert.equal(apply(text, rule.edit.replaceInternetPeers(['fd00::/8', '10.0.0.0/8'])), text.replace('"0.0.0.0/0"', '"10.0.0.0/8"'));
    assert.equal(rule.edit.replaceInternetPeers(['10.0.0.0/8', '192.168.0.0/16']), undefined);
  });

  it('adds the owner to the group tags', () => {
    const [rule] = rulesOf(text);
    assert.equal(apply(text, rule.edit.addOwner('owner', 'team-platform')), text.replace('    env = "prod"\n', '    owner = "team-platform"\n    env = "prod"\n'));
  });

  it('makes an all-protocol rule tcp when narrowing it', () => {
    const all = dedent(`
      resource "alicloud_security_group_rule" "all" {
        type              = "ingress"
        ip_protocol       = "all"
        port_range        = "-1/-1"
        security_group_id = "sg-1"
        cidr_ip           = "0.0.0.0/0"
        description       = "temporary"
      }
    `);
    const [rule] = rulesOf(all);
    assert.equal(apply(all, rule.edit.setPorts([[443, 443]])), all.replace('= "all"', '= "tcp"').replace('"-1/-1"', '"443/443"'));
    assert.equal(apply(all, rule.edit.addOwner('owner', 'TODO')), all.replace('"temporary"', '"temporary, owner=TODO"'));
  });

  it('gives undefined where the value is an expression', () => {
    const dynamic = dedent(`
      resource "alicloud_security_group_rule" "module" {
        type              = "ingress"
        ip_protocol       = "tcp"
        port_range        = "\${var.from}/\${var.to}"
        security_group_id = local.this_sg_id
        cidr_ip           = var.cidr
        description       = var.description
      }
    `);
    const [rule] = rulesOf(dynamic);
    assert.equal(rule.ports.known, false);
    assert.equal(rule.peers.known, false);
    assert.equal(rule.edit.setPorts([[443, 443]]), undefined);
    assert.equal(rule.edit.replaceInternetPeers(['10.0.0.0/8']), undefined);
    assert.equal(rule.edit.addOwner('owner', 'x'), undefined);
  });
});
