import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { NetworkRule } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { testCheck } from '../../../../testing/check-tester';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { check as adminPortExposed } from '../../../checks/admin-port-exposed';
import { check as publicDatabase } from '../../../checks/public-database';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

const CLB = tf`
  resource "tencentcloud_security_group" "bastion" {
    name = "bastion"
  }

  resource "tencentcloud_instance" "bastion" {
    instance_name           = "bastion"
    orderly_security_groups = [tencentcloud_security_group.bastion.id]
  }

  resource "tencentcloud_clb_instance" "web" {
    network_type = "OPEN"
    clb_name     = "clb-web"
    tags = {
      owner = "web-team"
    }
  }

  resource "tencentcloud_clb_listener" "ssh" {
    clb_id        = tencentcloud_clb_instance.web.id
    listener_name = "ssh"
    port          = 22
    protocol      = "TCP"
  }

  resource "tencentcloud_clb_attachment" "ssh" {
    clb_id      = tencentcloud_clb_instance.web.id
    listener_id = tencentcloud_clb_listener.ssh.listener_id
    targets {
      instance_id = tencentcloud_instance.bastion.id
      port        = 22
      weight      = 10
    }
  }`;

const DNAT = tf`
  resource "tencentcloud_nat_gateway" "main" {
    name   = "nat-main"
    vpc_id = "vpc-123"
    tags = {
      owner = "network"
    }
  }

  resource "tencentcloud_dnat" "rdp" {
    vpc_id       = "vpc-123"
    nat_id       = tencentcloud_nat_gateway.main.id
    protocol     = "TCP"
    elastic_ip   = "203.0.113.10"
    elastic_port = "13389"
    private_ip   = "10.0.1.5"
    private_port = "3389"
  }`;

describe('tencent load balancers and NAT forwards as rules', () => {
  before(ready);

  it('reads a CLB listener with the backend port and security groups of its attachment', () => {
    const [rule] = rulesOf(CLB);
    assert.equal(rule.groupKey, 'tencentcloud_clb_instance.web');
    assert.deepEqual(rule.ports.known && rule.ports.value, [[22, 22]]);
    assert.equal(rule.forward?.via, 'public CLB clb-web');
    assert.deepEqual(rule.forward?.backendPorts.known && rule.forward.backendPorts.value, [[22, 22]]);
    assert.deepEqual(rule.forward?.backendGroupKeys, ['tencentcloud_security_group.bastion']);
    assert.equal(CLB.text.slice(rule.forward!.exposureSpan.start, rule.forward!.exposureSpan.end), 'network_type = "OPEN"');
    assert.deepEqual(rule.owner?.known && rule.owner.value, 'web-team');
  });

  it('says the backend port is unknown without an attachment', () => {
    const bare = tf`${CLB.text.slice(0, CLB.text.indexOf('resource "tencentcloud_clb_attachment"'))}`;
    const [rule] = rulesOf(bare);
    assert.equal(rule.forward?.backendPorts.known, false);
    assert.equal(!rule.forward!.backendPorts.known && rule.forward!.backendPorts.why, 'no tencentcloud_clb_attachment for this listener is in this document');
  });

  it('reads a DNAT entry as an internet-facing forward from the elastic IP', () => {
    const [rule] = rulesOf(DNAT);
    assert.deepEqual(rule.ports.known && rule.ports.value, [[13389, 13389]]);
    assert.equal(rule.forward?.via, 'NAT gateway nat-main (203.0.113.10)');
    assert.equal(rule.forward?.deviceKey, 'tencentcloud_nat_gateway.main 203.0.113.10');
    assert.equal(rule.forward?.backend, '10.0.1.5');
    assert.deepEqual(rule.forward?.backendPorts.known && rule.forward.backendPorts.value, [[3389, 3389]]);
    assert.equal(rule.forward?.internalSwitch, undefined);
  });
});

testCheck(adminPortExposed, {
  valid: [
    {
      name: 'ssh on an INTERNAL CLB',
      code: tf`${CLB.text.replace('"OPEN"', '"INTERNAL"')}`,
    },
    {
      name: 'https on an OPEN CLB',
      code: tf`
        resource "tencentcloud_clb_instance" "web" {
          network_type = "OPEN"
        }
        resource "tencentcloud_clb_listener" "https" {
          clb_id   = tencentcloud_clb_instance.web.id
          port     = 443
          protocol = "HTTPS"
        }`,
    },
    {
      name: 'a DNAT entry forwarding 80 to a web server',
      code: tf`${DNAT.text.replace('"13389"', '"80"').replace('"3389"', '"8080"')}`,
    },
  ],
  invalid: [
    {
      name: 'ssh on an OPEN CLB: the fix switches the network type',
      code: CLB,
      findings: [{
        message: 'SSH (22): public CLB clb-web port 22 forwards to instance port 22',
        line: 21, column: 19, endLine: 21, endColumn: 21,
        fixes: [{
          title: 'Make the load balancer internal (network_type = "INTERNAL")',
          output: tf`${CLB.text.replace('network_type = "OPEN"', 'network_type = "INTERNAL"')}`,
        }],
      }],
    },
    {
      // Found in the real-world corpus (tencentcloud-clb example): the CLB is only evaluated once its type is read.
      name: 'network_type from a variable whose default is OPEN: reported, and no fix rewrites the variable',
      code: tf`
        variable "network_type" {
          default = "OPEN"
        }
        resource "tencentcloud_clb_instance" "example" {
          clb_name     = "example"
          network_type = var.network_type
        }
        resource "tencentcloud_clb_listener" "listener_tcp" {
          clb_id   = tencentcloud_clb_instance.example.id
          port     = 22
          protocol = "TCP"
        }`,
      findings: [{
        message: 'SSH (22): public CLB example (network_type from var.network_type default, main.tf:2) port 22 forwards to instance (port not resolved)',
        line: 10, column: 14, endLine: 10, endColumn: 16,
        fixes: [],
      }],
    },
    {
      name: 'RDP behind a DNAT entry on another public port: no fix narrows a forward',
      code: DNAT,
      findings: [{
        message: 'RDP (3389): NAT gateway nat-main (203.0.113.10) port 13389 forwards to 10.0.1.5 port 3389',
        line: 14, column: 19, endLine: 14, endColumn: 24,
        fixes: [],
      }],
    },
  ],
});

testCheck(publicDatabase, {
  valid: [
    {
      name: 'a MySQL listener on an INTERNAL CLB',
      code: tf`
        resource "tencentcloud_clb_instance" "db" {
          network_type = "INTERNAL"
        }
        resource "tencentcloud_clb_listener" "mysql" {
          clb_id   = tencentcloud_clb_instance.db.id
          port     = 3306
          protocol = "TCP"
        }`,
    },
  ],
  invalid: [
    {
      name: 'a MySQL listener on an OPEN CLB, backend not attached in the document',
      code: tf`
        resource "tencentcloud_clb_instance" "db" {
          network_type = "OPEN"
          tags = { owner = "data" }
        }
        resource "tencentcloud_clb_listener" "mysql" {
          clb_id   = tencentcloud_clb_instance.db.id
          port     = 3306
          protocol = "TCP"
        }`,
      findings: [{
        message: 'MySQL (3306): public CLB tencentcloud_clb_instance.db port 3306 forwards to instance (port not resolved)',
        line: 7, column: 14, endLine: 7, endColumn: 18,
        fixes: [{
          title: 'Make the load balancer internal (network_type = "INTERNAL")',
          output: tf`
            resource "tencentcloud_clb_instance" "db" {
              network_type = "INTERNAL"
              tags = { owner = "data" }
            }
            resource "tencentcloud_clb_listener" "mysql" {
              clb_id   = tencentcloud_clb_instance.db.id
              port     = 3306
              protocol = "TCP"
            }`,
        }],
      }],
    },
  ],
});
