import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../../apply-edits';
import type { NetworkRule, TextEdit } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { dedent } from '../../../../testing/tags';
import { adapter } from '../index';
import { lintDocument } from '../../../lint';

function rulesOf(text: string): readonly NetworkRule[] {
  return adapter.parse(text, DEFAULT_SETTINGS).rules;
}

function apply(text: string, edits: readonly TextEdit[] | undefined): string {
  assert.ok(edits, 'expected an edit');
  return applyEdits(text, edits);
}

const firewall = dedent(`
  resource "google_compute_firewall" "web" {
    name          = "web"
    network       = "default"
    description   = "Public web"
    source_ranges = ["0.0.0.0/0", "10.0.0.0/8"]

    allow {
      protocol = "tcp"
      ports    = ["0-65535"]
    }

    allow {
      protocol = "udp"
    }

    allow {
      protocol = "all"
    }

    allow {
      protocol = "icmp"
    }
  }
`);

describe('gcp: google_compute_firewall editor', () => {
  before(ready);

  it('rewrites the ports list', () => {
    const [tcp] = rulesOf(firewall);
    assert.equal(apply(firewall, tcp.edit.setPorts([[443, 443], [8000, 8080]])), firewall.replace('ports    = ["0-65535"]', 'ports    = ["443", "8000-8080"]'));
  });

  it('adds a ports list after the protocol when there is none', () => {
    const udp = rulesOf(firewall)[1];
    assert.equal(apply(firewall, udp.edit.setPorts([[53, 53]])), firewall.replace('protocol = "udp"\n', 'protocol = "udp"\n    ports    = ["53"]\n'));
  });

  it('turns an all-protocol block into tcp when narrowing it', () => {
    const all = rulesOf(firewall)[2];
    assert.equal(apply(firewall, all.edit.setPorts([[443, 443]])), firewall.replace('protocol = "all"\n', 'protocol = "tcp"\n    ports    = ["443"]\n'));
  });

  it('offers no ports for icmp', () => {
    assert.equal(rulesOf(firewall)[3].edit.setPorts([[443, 443]]), undefined);
  });

  it('replaces internet ranges and keeps the others', () => {
    const [tcp] = rulesOf(firewall);
    assert.equal(apply(firewall, tcp.edit.replaceInternetPeers(['192.0.2.0/24'])), firewall.replace('["0.0.0.0/0", "10.0.0.0/8"]', '["192.0.2.0/24", "10.0.0.0/8"]'));
  });

  it('writes source_ranges where GCP would use its default 0.0.0.0/0', () => {
    const text = dedent(`
      resource "google_compute_firewall" "rdp" {
        name    = "rdp"
        network = "default"

        allow {
          protocol = "tcp"
          ports    = ["3389"]
        }
      }
    `);
    const [rule] = rulesOf(text);
    assert.equal(apply(text, rule.edit.replaceInternetPeers(['10.0.0.0/8', '192.168.0.0/16'])), text.replace('network = "default"\n', 'network = "default"\n  source_ranges = ["10.0.0.0/8", "192.168.0.0/16"]\n'));
  });

  it('appends the owner to the description, or adds one', () => {
    const [tcp] = rulesOf(firewall);
    assert.equal(apply(firewall, tcp.edit.addOwner('owner', 'team-web')), firewall.replace('"Public web"', '"Public web, owner=team-web"'));
    const bare = dedent(`
      resource "google_compute_firewall" "ssh" {
        network       = "default"
        source_ranges = ["10.0.0.0/8"]

        allow {
          protocol = "tcp"
        }
      }
    `);
    const [rule] = rulesOf(bare);
    assert.equal(apply(bare, rule.edit.addOwner('Owner', 'TODO')), bare.replace('source_ranges = ["10.0.0.0/8"]\n', 'source_ranges = ["10.0.0.0/8"]\n  description   = "owner=TODO"\n'));
  });

  it('gives undefined where the value is an expression', () => {
    const text = dedent(`
      resource "google_compute_firewall" "dynamic" {
        network       = "default"
        description   = var.description
        source_ranges = var.ranges

        allow {
          protocol = "tcp"
          ports    = var.ports
        }
      }
    `);
    const [rule] = rulesOf(text);
    assert.equal(rule.ports.known, false);
    assert.equal(rule.peers.known, false);
    assert.equal(rule.edit.setPorts([[443, 443]]), undefined);
    assert.equal(rule.edit.replaceInternetPeers(['10.0.0.0/8']), undefined);
    assert.equal(rule.edit.addOwner('owner', 'x'), undefined);
  });

  it('reads nothing from a disabled rule, or one that may be disabled', () => {
    for (const disabled of ['true', 'var.off']) {
      assert.deepEqual(rulesOf(`resource "google_compute_firewall" "x" {\n  disabled = ${disabled}\n  allow {\n    protocol = "tcp"\n  }\n}\n`), []);
    }
  });
});

describe('google_compute_firewall with no source', () => {
  before(ready);

  it('is open to GCP default 0.0.0.0/0, and the finding says why', () => {
    const text = dedent(`
      resource "google_compute_firewall" "rdp" {
        name    = "legacy-rdp"
        network = "default"
        allow {
          protocol = "tcp"
          ports    = ["3389"]
        }
      }`);
    const result = lintDocument({ text, path: 'main.tf', today: '2026-11-23' });
    const finding = result.findings.find((candidate) => candidate.checkId === 'admin-port-exposed');
    assert.equal(finding?.message, "RDP (3389) is open to 0.0.0.0/0 (GCP's default with no source_ranges, source_tags or source_service_accounts)");
    const restrict = finding.fixes.find((fix) => fix.preferred);
    assert.equal(apply(text, restrict?.edits).split('\n')[3], '  source_ranges = ["10.0.0.0/8"]');
  });
});
