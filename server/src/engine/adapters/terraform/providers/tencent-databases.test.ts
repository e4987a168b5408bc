import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { check as publicDatabase } from '../../../checks/public-database';
import { DEFAULT_SETTINGS } from '../../../settings';
import { testCheck } from '../../../../testing/check-tester';
import { ready } from '../../../../testing/engine';
import { tf } from '../../../../testing/tags';
import { adapter } from '../index';

describe('tencent databases: the public endpoint', () => {
  before(ready);

  it('has no known port: Tencent Cloud assigns it', () => {
    const [rule] = adapter.parse(tf`
      resource "tencentcloud_mysql_instance" "db" {
        internet_service = 1
        intranet_port    = 3306
      }`.text, DEFAULT_SETTINGS).rules;
    assert.equal(rule.ports.known, false);
    assert.equal(rule.service?.engine, 'MySQL');
  });
});

testCheck(publicDatabase, {
  valid: [
    {
      name: 'MySQL with internet_service = 0, or not set',
      code: tf`
        resource "tencentcloud_mysql_instance" "a" {
          internet_service = 0
        }
        resource "tencentcloud_mysql_instance" "b" {
          intranet_port = 3306
        }`,
    },
    {
      name: 'a switch from a variable stays silent',
      code: tf`
        resource "tencentcloud_mysql_instance" "a" {
          internet_service = var.public
        }
        resource "tencentcloud_postgresql_instance" "b" {
          public_access_switch = var.public
        }`,
    },
    {
      name: 'PostgreSQL with its public switch off',
      code: tf`
        resource "tencentcloud_postgresql_instance" "pg" {
          public_access_switch = false
        }`,
    },
  ],
  invalid: [
    {
      name: 'MySQL with its internet service on',
      code: tf`
        resource "tencentcloud_mysql_instance" "db" {
          internet_service = 1
          engine_version   = "5.7"
        }`,
      findings: [{
        message: 'Database tencentcloud_mysql_instance.db (MySQL) is publicly accessible',
        line: 2, column: 22, endLine: 2, endColumn: 23,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: tf`
            resource "tencentcloud_mysql_instance" "db" {
              internet_service = 0
              engine_version   = "5.7"
            }`,
        }],
      }],
    },
    {
      name: 'a switch from a variable default: reported, and the fix withheld (it would cut the variable off)',
      code: tf`
        variable "public" {
          default = 1
        }
        resource "tencentcloud_mysql_instance" "db" {
          internet_service = var.public
        }`,
      findings: [{
        message: 'Database tencentcloud_mysql_instance.db (MySQL) is publicly accessible',
        line: 5, column: 22, endLine: 5, endColumn: 32,
        fixes: [],
      }],
    },
    {
      name: 'PostgreSQL with its public switch on',
      code: tf`
        resource "tencentcloud_postgresql_instance" "pg" {
          public_access_switch = true
        }`,
      findings: [{
        message: 'Database tencentcloud_postgresql_instance.pg (PostgreSQL) is publicly accessible',
        line: 2, column: 26, endLine: 2, endColumn: 30,
        fixes: [{
          title: 'Turn off public access',
          preferred: true,
          output: tf`
            resource "tencentcloud_postgresql_instance" "pg" {
              public_access_switch = false
            }`,
        }],
      }],
    },
  ],
});
