import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../../../apply-edits';
import type { NetworkRule, TextEdit } from '../../../model/network-rule';
import { DEFAULT_SETTINGS } from '../../../settings';
import { ready } from '../../../../testing/engine';
import { tf, type TaggedCode } from '../../../../testing/tags';
import { adapter } from '../index';

function rulesOf(code: TaggedCode): readonly NetworkRule[] {
  return adapter.parse(code.text, DEFAULT_SETTINGS).rules;
}

function applied(code: TaggedCode, edits: readonly TextEdit[] | undefined): string {
  assert.ok(edits, 'the editor offered no edit');
  return applyEdits(code.text, edits);
}

describe('gcp cloud sql rule editors', () => {
  before(ready);

  const code = tf`
    resource "google_sql_database_instance" "main" {
      database_version = "MYSQL_8_0"

      settings {
        tier = "db-f1-micro"

        ip_configuration {
          authorized_networks {
            name  = "office"
            value = "203.0.113.0/24"
          }
          authorized_networks {
            name  = "everyone"
            value = "0.0.0.0/0"
          }
        }
      }
    }`;

  it('reads only the internet-wide network as a rule', () => {
    const rules = rulesOf(code);
    assert.equal(rules.length, 1);
    assert.equal(rules[0].service?.engine, 'MySQL');
    assert.deepEqual(rules[0].ports.known && rules[0].ports.value, [[3306, 3306]]);
  });

  it('rewrites the value of that network', () => {
    assert.equal(applied(code, rulesOf(code)[0].edit.replaceInternetPeers(['10.0.0.0/8'])), code.text.replace('"0.0.0.0/0"', '"10.0.0.0/8"'));
  });

  it('ignores IPv6 CIDRs, which Cloud SQL does not authorize', () => {
    assert.equal(applied(code, rulesOf(code)[0].edit.replaceInternetPeers(['fd00::/8', '10.0.0.0/8'])), code.text.replace('"0.0.0.0/0"', '"10.0.0.0/8"'));
    assert.equal(rulesOf(code)[0].edit.replaceInternetPeers(['fd00::/8']), undefined);
  });

  it('gives up on several CIDRs: one network holds one', () => {
    assert.equal(rulesOf(code)[0].edit.replaceInternetPeers(['10.0.0.0/8', '192.168.0.0/16']), undefined);
  });

  it('never moves the database port', () => {
    assert.equal(rulesOf(code)[0].edit.setPorts([[443, 443]]), undefined);
  });

  it('adds an owner to the user labels, creating them in settings', () => {
    assert.equal(
      applied(code, rulesOf(code)[0].edit.addOwner('owner', 'payments')),
      code.text.replace('      }\n    }\n  }\n}\n', '      }\n    }\n    user_labels = {\n      owner = "payments"\n    }\n  }\n}\n'),
    );
    const labelled = tf`
      resource "google_sql_database_instance" "main" {
        database_version = "POSTGRES_15"
        settings {
          user_labels = { team = "payments" }
          ip_configuration {
            authorized_networks {
              value = "0.0.0.0/0"
            }
          }
        }
      }`;
    assert.equal(applied(labelled, rulesOf(labelled)[0].edit.addOwner('owner', 'payments')), labelled.text.replace('{ team = "payments" }', '{ team = "payments", owner = "payments" }'));
  });

  it('leaves labels from an expression alone', () => {
    const fromVariable = tf`
      resource "google_sql_database_instance" "main" {
        database_version = "POSTGRES_15"
        settings {
          user_labels = var.labels
          ip_configuration {
            authorized_networks {
              value = "0.0.0.0/0"
            }
          }
        }
      }`;
    assert.equal(rulesOf(fromVariable)[0].edit.addOwner('owner', 'payments'), undefined);
  });
});
