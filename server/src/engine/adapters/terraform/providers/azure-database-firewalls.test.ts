import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { check as missingOwner } from '../../../checks/missing-owner';
import { check as publicDatabase } from '../../../checks/public-database';
import { formatCidr, parseCidr } from '../../../model/cidr';
import type { NetworkRule } from '../../../model/network-rule';
import { showPeers } from '../../../model/peers';
import { DEFAULT_SETTINGS } from '../../../settings';
import { testCheck } from '../../../../testing/check-tester';
import { ready } from '../../../../testing/engine';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { adapter } from '../index';
import { rangeToCidrs } from './azure-database-firewalls';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

const address = (text: string): bigint => parseCidr(text)!.network;

describe('azure database firewalls: ranges', () => {
  before(ready);

  it('splits a range into the fewest CIDR blocks', () => {
    assert.deepEqual(rangeToCidrs(address('0.0.0.0'), address('255.255.255.255')).map(formatCidr), ['0.0.0.0/0']);
    assert.deepEqual(rangeToCidrs(address('10.0.0.0'), address('10.0.0.0')).map(formatCidr), ['10.0.0.0/32']);
    assert.deepEqual(rangeToCidrs(address('1.2.3.4'), address('1.2.3.8')).map(formatCidr), ['1.2.3.4/30', '1.2.3.8/32']);
    assert.deepEqual(rangeToCidrs(address('1.0.0.0'), address('3.0.0.0')).map(formatCidr), ['1.0.0.0/8', '2.0.0.0/8', '3.0.0.0/32']);
  });

  it('reads 0.0.0.0-0.0.0.0 on a database server as Azure services, on Redis as the one address', () => {
    const rules = rulesOf(tf`
      resource "azurerm_mssql_firewall_rule" "azure" {
        server_id        = azurerm_mssql_server.main.id
        start_ip_address = "0.0.0.0"
        end_ip_address   = "0.0.0.0"
      }
      resource "azurerm_redis_firewall_rule" "zero" {
        redis_cache_name = "cache"
        start_ip         = "0.0.0.0"
        end_ip           = "0.0.0.0"
      }`);
    assert.deepEqual(rules.map((rule) => rule.peers.known && rule.peers.value.map((peer) => peer.kind)), [['reference'], ['cidr']]);
    assert.deepEqual(rules.map((rule) => rule.peers.known && showPeers(rule.peers.value)), ['AzureServices (0.0.0.0-0.0.0.0)', '0.0.0.0/32']);
  });

  it('gives each engine its port, and Redis 6379 only with the non-TLS port turned on', () => {
    const rules = rulesOf(tf`
      resource "azurerm_redis_cache" "plain" {
        enable_non_ssl_port = true
      }
      resource "azurerm_redis_firewall_rule" "plain" {
        redis_cache_name = azurerm_redis_cache.plain.name
        start_ip         = "1.2.3.4"
        end_ip           = "1.2.3.4"
      }
      resource "azurerm_redis_firewall_rule" "tls" {
        redis_cache_name = "other"
        start_ip         = "1.2.3.4"
        end_ip           = "1.2.3.4"
      }
      resource "azurerm_postgresql_flexible_server_firewall_rule" "pg" {
        server_id        = "id"
        start_ip_address = "1.2.3.4"
        end_ip_address   = "1.2.3.4"
      }`);
    assert.deepEqual(rules.map((rule) => rule.ports.known && rule.ports.value), [[[6379, 6380]], [[6380, 6380]], [[5432, 5432]]]);
  });

  it('leaves a reversed or non-address range unknown', () => {
    const rules = rulesOf(tf`
      resource "azurerm_sql_firewall_rule" "reversed" {
        server_name      = "db"
        start_ip_address = "10.0.0.9"
        end_ip_address   = "10.0.0.1"
      }
      resource "azurerm_sql_firewall_rule" "cidr" {
        server_name      = "db"
        start_ip_address = "0.0.0.0/0"
        end_ip_address   = "255.255.255.255"
      }`);
    assert.deepEqual(rules.map((rule) => rule.peers.known), [false, false]);
  });
});

testCheck(publicDatabase, {
  valid: [
    {
      name: 'a single private address',
      code: tf`
        resource "azurerm_sql_firewall_rule" "office" {
          server_name      = azurerm_sql_server.main.name
          start_ip_address = "10.0.17.62"
          end_ip_address   = "10.0.17.62"
        }`,
    },
    {
      name: 'Azure services (0.0.0.0-0.0.0.0) are not the internet',
      code: tf`
        resource "azurerm_mysql_flexible_server_firewall_rule" "azure" {
          server_name      = azurerm_mysql_flexible_server.main.name
          start_ip_address = "0.0.0.0"
          end_ip_address   = "0.0.0.0"
        }`,
    },
    {
      name: 'a wide public range that is not every address',
      code: tf`
        resource "azurerm_redis_firewall_rule" "wide" {
          redis_cache_name = azurerm_redis_cache.main.name
          start_ip         = "1.0.0.0"
          end_ip           = "3.0.0.0"
        }`,
    },
    {
      name: 'every address on a server whose public network access is off, or a flexible server in a subnet: never consulted',
      code: tf`
        resource "azurerm_mssql_server" "private" {
          public_network_access_enabled = false
        }
        resource "azurerm_mssql_firewall_rule" "all" {
          server_id        = azurerm_mssql_server.private.id
          start_ip_address = "0.0.0.0"
          end_ip_address   = "255.255.255.255"
        }
        resource "azurerm_postgresql_flexible_server" "vnet" {
          delegated_subnet_id = azurerm_subnet.db.id
        }
        resource "azurerm_postgresql_flexible_server_firewall_rule" "all" {
          server_id        = azurerm_postgresql_flexible_server.vnet.id
          start_ip_address = "0.0.0.0"
          end_ip_address   = "255.255.255.255"
        }`,
    },
    {
      name: 'a range from variables stays silent',
      code: tf`
        resource "azurerm_postgresql_firewall_rule" "vars" {
          server_name      = "pg"
          start_ip_address = var.start
          end_ip_address   = var.end
        }`,
    },
  ],
  invalid: [
    {
      name: 'every address on a server whose public access is on',
      code: tf`
        resource "azurerm_mysql_flexible_server" "main" {
          public_network_access_enabled = true
        }
        resource "azurerm_mysql_flexible_server_firewall_rule" "all" {
          server_name      = azurerm_mysql_flexible_server.main.name
          start_ip_address = "0.0.0.0"
          end_ip_address   = "255.255.255.255"
        }`,
      findings: [{
        message: 'Database azurerm_mysql_flexible_server_firewall_rule.all (MySQL) is publicly accessible',
        line: 6, column: 23, endLine: 7, endColumn: 38,
      }],
    },
    {
      name: 'SQL Server open to every address',
      code: tf`
        resource "azurerm_sql_firewall_rule" "all" {
          server_name      = azurerm_sql_server.main.name
          start_ip_address = "0.0.0.0"
          end_ip_address   = "255.255.255.255"
        }`,
      findings: [{
        message: 'Database azurerm_sql_firewall_rule.all (SQL Server) is publicly accessible',
        line: 3, column: 23, endLine: 4, endColumn: 38,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "azurerm_sql_firewall_rule" "all" {
              server_name      = azurerm_sql_server.main.name
              start_ip_address = "10.0.0.0"
              end_ip_address   = "10.255.255.255"
            }`,
        }],
      }],
    },
    {
      name: 'Redis open to every address, restricted to a trusted /24',
      settings: { trustedCidrs: ['203.0.113.0/24'] },
      code: tf`
        resource "azurerm_redis_firewall_rule" "all" {
          redis_cache_name    = azurerm_redis_cache.main.name
          resource_group_name = azurerm_resource_group.main.name
          start_ip            = "0.0.0.0"
          end_ip              = "255.255.255.255"
        }`,
      findings: [{
        message: 'Database azurerm_redis_firewall_rule.all (Redis) is publicly accessible',
        line: 4, column: 26, endLine: 5, endColumn: 41,
        fixes: [{
          title: 'Restrict source to 203.0.113.0/24',
          preferred: true,
          output: tf`
            resource "azurerm_redis_firewall_rule" "all" {
              redis_cache_name    = azurerm_redis_cache.main.name
              resource_group_name = azurerm_resource_group.main.name
              start_ip            = "203.0.113.0"
              end_ip              = "203.0.113.255"
            }`,
        }],
      }],
    },
    {
      name: 'two trusted ranges cannot fit one firewall rule: no fix',
      settings: { trustedCidrs: ['203.0.113.0/24', '198.51.100.0/24'] },
      code: tf`
        resource "azurerm_mariadb_firewall_rule" "all" {
          server_name      = "maria"
          start_ip_address = "0.0.0.0"
          end_ip_address   = "255.255.255.255"
        }`,
      findings: [{
        message: 'Database azurerm_mariadb_firewall_rule.all (MariaDB) is publicly accessible',
        line: 3, column: 23, endLine: 4, endColumn: 38,
        fixes: [],
      }],
    },
  ],
});

testCheck(missingOwner, {
  valid: [
    {
      name: 'a firewall rule takes its owner from its server\'s tags',
      code: tf`
        resource "azurerm_mssql_server" "main" {
          tags = { owner = "data-team" }
        }
        resource "azurerm_mssql_firewall_rule" "office" {
          server_id        = azurerm_mssql_server.main.id
          start_ip_address = "203.0.113.1"
          end_ip_address   = "203.0.113.1"
        }`,
    },
    {
      name: 'a server in another file may well have an owner',
      code: tf`
        resource "azurerm_mssql_firewall_rule" "office" {
          server_id        = var.server_id
          start_ip_address = "203.0.113.1"
          end_ip_address   = "203.0.113.1"
        }`,
    },
  ],
  invalid: [
    {
      name: 'firewall rules of an untagged server: one finding for the server, on its first rule',
      code: tf`
        resource "azurerm_mssql_server" "main" {
          version = "12.0"
        }
        resource "azurerm_mssql_firewall_rule" "office" {
          server_id        = azurerm_mssql_server.main.id
          start_ip_address = "203.0.113.1"
          end_ip_address   = "203.0.113.1"
        }
        resource "azurerm_mssql_firewall_rule" "home" {
          server_id        = azurerm_mssql_server.main.id
          start_ip_address = "198.51.100.7"
          end_ip_address   = "198.51.100.7"
        }`,
      findings: [{
        message: 'azurerm_mssql_firewall_rule.office has no owner tag (owner, Owner) and no owner= in its descriptions',
        line: 4, column: 1, endLine: 4, endColumn: 48,
        fixes: [{
          title: 'Add owner tag',
          output: tf`
            resource "azurerm_mssql_server" "main" {
              version = "12.0"
              tags = {
                owner = "TODO"
              }
            }
            resource "azurerm_mssql_firewall_rule" "office" {
              server_id        = azurerm_mssql_server.main.id
              start_ip_address = "203.0.113.1"
              end_ip_address   = "203.0.113.1"
            }
            resource "azurerm_mssql_firewall_rule" "home" {
              server_id        = azurerm_mssql_server.main.id
              start_ip_address = "198.51.100.7"
              end_ip_address   = "198.51.100.7"
            }`,
        }],
      }],
    },
  ],
});
