import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  buildInventory,
  DEFAULT_SETTINGS,
  diffInventories,
  fixDocument,
  lintDocument,
  summarizeResources,
  topInternetPorts,
  type Exposure,
  type Settings,
} from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';
import { tf } from '../../server/src/testing/tags';

const TODAY = '2026-11-23';
const TRUSTING: Settings = { ...DEFAULT_SETTINGS, trustedCidrs: ['203.0.113.0/24'] };

function inventory(text: string, path = '/repo/infra/main.tf', settings: Settings = TRUSTING): Exposure[] {
  const result = lintDocument({ text, path, settings, today: TODAY });
  return buildInventory({ path, text, result, settings, today: TODAY });
}

const GROUP = tf`
  resource "aws_security_group" "web" {
    name = "web"

    ingress {
      description = "debugging, expires=2026-01-31"
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0", "203.0.113.0/24", "10.0.0.0/8"]
    }

    ingress {
      from_port       = 443
      to_port         = 443
      protocol        = "tcp"
      cidr_blocks     = ["198.51.100.0/24"]
      security_groups = [aws_security_group.lb.id]
    }

    ingress {
      from_port   = var.port
      to_port     = var.port
      protocol    = "tcp"
      cidr_blocks = var.office
    }

    egress {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }

  resource "aws_network_acl" "edge" {
    vpc_id = aws_vpc.main.id
    tags = {
      owner = "network-team"
    }

    ingress {
      rule_no    = 100
      action     = "deny"
      protocol   = "tcp"
      from_port  = 23
      to_port    = 23
      cidr_block = "0.0.0.0/0"
    }
  }
`;

describe('buildInventory', () => {
  before(ready);

  it('lists every allow rule with its place, ports, peers and the widest reach; deny rules open nothing', () => {
    const exposures = inventory(GROUP.text);
    assert.deepEqual(exposures.map((exposure) => [exposure.resource, exposure.line, exposure.direction, exposure.protocol, exposure.portsText, exposure.peers.map((peer) => `${peer.text}=${peer.reach}`).join(' '), exposure.reach]), [
      ['aws_security_group.web', 4, 'ingress', 'tcp', '22', '0.0.0.0/0=internet 203.0.113.0/24=trusted 10.0.0.0/8=private', 'internet'],
      ['aws_security_group.web', 12, 'ingress', 'tcp', '443', '198.51.100.0/24=external aws_security_group.lb.id=group', 'external'],
      ['aws_security_group.web', 20, 'ingress', 'tcp', 'from_port = var.port to_port = var.port', 'var.office=unknown', 'unknown'],
      ['aws_security_group.web', 27, 'egress', 'all', '0-65535', '10.0.0.0/8=private', 'private'],
    ]);
    assert.equal(exposures[2].ports, undefined, 'unresolved ports stay unresolved');
    assert.deepEqual(exposures[0].ports, [[22, 22]]);
    assert.deepEqual([exposures[0].provider, exposures[0].format, exposures[0].resourceType, exposures[0].column], ['aws', 'terraform', 'aws_security_group', 3]);
  });

  it('knows owners, expiry dates and the findings on each rule, including those about its whole group', () => {
    const [ssh, https] = inventory(GROUP.text);
    assert.deepEqual([ssh.ownerState, ssh.owner, ssh.expires, ssh.isExpired], ['missing', undefined, '2026-01-31', true]);
    assert.deepEqual([https.expires, https.isExpired], [undefined, false]);
    assert.deepEqual(ssh.findings.map((finding) => [finding.checkId, finding.line]), [['missing-owner', 1], ['expired-rule', 5], ['admin-port-exposed', 6]]);
    // The group has no owner: that finding is on every rule of it; the expiry is this rule's own.
    assert.deepEqual(https.findings.map((finding) => finding.checkId), ['missing-owner']);
  });

  it('reads an owner from the tags and says when it comes from an expression', () => {
    const exposures = inventory(tf`
      resource "aws_security_group" "named" {
        ingress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        tags = { owner = "web-team" }
      }
      resource "aws_security_group" "computed" {
        ingress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        tags = var.tags
      }
    `.text);
    assert.deepEqual(exposures.map((exposure) => [exposure.owner, exposure.ownerState, exposure.findings.length]), [['web-team', 'named', 0], [undefined, 'unresolved', 0]]);
  });

  it('lists nothing for a document no format reads', () => {
    assert.deepEqual(inventory('just text\n', '/repo/README.md'), []);
  });

  it('counts the ports most often open to the internet and summarises each resource', () => {
    const exposures = inventory(tf`
      resource "aws_security_group" "a" {
        ingress {
          from_port   = 22
          to_port     = 22
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        ingress {
          from_port   = 53
          to_port     = 53
          protocol    = "udp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }
      resource "aws_security_group" "b" {
        ingress {
          from_port   = 22
          to_port     = 22
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        ingress {
          from_port   = 5432
          to_port     = 5432
          protocol    = "tcp"
          cidr_blocks = ["10.0.0.0/8"]
        }
      }
    `.text);
    assert.deepEqual(topInternetPorts(exposures, 10), [{ label: '22', count: 2 }, { label: 'udp 53', count: 1 }]);
    assert.deepEqual(topInternetPorts(exposures, 1), [{ label: '22', count: 2 }]);
    assert.deepEqual(summarizeResources(exposures).map((summary) => [summary.resource, summary.rules, summary.internetPorts, summary.findings]), [
      ['aws_security_group.a', 2, ['22', 'udp 53'], 2],
      ['aws_security_group.b', 2, ['22'], 2],
    ]);
  });
});

describe('diffInventories', () => {
  before(ready);

  const db = (port: string, cidr: string) => tf`
    resource "aws_security_group" "db" {
      ingress {
        from_port   = ${port}
        to_port     = ${port}
        protocol    = "tcp"
        cidr_blocks = ["${cidr}"]
      }
      tags = { owner = "data-team" }
    }
  `.text;
  const compare = (before: string, after: string, beforePath = '/repo/infra/main.tf', afterPath = beforePath) =>
    diffInventories(inventory(before, beforePath), inventory(after, afterPath), () => DEFAULT_SETTINGS);
  const summaries = (changes: ReturnType<typeof compare>) => changes.map((change) => `${change.kind}: ${change.summary}`);

  it('says what a new rule opens, naming well-known ports', () => {
    const changes = compare('', db('3306', '0.0.0.0/0'));
    assert.deepEqual(summaries(changes), ['opened: opens 3306 (MySQL) to 0.0.0.0/0']);
    assert.deepEqual([changes[0].reach, changes[0].exposure.line, changes[0].exposure.findings.map((finding) => finding.checkId)], ['internet', 2, ['public-database']]);
  });

  it('reports a source that widens as widened, from what it was', () => {
    const changes = compare(db('3306', '10.0.0.0/8'), db('3306', '0.0.0.0/0'));
    assert.deepEqual(summaries(changes), ['widened: opens 3306 (MySQL) to 0.0.0.0/0 (was 10.0.0.0/8)']);
    assert.equal(changes[0].previousPeer?.text, '10.0.0.0/8');
  });

  it('reports more ports for the same source as widened, and fewer as closed', () => {
    assert.deepEqual(summaries(compare(db('443', '0.0.0.0/0'), db('443-444', '0.0.0.0/0').replace('from_port   = 443-444', 'from_port   = 443').replace('to_port     = 443-444', 'to_port     = 444'))), [
      'widened: opens 444 to 0.0.0.0/0 (besides 443)',
    ]);
    const narrowed = db('443', '0.0.0.0/0').replace('from_port   = 443', 'from_port   = 80');
    assert.deepEqual(summaries(compare(narrowed, db('443', '0.0.0.0/0'))), ['closes 80-442 to 0.0.0.0/0'].map((text) => `closed: ${text}`));
  });

  it('reports a removed rule as closed, and a narrower source as closed to the wider one', () => {
    assert.deepEqual(summaries(compare(db('22', '0.0.0.0/0'), '')), ['closed: closes 22 (SSH) to 0.0.0.0/0']);
    assert.deepEqual(summaries(compare(db('22', '0.0.0.0/0'), db('22', '10.0.0.0/8'))), ['opened: opens 22 (SSH) to 10.0.0.0/8', 'closed: closes 22 (SSH) to 0.0.0.0/0']);
  });

  it('sees nothing when a resource only moves to another file of the same module, or nothing changes', () => {
    assert.deepEqual(compare(db('22', '0.0.0.0/0'), db('22', '0.0.0.0/0')), []);
    assert.deepEqual(compare(db('22', '0.0.0.0/0'), db('22', '0.0.0.0/0'), '/repo/infra/main.tf', '/repo/infra/db.tf'), []);
    assert.deepEqual(summaries(compare(db('22', '0.0.0.0/0'), db('22', '0.0.0.0/0'), '/repo/infra/main.tf', '/repo/other/main.tf')), [
      'opened: opens 22 (SSH) to 0.0.0.0/0',
      'closed: closes 22 (SSH) to 0.0.0.0/0',
    ]);
  });

  it('words egress as traffic allowed out', () => {
    const egress = tf`
      resource "aws_security_group" "out" {
        egress {
          from_port   = 25
          to_port     = 25
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }
    `.text;
    assert.deepEqual(summaries(compare('', egress)), ['opened: allows 25 out to 0.0.0.0/0']);
  });
});

describe('fixDocument (the engine side of --fix and Fix all)', () => {
  before(ready);

  it('applies the preferred fixes, says which, and returns the lint of the fixed text', () => {
    const text = tf`
      resource "aws_security_group" "db" {
        ingress {
          from_port   = 3306
          to_port     = 3306
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        tags = { owner = "data-team" }
      }
    `.text;
    const outcome = fixDocument({ text, path: 'main.tf', settings: DEFAULT_SETTINGS, today: TODAY });
    assert.equal(outcome.passes, 1);
    assert.match(outcome.text, /cidr_blocks = \["10\.0\.0\.0\/8"\]/);
    assert.deepEqual(outcome.applied.map((fix) => [fix.pass, fix.checkId, fix.title, fix.resource, fix.position.line]), [[1, 'public-database', 'Restrict source to 10.0.0.0/8', 'aws_security_group.db', 2]]);
    assert.deepEqual(outcome.result.findings, []);
  });

  it('changes nothing where nothing is preferred', () => {
    const text = 'resource "aws_security_group" "empty" {\n}\n';
    const outcome = fixDocument({ text, path: 'main.tf', settings: DEFAULT_SETTINGS, today: TODAY });
    assert.deepEqual([outcome.passes, outcome.text, outcome.applied], [0, text, []]);
  });
});
