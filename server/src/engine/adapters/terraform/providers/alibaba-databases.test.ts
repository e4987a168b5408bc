import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { check as publicDatabase } from '../../../checks/public-database';
import type { NetworkRule } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { testCheck } from '../../../../testing/check-tester';
import { ready } from '../../../../testing/engine';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

describe('alibaba databases: whitelists', () => {
  before(ready);

  it('gives each engine its port: the written port first, else the engine default', () => {
    const rules = rulesOf(tf`
      resource "alicloud_db_instance" "pg" {
        engine       = "PostgreSQL"
        security_ips = ["10.0.0.0/8"]
      }
      resource "alicloud_db_instance" "moved" {
        engine       = "MySQL"
        port         = "3307"
        security_ips = ["10.0.0.0/8"]
      }
      resource "alicloud_kvstore_instance" "cache" {
        security_ips = ["10.0.0.0/8"]
      }
      resource "alicloud_kvstore_instance" "memcache" {
        instance_type = "Memcache"
        security_ips  = ["10.0.0.0/8"]
      }
      resource "alicloud_mongodb_instance" "docs" {
        security_ip_list = ["10.0.0.0/8"]
      }
      resource "alicloud_polardb_cluster" "cluster" {
        db_type      = "Oracle"
        security_ips = ["10.0.0.0/8"]
      }`);
    assert.deepEqual(rules.map((rule) => [rule.service?.engine, rule.ports.known && rule.ports.value]), [
      ['PostgreSQL', [[5432, 5432]]],
      ['MySQL', [[3307, 3307]]],
      ['Redis', [[6379, 6379]]],
      ['Memcache', [[11211, 11211]]],
      ['MongoDB', [[3717, 3717]]],
      ['Oracle', [[1521, 1521]]],
    ]);
  });

  it('reads each entry of a comma-separated string with its own span', () => {
    const code = tf`
      resource "alicloud_db_instance" "db" {
        engine       = "MySQL"
        security_ips = ["10.0.0.1,0.0.0.0/0"]
      }`;
    const [rule] = rulesOf(code);
    assert.ok(rule.peers.known);
    assert.deepEqual(rule.peers.value.map((peer) => 'text' in peer && code.text.slice(peer.span.start, peer.span.end)), ['10.0.0.1', '0.0.0.0/0']);
    // The entry shares its string with another: rewriting it is left to a person.
    assert.equal(rule.edit.replaceInternetPeers(['10.0.0.0/8']), undefined);
  });

  it('a whitelist from a variable is unknown, and no whitelist is no rule', () => {
    const rules = rulesOf(tf`
      resource "alicloud_db_instance" "vars" {
        engine       = "MySQL"
        security_ips = var.whitelist
      }
      resource "alicloud_db_instance" "default" {
        engine = "MySQL"
      }`);
    assert.equal(rules.length, 1);
    assert.equal(rules[0].peers.known, false);
  });
});

testCheck(publicDatabase, {
  valid: [
    {
      name: 'a whitelist of private addresses',
      code: tf`
        resource "alicloud_db_instance" "db" {
          engine       = "MySQL"
          security_ips = ["10.23.12.24", "192.168.0.0/16"]
        }`,
    },
    {
      name: 'Alibaba\'s default whitelist, 127.0.0.1',
      code: tf`
        resource "alicloud_kvstore_instance" "cache" {
          security_ips = ["127.0.0.1"]
        }`,
    },
  ],
  invalid: [
    {
      name: 'RDS whitelisting 0.0.0.0/0 next to an office range',
      code: tf`
        resource "alicloud_db_instance" "db" {
          engine       = "MySQL"
          security_ips = [
            "0.0.0.0/0",
            "10.23.12.24/24",
          ]
        }`,
      findings: [{
        message: 'Database alicloud_db_instance.db (MySQL) is publicly accessible',
        line: 4, column: 6, endLine: 4, endColumn: 15,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "alicloud_db_instance" "db" {
              engine       = "MySQL"
              security_ips = [
                "10.0.0.0/8",
                "10.23.12.24/24",
              ]
            }`,
        }],
      }],
    },
    {
      name: 'Redis whitelisting % (every address), restricted to two trusted ranges',
      settings: { trustedCidrs: ['203.0.113.0/24', '198.51.100.0/24'] },
      code: tf`
        resource "alicloud_kvstore_instance" "cache" {
          security_ips = ["192.168.1.0/24", "%"]
        }`,
      findings: [{
        message: 'Database alicloud_kvstore_instance.cache (Redis) is publicly accessible',
        line: 2, column: 38, endLine: 2, endColumn: 39,
        fixes: [{
          title: 'Restrict source to 203.0.113.0/24, 198.51.100.0/24',
          preferred: true,
          output: tf`
            resource "alicloud_kvstore_instance" "cache" {
              security_ips = ["192.168.1.0/24", "203.0.113.0/24", "198.51.100.0/24"]
            }`,
        }],
      }],
    },
    {
      name: 'MongoDB whitelisting a bare 0.0.0.0, read as every address as everywhere in the engine',
      code: tf`
        resource "alicloud_mongodb_instance" "docs" {
          security_ip_list = ["0.0.0.0"]
        }`,
      findings: [{
        message: 'Database alicloud_mongodb_instance.docs (MongoDB) is publicly accessible',
        line: 2, column: 24, endLine: 2, endColumn: 31,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "alicloud_mongodb_instance" "docs" {
              security_ip_list = ["10.0.0.0/8"]
            }`,
        }],
      }],
    },
  ],
});
