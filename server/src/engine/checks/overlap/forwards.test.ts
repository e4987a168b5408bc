import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Forward, NetworkRule, Peer, SiblingRules } from '../../model/network-rule';
import { parseCidr } from '../../model/cidr';
import type { PortRange } from '../../model/ports';
import { known } from '../../model/value';
import { DEFAULT_SETTINGS } from '../../settings';
import { formatMessage, type Report } from '../define-check';
import { check } from '../overlapping-rules';

/*
 * overlapping-rules on forwards (load-balancer listeners, NAT port forwards), against the model:
 * plain NetworkRule objects, so these cases hold whichever adapter writes the forwards.
 */

const TEXT = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');

/** Offset of the start of a 1-based line of TEXT. */
function at(line: number): number {
  return TEXT.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
}

const never = () => undefined;
const internet: Peer = { kind: 'cidr', text: '0.0.0.0/0', cidr: parseCidr('0.0.0.0/0')!, span: { start: 0, end: 1 } };

function rule(line: number, fields: Omit<Partial<NetworkRule>, 'ports'> & { ports: readonly PortRange[] }): NetworkRule {
  const span = { start: at(line), end: at(line) + 6 };
  const { ports, ...rest } = fields;
  return {
    format: 'terraform',
    resource: { type: 'aws_lb_listener', name: `l${line}`, address: `aws_lb_listener.l${line}`, provider: 'aws', headerSpan: span, span },
    groupKey: `aws_lb_listener.l${line}`,
    direction: 'ingress',
    action: 'allow',
    protocol: known('tcp', span),
    peers: known([internet], span),
    span,
    edit: { setPorts: never, replaceInternetPeers: never, addOwner: never },
    ...rest,
    ports: known(ports, span),
  };
}

function forward(line: number, publicPorts: readonly PortRange[], fields: Partial<Forward> = {}): NetworkRule {
  const span = { start: at(line), end: at(line) + 6 };
  return rule(line, {
    ports: publicPorts,
    forward: { via: 'internet-facing ALB aws_lb.web', deviceKey: 'aws_lb.web', backendPorts: known([[8080, 8080]], span), backend: 'target group aws_lb_target_group.app', exposureSpan: span, ...fields },
  });
}

function groupRule(line: number, group: string, ports: readonly PortRange[], fields: Omit<Partial<NetworkRule>, 'ports'> = {}): NetworkRule {
  return rule(line, { ports, groupKey: group, resource: { type: 'aws_security_group', name: group, address: group, provider: 'aws', headerSpan: { start: at(line), end: at(line) + 6 }, span: { start: at(line), end: at(line) + 6 } }, ...fields });
}

function run(rules: readonly NetworkRule[], siblingRules: readonly SiblingRules[] = []): string[] {
  const out: string[] = [];
  check.runDocument!(rules, {
    settings: DEFAULT_SETTINGS,
    today: '2026-11-23',
    path: '/m/main.tf',
    text: TEXT,
    siblingRules,
    report(report: Report<string>) {
      const line = TEXT.slice(0, report.span.start).split('\n').length;
      out.push(`${line} ${formatMessage(check.messages[report.message as keyof typeof check.messages], report.data)}`);
    },
  });
  return out;
}

describe('overlapping-rules: forwards', () => {
  it('two forwards on one device publishing the same public port: the later one is reported', () => {
    const first = forward(3, [[443, 443]]);
    const second = forward(9, [[443, 443]], { backend: 'target group aws_lb_target_group.admin' });
    assert.deepEqual(run([second, first]), [
      '9 two forwards publish the same public port: tcp 443 from 0.0.0.0/0 on internet-facing ALB aws_lb.web is also forwarded by aws_lb_listener.l3 (line 3) to target group aws_lb_target_group.app port 8080',
    ]);
  });

  it('overlapping public ranges count, on the same device only', () => {
    assert.deepEqual(run([forward(3, [[8000, 8100]]), forward(9, [[8080, 8080]])]).length, 1);
    assert.deepEqual(run([forward(3, [[443, 443]]), forward(9, [[443, 443]], { deviceKey: 'aws_lb.other' })]), []);
    assert.deepEqual(run([forward(3, [[80, 80]]), forward(9, [[443, 443]])]), []);
  });

  it('tcp and udp on the same public port are two forwards', () => {
    const udp = rule(9, { ports: [[53, 53]], protocol: known('udp', { start: at(9), end: at(9) + 1 }), forward: forward(9, [[53, 53]]).forward });
    assert.deepEqual(run([forward(3, [[53, 53]]), udp]), []);
  });

  it('a forward to a backend port no ingress rule of the backend group allows', () => {
    const listener = forward(3, [[443, 443]], { backendGroupKeys: ['aws_security_group.app'] });
    const ssh = groupRule(12, 'aws_security_group.app', [[22, 22]]);
    assert.deepEqual(run([listener, ssh]), [
      '3 internet-facing ALB aws_lb.web forwards 443 to target group aws_lb_target_group.app port 8080, which no ingress rule of aws_security_group.app allows',
    ]);
  });

  it('the backend group read from another file of the module', () => {
    const listener = forward(3, [[443, 443]], { backendGroupKeys: ['aws_security_group.app'] });
    const allowed = groupRule(2, 'aws_security_group.app', [[8000, 8100]]);
    assert.deepEqual(run([listener], [{ path: '/m/groups.tf', text: TEXT, rules: [allowed] }]), []);
    const other = groupRule(2, 'aws_security_group.app', [[22, 22]]);
    assert.equal(run([listener], [{ path: '/m/groups.tf', text: TEXT, rules: [other] }]).length, 1);
  });

  it('silent when the backend group is not seen, or one of its rules is not known', () => {
    const listener = forward(3, [[443, 443]], { backendGroupKeys: ['aws_security_group.app'] });
    assert.deepEqual(run([listener]), []);
    const unknownPorts = { ...groupRule(12, 'aws_security_group.app', [[22, 22]]), ports: { known: false as const, span: { start: 0, end: 1 }, why: 'var.port' } };
    assert.deepEqual(run([listener, groupRule(14, 'aws_security_group.app', [[22, 22]]), unknownPorts]), []);
    assert.deepEqual(run([forward(3, [[443, 443]], { backendGroupKeys: ['aws_security_group.app'], backendPorts: { known: false, span: { start: 0, end: 1 }, why: 'not written' } }), groupRule(12, 'aws_security_group.app', [[22, 22]])]), []);
  });

  it('forwards are never compared with firewall rules for redundancy', () => {
    // A group rule that allows everything the listener publishes does not make the listener redundant, nor the reverse.
    const wide = groupRule(12, 'aws_lb_listener.l3', [[0, 65535]]);
    assert.deepEqual(run([forward(3, [[443, 443]]), wide]), []);
  });
});
