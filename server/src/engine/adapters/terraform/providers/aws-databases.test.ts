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

describe('aws databases: what the rules hold', () => {
  before(ready);

  it('an ActiveMQ broker serves its console and every wire protocol', () => {
    const [rule] = rulesOf(tf`
      resource "aws_mq_broker" "events" {
        engine_type         = "ActiveMQ"
        publicly_accessible = true
      }`);
    assert.equal(rule.service?.engine, 'ActiveMQ');
    assert.deepEqual(rule.ports.known && rule.ports.value, [[5671, 5671], [8162, 8162], [8883, 8883], [61614, 61614], [61617, 61617], [61619, 61619]]);
  });

  it('a public MSK cluster serves Kafka on the public listener ports', () => {
    const [rule] = rulesOf(tf`
      resource "aws_msk_cluster" "events" {
        broker_node_group_info {
          connectivity_info {
            public_access {
              type = "SERVICE_PROVIDED_EIPS"
            }
          }
        }
      }`);
    assert.equal(rule.service?.engine, 'Kafka');
    assert.deepEqual(rule.ports.known && rule.ports.value, [[9194, 9196]]);
  });

  it('a Neptune instance serves on its cluster port, 8182 by default', () => {
    const rules = rulesOf(tf`
      resource "aws_neptune_cluster" "graph" {
        port = 8200
      }
      resource "aws_neptune_cluster_instance" "a" {
        cluster_identifier  = aws_neptune_cluster.graph.id
        publicly_accessible = true
      }
      resource "aws_neptune_cluster_instance" "b" {
        cluster_identifier  = var.cluster
        publicly_accessible = true
      }`);
    assert.deepEqual(rules.map((rule) => rule.ports.known && rule.ports.value), [[[8200, 8200]], [[8182, 8182]]]);
    assert.deepEqual(rules.map((rule) => rule.service?.engine), ['Neptune', 'Neptune']);
  });

  it('a DB security group entry from another group is a reference, and its port is the instances\'', () => {
    const [rule] = rulesOf(tf`
      resource "aws_db_security_group" "legacy" {
        ingress {
          security_group_name = "web"
        }
      }`);
    assert.deepEqual(rule.peers.known && rule.peers.value.map((peer) => peer.kind), ['reference']);
    assert.equal(rule.ports.known, false);
  });
});

testCheck(publicDatabase, {
  valid: [
    {
      name: 'an MQ broker without publicly_accessible is private',
      code: tf`
        resource "aws_mq_broker" "events" {
          engine_type = "RabbitMQ"
        }`,
    },
    {
      name: 'an MQ broker whose switch is a variable stays silent',
      code: tf`
        resource "aws_mq_broker" "events" {
          engine_type         = "RabbitMQ"
          publicly_accessible = var.public
        }`,
    },
    {
      name: 'an MSK cluster with public access DISABLED, or not configured',
      code: tf`
        resource "aws_msk_cluster" "a" {
          broker_node_group_info {
            connectivity_info {
              public_access {
                type = "DISABLED"
              }
            }
          }
        }
        resource "aws_msk_cluster" "b" {
          broker_node_group_info {
            instance_type = "kafka.m5.large"
          }
        }`,
    },
    {
      name: 'a private Neptune instance',
      code: tf`
        resource "aws_neptune_cluster_instance" "graph" {
          publicly_accessible = false
        }`,
    },
    {
      name: 'a DB security group open to a private range',
      code: tf`
        resource "aws_db_security_group" "legacy" {
          ingress {
            cidr = "10.0.0.0/8"
          }
        }`,
    },
  ],
  invalid: [
    {
      name: 'a public RabbitMQ broker',
      code: tf`
        resource "aws_mq_broker" "events" {
          engine_type         = "RabbitMQ"
          publicly_accessible = true
        }`,
      findings: [{
        message: 'Database aws_mq_broker.events (RabbitMQ) is publicly accessible',
        line: 3, column: 25, endLine: 3, endColumn: 29,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: tf`
            resource "aws_mq_broker" "events" {
              engine_type         = "RabbitMQ"
              publicly_accessible = false
            }`,
        }],
      }],
    },
    {
      name: 'a public MSK cluster',
      code: tf`
        resource "aws_msk_cluster" "events" {
          broker_node_group_info {
            connectivity_info {
              public_access {
                type = "SERVICE_PROVIDED_EIPS"
              }
            }
          }
        }`,
      findings: [{
        message: 'Database aws_msk_cluster.events (Kafka) is publicly accessible',
        line: 5, column: 17, endLine: 5, endColumn: 38,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: tf`
            resource "aws_msk_cluster" "events" {
              broker_node_group_info {
                connectivity_info {
                  public_access {
                    type = "DISABLED"
                  }
                }
              }
            }`,
        }],
      }],
    },
    {
      name: 'a public Neptune instance',
      code: tf`
        resource "aws_neptune_cluster_instance" "graph" {
          engine              = "neptune"
          publicly_accessible = true
        }`,
      findings: [{
        message: 'Database aws_neptune_cluster_instance.graph (Neptune) is publicly accessible',
        line: 3, column: 25, endLine: 3, endColumn: 29,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: tf`
            resource "aws_neptune_cluster_instance" "graph" {
              engine              = "neptune"
              publicly_accessible = false
            }`,
        }],
      }],
    },
    {
      name: 'a DB security group whose second entry lets the internet in',
      code: tf`
        resource "aws_db_security_group" "legacy" {
          ingress {
            cidr = "10.0.0.0/8"
          }
          ingress {
            cidr = "0.0.0.0/0"
          }
        }`,
      findings: [{
        message: 'Database aws_db_security_group.legacy is publicly accessible',
        line: 6, column: 13, endLine: 6, endColumn: 22,
        fixes: [{
          title: 'Restrict source to 10.0.0.0/8',
          preferred: true,
          output: tf`
            resource "aws_db_security_group" "legacy" {
              ingress {
                cidr = "10.0.0.0/8"
              }
              ingress {
                cidr = "10.0.0.0/8"
              }
            }`,
        }],
      }],
    },
  ],
});
