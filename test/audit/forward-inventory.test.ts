import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildInventory, DEFAULT_SETTINGS, lintDocument, type Exposure } from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';
import { tf } from '../../server/src/testing/tags';
import { formatTable } from '../../server/src/cli/inventory/formats/table';
import { formatText } from '../../server/src/cli/inventory/formats/text';
import { toJsonExposure } from '../../server/src/cli/inventory/formats/json';
import { inventoryRows } from '../../server/src/cli/inventory/rows';

const TODAY = '2026-11-23';

function inventory(text: string, path = '/repo/infra/lb.tf'): Exposure[] {
  const result = lintDocument({ text, path, settings: DEFAULT_SETTINGS, today: TODAY });
  return buildInventory({ path, text, result, settings: DEFAULT_SETTINGS, today: TODAY });
}

const BALANCER = tf`
  resource "aws_lb" "edge" {
    name               = "edge"
    load_balancer_type = "network"
  }

  resource "aws_lb_target_group" "ssh" {
    port = 22
  }

  resource "aws_lb_listener" "ssh" {
    load_balancer_arn = aws_lb.edge.arn
    port              = 2222
    protocol          = "TCP"
    default_action {
      type             = "forward"
      target_group_arn = aws_lb_target_group.ssh.arn
    }
  }

  resource "tencentcloud_dnat" "rdp" {
    nat_id       = "nat-123"
    protocol     = "TCP"
    elastic_ip   = "203.0.113.10"
    elastic_port = "3389"
    private_ip   = "10.0.1.5"
    private_port = "3389"
  }`;

describe('the inventory of load-balancer listeners and NAT forwards', () => {
  before(ready);

  it('lists each forward as an internet exposure with the path its traffic takes', () => {
    const exposures = inventory(BALANCER.text);
    assert.deepEqual(exposures.map((exposure) => [exposure.resource, exposure.group, exposure.portsText, exposure.reach, exposure.forward]), [
      ['aws_lb_listener.ssh', 'aws_lb.edge', '2222', 'internet', 'internet-facing NLB edge forwards to target group aws_lb_target_group.ssh port 22'],
      ['tencentcloud_dnat.rdp', 'nat-123', '3389', 'internet', 'NAT gateway nat-123 (203.0.113.10) forwards to 10.0.1.5 port 3389'],
    ]);
    assert.deepEqual(exposures[0].findings.map((finding) => finding.checkId), ['missing-owner', 'admin-port-exposed']);
  });

  it('says the path in the text, table and JSON formats, and nothing for a plain security-group rule', () => {
    const exposures = inventory(BALANCER.text);
    const text = formatText({ exposures, table: inventoryRows(exposures, '/repo'), cwd: '/repo', version: '0', today: TODAY, color: false, link: () => '' });
    assert.match(text.split('\n')[0], /^infra\/lb\.tf:10: aws_lb_listener\.ssh ingress tcp 2222 from internet \(via internet-facing NLB edge forwards to target group aws_lb_target_group\.ssh port 22\) \[internet\]/);
    const table = formatTable({ exposures, table: inventoryRows(exposures, '/repo'), cwd: '/repo', version: '0', today: TODAY, color: false, link: () => '' });
    // The table cuts long cells; the path starts in the From/to column.
    assert.match(table, /^tencentcloud_dnat\.rdp .* 3389 +internet \(via NAT gateway nat-123 /m);
    assert.equal(toJsonExposure(exposures[1]).forward, 'NAT gateway nat-123 (203.0.113.10) forwards to 10.0.1.5 port 3389');
    const plain = inventory(tf`
      resource "aws_security_group" "web" {
        ingress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }`.text);
    assert.equal(plain[0].forward, undefined);
    assert.equal(toJsonExposure(plain[0]).forward, null);
  });
});
