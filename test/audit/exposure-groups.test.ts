import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRule, groupExposures } from '../../client/src/exposure-groups';
import type { ExposureItem } from '../../server/src/shared/protocol';

/* How the Exposed Ports view groups what the server sends (the part of the view that is not VS Code). */

function item(uri: string, line: number, fields: Partial<ExposureItem>): ExposureItem {
  return {
    uri,
    range: { start: { line, character: 2 }, end: { line: line + 5, character: 3 } },
    resource: 'aws_security_group.web',
    provider: 'aws',
    direction: 'ingress',
    protocol: 'tcp',
    ports: '443',
    portLabels: ['443'],
    peers: ['0.0.0.0/0'],
    reach: 'internet',
    ownerState: 'named',
    owner: 'web-team',
    isExpired: false,
    findings: [],
    ...fields,
  };
}

const A = 'file:///repo/a.tf';
const B = 'file:///repo/b.tf';
const ITEMS: ExposureItem[] = [
  item(A, 10, { ports: '22, 443', portLabels: ['22', '443'], reach: 'private', peers: ['10.0.0.0/8'] }),
  item(A, 3, {}),
  item(B, 7, { ports: '3306', portLabels: ['3306'], ownerState: 'missing', owner: undefined }),
  item(B, 1, { ports: 'var.port', portLabels: ['var.port'], ownerState: 'unresolved', owner: undefined, reach: 'unknown', peers: ['var.cidrs'] }),
  item(B, 20, { direction: 'egress', protocol: 'icmp', ports: '', portLabels: ['icmp'], peers: ['0.0.0.0/0'] }),
];

const fileLabel = (uri: string) => uri.replace('file:///repo/', '');
const shape = (grouping: 'port' | 'owner' | 'file') =>
  groupExposures(ITEMS, grouping, fileLabel).map((group) => [group.label, group.internet, group.exposures.map((exposure) => `${fileLabel(exposure.uri)}:${exposure.range.start.line}`)]);

describe('groupExposures', () => {
  it('by port: a rule is under each of its ports; groups open to the internet first, then the bigger, widest reach first inside', () => {
    assert.deepEqual(shape('port'), [
      ['443', 1, ['a.tf:3', 'a.tf:10']],
      ['3306', 1, ['b.tf:7']],
      ['22', 0, ['a.tf:10']],
      ['icmp', 0, ['b.tf:20']],
      ['var.port', 0, ['b.tf:1']],
    ]);
  });

  it('by owner, naming rules without one and owners from an expression', () => {
    assert.deepEqual(shape('owner'), [
      ['web-team', 1, ['a.tf:3', 'b.tf:20', 'a.tf:10']],
      ['(no owner)', 1, ['b.tf:7']],
      ['(owner from an expression)', 0, ['b.tf:1']],
    ]);
  });

  it('by file, with the labels the view gives', () => {
    assert.deepEqual(shape('file'), [
      ['b.tf', 1, ['b.tf:7', 'b.tf:20', 'b.tf:1']],
      ['a.tf', 1, ['a.tf:3', 'a.tf:10']],
    ]);
  });

  it('describes a rule in a line', () => {
    assert.equal(describeRule(ITEMS[0]), 'tcp 22, 443 ← 10.0.0.0/8');
    assert.equal(describeRule(ITEMS[4]), 'icmp → 0.0.0.0/0');
  });
});
