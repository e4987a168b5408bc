import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { NetworkRule } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { testCheck } from '../../../../testing/check-tester';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { check as adminPortExposed } from '../../../checks/admin-port-exposed';
import { check as fullRangeExposure } from '../../../checks/full-range-exposure';
import { check as publicDatabase } from '../../../checks/public-database';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

const LB = `resource "azurerm_lb" "web" {
  name = "lb-web"
  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.web.id
  }
  frontend_ip_configuration {
    name      = "private"
    subnet_id = azurerm_subnet.app.id
  }
  tags = {
    owner = "web-team"
  }
}
`;

/** A document with the load balancer above `code`. */
function afterLb(code: TaggedCode): TaggedCode {
  return { ...code, text: LB + code.text };
}

const NAT_RANGE = afterLb(tf`
  resource "azurerm_lb_nat_rule" "rdp" {
    loadbalancer_id                = azurerm_lb.web.id
    name                           = "rdp"
    protocol                       = "Tcp"
    frontend_port_start            = 50000
    frontend_port_end              = 50100
    backend_port                   = 3389
    frontend_ip_configuration_name = "public"
  }`);

const FIREWALL = tf`
  resource "azurerm_firewall_nat_rule_collection" "dnat" {
    name                = "dnat"
    azure_firewall_name = azurerm_firewall.main.name
    resource_group_name = "rg"
    priority            = 100
    action              = "Dnat"

    rule {
      name                  = "ssh"
      source_addresses      = ["*"]
      destination_ports     = ["22"]
      destination_addresses = ["203.0.113.9"]
      translated_port       = 22
      translated_address    = "10.0.0.4"
      protocols             = ["TCP"]
    }
  }`;

const POLICY = tf`
  resource "azurerm_firewall_policy_rule_collection_group" "dnat" {
    name               = "dnat"
    firewall_policy_id = azurerm_firewall_policy.main.id
    priority           = 100

    nat_rule_collection {
      name     = "dnat"
      priority = 100
      action   = "Dnat"
      rule {
        name                = "pg"
        protocols           = ["TCP", "UDP"]
        source_addresses    = ["0.0.0.0/0"]
        destination_address = "203.0.113.9"
        destination_ports   = ["15432"]
        translated_address  = "10.0.0.5"
        translated_port     = "5432"
      }
    }
  }`;

describe('azure load-balancer rules and firewall DNAT as rules', () => {
  before(ready);

  it('reads an inbound NAT rule range on a public frontend', () => {
    const [rule] = rulesOf(NAT_RANGE);
    assert.deepEqual(rule.ports.known && rule.ports.value, [[50000, 50100]]);
    assert.equal(rule.forward?.via, 'public load balancer lb-web (frontend public)');
    assert.equal(rule.forward?.deviceKey, 'azurerm_lb.web/public');
    assert.deepEqual(rule.forward?.backendPorts.known && rule.forward.backendPorts.value, [[3389, 3389]]);
    assert.equal(NAT_RANGE.text.slice(rule.forward!.exposureSpan.start, rule.forward!.exposureSpan.end), 'public_ip_address_id = azurerm_public_ip.web.id');
  });

  it('reads nothing on a private frontend, and an unknown exposure for a frontend it cannot find', () => {
    assert.deepEqual(rulesOf({ ...NAT_RANGE, text: NAT_RANGE.text.replace('frontend_ip_configuration_name = "public"', 'frontend_ip_configuration_name = "private"') }), []);
    const [missing] = rulesOf({ ...NAT_RANGE, text: NAT_RANGE.text.replace('frontend_ip_configuration_name = "public"', 'frontend_ip_configuration_name = "other"') });
    assert.equal(!missing.peers.known && missing.peers.why, 'frontend other is not written literally in azurerm_lb.web');
  });

  it('reads the source addresses of a firewall DNAT rule as its peers', () => {
    const [rule] = rulesOf(FIREWALL);
    assert.deepEqual(rule.peers.known && rule.peers.value.map((peer) => peer.kind), ['anywhere']);
    assert.equal(rule.forward?.via, 'Azure Firewall azurerm_firewall.main DNAT rule ssh');
    assert.equal(rule.forward?.backend, '10.0.0.4');
    const narrow = rulesOf(tf`${FIREWALL.text.replace('["*"]', '["198.51.100.0/24"]')}`)[0];
    assert.deepEqual(narrow.peers.known && narrow.peers.value.map((peer) => peer.kind), ['cidr']);
  });

  it('ignores an SNAT collection', () => {
    assert.deepEqual(rulesOf(tf`${FIREWALL.text.replace('"Dnat"', '"Snat"')}`), []);
  });
});

testCheck(adminPortExposed, {
  valid: [
    {
      name: 'an RDP NAT rule on a private frontend',
      code: { ...NAT_RANGE, text: NAT_RANGE.text.replace('frontend_ip_configuration_name = "public"', 'frontend_ip_configuration_name = "private"') },
    },
    {
      name: 'an SSH DNAT rule open to one office range',
      code: tf`${FIREWALL.text.replace('["*"]', '["198.51.100.0/24"]')}`,
    },
    {
      name: 'an https load-balancing rule on a public frontend',
      code: afterLb(tf`
        resource "azurerm_lb_rule" "https" {
          loadbalancer_id                = azurerm_lb.web.id
          name                           = "https"
          protocol                       = "Tcp"
          frontend_port                  = 443
          backend_port                   = 8443
          frontend_ip_configuration_name = "public"
        }`),
    },
  ],
  invalid: [
    {
      name: 'RDP behind a public NAT rule range: named by its backend port, no plain switch to offer',
      code: NAT_RANGE,
      findings: [{
        message: 'RDP (3389): public load balancer lb-web (frontend public) port 50000-50100 forwards to backend VM port 3389',
        line: 19, column: 3, endLine: 20, endColumn: 41,
        fixes: [],
      }],
    },
    {
      name: 'SSH through a firewall DNAT rule from anywhere: the source is restricted',
      code: FIREWALL,
      findings: [{
        message: 'SSH (22): Azure Firewall azurerm_firewall.main DNAT rule ssh port 22 forwards to 10.0.0.4 port 22',
        line: 11, column: 29, endLine: 11, endColumn: 35,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`${FIREWALL.text.replace('["*"]', '["10.0.0.0/8"]')}`,
        }],
      }],
    },
  ],
});

testCheck(publicDatabase, {
  valid: [
    {
      name: 'a SQL Server rule on the private frontend',
      code: afterLb(tf`
        resource "azurerm_lb_rule" "sql" {
          loadbalancer_id                = azurerm_lb.web.id
          name                           = "sql"
          protocol                       = "Tcp"
          frontend_port                  = 1433
          backend_port                   = 1433
          frontend_ip_configuration_name = "private"
        }`),
    },
  ],
  invalid: [
    {
      name: 'PostgreSQL published on another port by a firewall policy DNAT rule',
      code: POLICY,
      findings: [{
        message: 'PostgreSQL (5432): Azure Firewall policy azurerm_firewall_policy.main DNAT rule pg port 15432 forwards to 10.0.0.5 port 5432',
        line: 15, column: 29, endLine: 15, endColumn: 38,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`${POLICY.text.replace('["0.0.0.0/0"]', '["10.0.0.0/8"]')}`,
        }],
      }],
    },
  ],
});

testCheck(fullRangeExposure, {
  valid: [
    {
      name: 'an HA-ports rule on the private frontend (where Azure allows it)',
      code: afterLb(tf`
        resource "azurerm_lb_rule" "ha" {
          loadbalancer_id                = azurerm_lb.web.id
          name                           = "ha"
          protocol                       = "All"
          frontend_port                  = 0
          backend_port                   = 0
          frontend_ip_configuration_name = "private"
        }`),
    },
  ],
  invalid: [
    {
      name: 'an all-protocol rule on port 0 of a public frontend: every port',
      code: afterLb(tf`
        resource "azurerm_lb_rule" "ha" {
          loadbalancer_id                = azurerm_lb.web.id
          name                           = "ha"
          protocol                       = "All"
          frontend_port                  = 0
          backend_port                   = 0
          frontend_ip_configuration_name = "public"
        }`),
      findings: [{
        message: '65,536 ports (0-65535) are open on public load balancer lb-web (frontend public) and forward to backend pool port 0-65535',
        line: 19, column: 36, endLine: 19, endColumn: 37,
        fixes: [],
      }],
    },
  ],
});
