import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { NetworkRule } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { testCheck } from '../../../../testing/check-tester';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { check as adminPortExposed } from '../../../checks/admin-port-exposed';
import { check as fullRangeExposure } from '../../../checks/full-range-exposure';
import { check as missingOwner } from '../../../checks/missing-owner';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

const SSH_POOL = tf`
  resource "google_compute_forwarding_rule" "ssh" {
    name       = "fr-ssh"
    port_range = "22"
    target     = google_compute_target_pool.bastion.id
    labels = {
      owner = "ops"
    }
  }`;

const ALL_PORTS = tf`
  resource "google_compute_forwarding_rule" "all" {
    name                  = "fr-all"
    load_balancing_scheme = "EXTERNAL"
    all_ports             = true
    ip_protocol           = "TCP"
    backend_service       = google_compute_region_backend_service.nlb.id
    labels = {
      owner = "ops"
    }
  }`;

describe('gcp forwarding rules as rules', () => {
  before(ready);

  it('reads an external rule (the default scheme) with the target pool keeping the port', () => {
    const [rule] = rulesOf(SSH_POOL);
    assert.deepEqual(rule.ports.known && rule.ports.value, [[22, 22]]);
    assert.equal(rule.groupKey, 'google_compute_forwarding_rule.ssh');
    assert.equal(rule.forward?.via, 'external forwarding rule fr-ssh');
    assert.deepEqual(rule.forward?.backendPorts.known && rule.forward.backendPorts.value, [[22, 22]]);
    assert.equal(SSH_POOL.text.slice(rule.forward!.exposureSpan.start, rule.forward!.exposureSpan.end), 'resource "google_compute_forwarding_rule" "ssh"');
    assert.deepEqual(rule.owner?.known && rule.owner.value, 'ops');
  });

  it('reads ports lists and says a proxy sets its own backend port', () => {
    const code = tf`
      resource "google_compute_global_forwarding_rule" "web" {
        name       = "fr-web"
        port_range = "80-81"
        target     = google_compute_target_http_proxy.web.id
      }
      resource "google_compute_forwarding_rule" "pair" {
        name            = "fr-pair"
        ports           = ["443", "8443"]
        backend_service = google_compute_region_backend_service.nlb.id
      }`;
    const [web, pair] = rulesOf(code);
    assert.deepEqual(web.ports.known && web.ports.value, [[80, 81]]);
    assert.equal(!web.forward!.backendPorts.known && web.forward!.backendPorts.why, 'google_compute_target_http_proxy.web.id sets the backend port');
    assert.deepEqual(pair.ports.known && pair.ports.value, [[443, 443], [8443, 8443]]);
    // A global rule has no internal twin one attribute selects.
    assert.equal(web.forward?.internalSwitch, undefined);
    assert.equal(pair.forward?.internalSwitch, 'load_balancing_scheme = "INTERNAL"');
  });

  it('reads nothing from internal schemes, and source_ip_ranges as the peers', () => {
    for (const scheme of ['INTERNAL', 'INTERNAL_MANAGED', 'INTERNAL_SELF_MANAGED', '']) {
      assert.deepEqual(rulesOf(tf`${SSH_POOL.text.replace('name       = "fr-ssh"', `name       = "fr-ssh"\n  load_balancing_scheme = "${scheme}"`)}`), [], scheme);
    }
    const [restricted] = rulesOf(tf`${SSH_POOL.text.replace('port_range = "22"', 'port_range = "22"\n  source_ip_ranges = ["198.51.100.0/24"]')}`);
    assert.deepEqual(restricted.peers.known && restricted.peers.value.map((peer) => peer.kind), ['cidr']);
  });
});

testCheck(adminPortExposed, {
  valid: [
    {
      name: 'ssh on an INTERNAL forwarding rule',
      code: tf`
        resource "google_compute_forwarding_rule" "ssh" {
          name                  = "fr-ssh"
          load_balancing_scheme = "INTERNAL"
          ports                 = ["22"]
          backend_service       = google_compute_region_backend_service.ilb.id
        }`,
    },
    {
      name: 'https on a global external forwarding rule',
      code: tf`
        resource "google_compute_global_forwarding_rule" "https" {
          name       = "fr-https"
          port_range = "443"
          target     = google_compute_target_https_proxy.web.id
        }`,
    },
    {
      name: 'ssh on an external passthrough rule restricted to an office range',
      code: tf`
        resource "google_compute_forwarding_rule" "ssh" {
          name             = "fr-ssh"
          port_range       = "22"
          source_ip_ranges = ["198.51.100.0/24"]
          backend_service  = google_compute_region_backend_service.nlb.id
        }`,
    },
  ],
  invalid: [
    {
      name: 'ssh on an external rule: the fix writes the internal scheme',
      code: SSH_POOL,
      findings: [{
        message: 'SSH (22): external forwarding rule fr-ssh port 22 forwards to google_compute_target_pool.bastion.id port 22',
        line: 3, column: 17, endLine: 3, endColumn: 19,
        fixes: [{
          title: 'Make the load balancer internal (load_balancing_scheme = "INTERNAL")',
          output: tf`
            resource "google_compute_forwarding_rule" "ssh" {
              name       = "fr-ssh"
              port_range = "22"
              target     = google_compute_target_pool.bastion.id
              load_balancing_scheme = "INTERNAL"
              labels = {
                owner = "ops"
              }
            }`,
        }],
      }],
    },
    {
      name: 'ssh on an external passthrough rule open to everyone by source_ip_ranges: the source is restricted first',
      code: tf`
        resource "google_compute_forwarding_rule" "ssh" {
          name                  = "fr-ssh"
          load_balancing_scheme = "EXTERNAL"
          port_range            = "22"
          source_ip_ranges      = ["0.0.0.0/0"]
          backend_service       = google_compute_region_backend_service.nlb.id
        }`,
      findings: [{
        message: 'SSH (22): external forwarding rule fr-ssh port 22 forwards to google_compute_region_backend_service.nlb.id port 22',
        line: 4, column: 28, endLine: 4, endColumn: 30,
        fixes: [
          {
            title: 'Restrict source to 10.0.0.0/8',
            preferred: true,
            output: tf`
              resource "google_compute_forwarding_rule" "ssh" {
                name                  = "fr-ssh"
                load_balancing_scheme = "EXTERNAL"
                port_range            = "22"
                source_ip_ranges      = ["10.0.0.0/8"]
                backend_service       = google_compute_region_backend_service.nlb.id
              }`,
          },
          {
            title: 'Make the load balancer internal (load_balancing_scheme = "INTERNAL")',
            output: tf`
              resource "google_compute_forwarding_rule" "ssh" {
                name                  = "fr-ssh"
                load_balancing_scheme = "INTERNAL"
                port_range            = "22"
                source_ip_ranges      = ["0.0.0.0/0"]
                backend_service       = google_compute_region_backend_service.nlb.id
              }`,
          },
        ],
      }],
    },
  ],
});

testCheck(fullRangeExposure, {
  valid: [
    {
      name: 'all ports on an INTERNAL rule',
      code: tf`${ALL_PORTS.text.replace('"EXTERNAL"', '"INTERNAL"')}`,
    },
  ],
  invalid: [
    {
      name: 'all ports on an EXTERNAL passthrough rule',
      code: ALL_PORTS,
      findings: [{
        message: '65,536 ports (0-65535) are open on external forwarding rule fr-all and forward to google_compute_region_backend_service.nlb.id port 0-65535',
        line: 4, column: 3, endLine: 4, endColumn: 31,
        fixes: [{
          title: 'Make the load balancer internal (load_balancing_scheme = "INTERNAL")',
          output: tf`${ALL_PORTS.text.replace('"EXTERNAL"', '"INTERNAL"')}`,
        }],
      }],
    },
  ],
});

testCheck(missingOwner, {
  valid: [
    { name: 'an external rule with an owner label', code: SSH_POOL },
  ],
  invalid: [
    {
      name: 'an external rule without labels: the owner goes into its labels',
      code: tf`
        resource "google_compute_global_forwarding_rule" "https" {
          name       = "fr-https"
          port_range = "443"
          target     = google_compute_target_https_proxy.web.id
        }`,
      findings: [{
        message: 'google_compute_global_forwarding_rule.https has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 1, column: 1, endLine: 1, endColumn: 57,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "google_compute_global_forwarding_rule" "https" {
              name       = "fr-https"
              port_range = "443"
              target     = google_compute_target_https_proxy.web.id
              labels = {
                owner = "TODO"
              }
            }`,
        }],
      }],
    },
  ],
});
