import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { NetworkRule } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { testCheck } from '../../../../testing/check-tester';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { check as fullRangeExposure } from '../../../checks/full-range-exposure';
import { check as publicDatabase } from '../../../checks/public-database';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

function listenerOn(balancer: string, reference = 'alicloud_slb_load_balancer.cache.id'): TaggedCode {
  return tf`
    ${balancer}

    resource "alicloud_slb_listener" "redis" {
      load_balancer_id = ${reference}
      frontend_port    = 6379
      backend_port     = 6379
      protocol         = "tcp"
      bandwidth        = 10
    }`;
}

const INTERNET = tf`
  resource "alicloud_slb_load_balancer" "cache" {
    load_balancer_name = "slb-cache"
    address_type       = "internet"
  }

  resource "alicloud_slb_listener" "redis" {
    load_balancer_id = alicloud_slb_load_balancer.cache.id
    frontend_port    = 6379
    backend_port     = 6379
    protocol         = "tcp"
    bandwidth        = 10
  }`;

const FORWARD_ALL = tf`
  resource "alicloud_nat_gateway" "main" {
    nat_gateway_name = "nat-main"
    vpc_id           = alicloud_vpc.main.id
  }

  resource "alicloud_forward_entry" "all" {
    forward_table_id = alicloud_nat_gateway.main.forward_table_ids
    external_ip      = "203.0.113.7"
    external_port    = "any"
    ip_protocol      = "any"
    internal_ip      = "172.16.0.3"
    internal_port    = "any"
  }`;

describe('alibaba SLB listeners and NAT forward entries as rules', () => {
  before(ready);

  it('reads a listener on an internet SLB, frontend to backend port', () => {
    const [rule] = rulesOf(INTERNET);
    assert.equal(rule.groupKey, 'alicloud_slb_load_balancer.cache');
    assert.deepEqual(rule.ports.known && rule.ports.value, [[6379, 6379]]);
    assert.equal(rule.forward?.via, 'internet-facing SLB slb-cache');
    assert.deepEqual(rule.forward?.backendPorts.known && rule.forward.backendPorts.value, [[6379, 6379]]);
  });

  it('follows each resource\'s default address type', () => {
    // alicloud_slb: the provider creates an intranet SLB unless told otherwise.
    assert.deepEqual(rulesOf(listenerOn('resource "alicloud_slb" "cache" {\n}', 'alicloud_slb.cache.id')), []);
    // alicloud_slb_load_balancer: the API chooses, so whether it is public is unknown.
    const [unset] = rulesOf(listenerOn('resource "alicloud_slb_load_balancer" "cache" {\n}'));
    assert.equal(unset.peers.known, false);
    assert.equal(!unset.peers.known && unset.peers.why, 'address_type of alicloud_slb_load_balancer.cache is not set, so the API chooses');
  });

  it('reads the deprecated internet = true of alicloud_slb as internet-facing', () => {
    const code = tf`
      resource "alicloud_slb" "cache" {
        internet = true
      }
      resource "alicloud_slb_listener" "redis" {
        load_balancer_id = alicloud_slb.cache.id
        frontend_port    = 6379
        backend_port     = 6379
        protocol         = "tcp"
      }`;
    const [rule] = rulesOf(code);
    assert.ok(rule.peers.known && rule.peers.value[0].kind === 'anywhere');
    // address_type conflicts with internet: no fix writes it.
    assert.equal(rule.forward?.internalSwitch, undefined);
  });

  it('reads the backend ports of a VServer group when the listener has no backend_port', () => {
    const code = tf`
      resource "alicloud_slb_load_balancer" "web" {
        address_type = "internet"
      }
      resource "alicloud_slb_server_group" "ssh" {
        load_balancer_id = alicloud_slb_load_balancer.web.id
        servers {
          server_ids = [alicloud_instance.bastion.id]
          port       = 22
        }
      }
      resource "alicloud_slb_listener" "ssh" {
        load_balancer_id = alicloud_slb_load_balancer.web.id
        frontend_port    = 10022
        server_group_id  = alicloud_slb_server_group.ssh.id
        protocol         = "tcp"
      }`;
    const [rule] = rulesOf(code);
    assert.equal(rule.forward?.backend, 'server group');
    assert.deepEqual(rule.forward?.backendPorts.known && rule.forward.backendPorts.value, [[22, 22]]);
    const elsewhere = rulesOf(tf`${code.text.replace('alicloud_slb_server_group.ssh.id', 'var.server_group_id')}`)[0];
    assert.equal(!elsewhere.forward!.backendPorts.known && elsewhere.forward!.backendPorts.why, 'the server group is not in this document');
  });

  it('reads a forward entry on "any" as every port and protocol', () => {
    const [rule] = rulesOf(FORWARD_ALL);
    assert.deepEqual(rule.protocol.known && rule.protocol.value, 'all');
    assert.deepEqual(rule.ports.known && rule.ports.value, [[0, 65535]]);
    assert.equal(rule.forward?.via, 'NAT gateway nat-main (203.0.113.7)');
    assert.equal(rule.forward?.backend, '172.16.0.3');
  });
});

testCheck(publicDatabase, {
  valid: [
    { name: 'redis on an intranet SLB', code: tf`${INTERNET.text.replace('"internet"', '"intranet"')}` },
    { name: 'redis on an SLB whose address type the API chooses', code: listenerOn('resource "alicloud_slb_load_balancer" "cache" {\n  load_balancer_name = "slb-cache"\n}') },
  ],
  invalid: [
    {
      name: 'redis on an internet SLB: the fix switches the address type',
      code: INTERNET,
      findings: [{
        message: 'Redis (6379): internet-facing SLB slb-cache port 6379 forwards to backend server port 6379',
        line: 8, column: 22, endLine: 8, endColumn: 26,
        fixes: [{
          title: 'Make the load balancer internal (address_type = "intranet")',
          output: tf`${INTERNET.text.replace('"internet"', '"intranet"')}`,
        }],
      }],
    },
    {
      name: 'a forward entry publishing MongoDB',
      code: tf`
        resource "alicloud_forward_entry" "mongo" {
          forward_table_id = "ftb-123"
          external_ip      = "203.0.113.7"
          external_port    = "27017"
          ip_protocol      = "tcp"
          internal_ip      = "172.16.0.9"
          internal_port    = "27017"
        }`,
      findings: [{
        message: 'MongoDB (27017): NAT gateway ftb-123 (203.0.113.7) port 27017 forwards to 172.16.0.9 port 27017',
        line: 4, column: 23, endLine: 4, endColumn: 28,
        fixes: [],
      }],
    },
  ],
});

testCheck(fullRangeExposure, {
  valid: [
    {
      name: 'a forward entry of one port',
      code: tf`${FORWARD_ALL.text.replace('"any"', '"8080"').replace('"any"', '"tcp"').replace('"any"', '"8080"')}`,
    },
  ],
  invalid: [
    {
      name: 'a forward entry of every port: no narrowing, since the entry has no port list to narrow',
      code: FORWARD_ALL,
      findings: [{
        message: '65,536 ports (0-65535) are open on NAT gateway nat-main (203.0.113.7) and forward to 172.16.0.3 port 0-65535',
        line: 9, column: 23, endLine: 9, endColumn: 26,
        fixes: [],
      }],
    },
  ],
});
