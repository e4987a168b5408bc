import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { adapters } from '../engine/adapters/index';
import type { NetworkRule, Peer } from '../engine/model/network-rule';
import { showRanges } from '../engine/model/ports';
import { LineMap, type Span } from '../engine/model/span';
import type { Value } from '../engine/model/value';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { ready } from './engine';

function showSpan(lines: LineMap, span: Span): string {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

function showValue<T>(value: Value<T> | undefined, show: (value: T) => string): string {
  if (!value) return '-';
  return value.known ? show(value.value) : `?(${value.why})`;
}

function showPeer(peer: Peer): string {
  switch (peer.kind) {
    case 'cidr': return peer.text;
    case 'anywhere': return `anywhere(${peer.text})`;
    case 'reference': return `ref(${peer.text})`;
    case 'self': return 'self';
    case 'unknown': return `?(${peer.why})`;
  }
}

/** One line per rule, e.g. `aws_security_group.web ingress allow tcp 0-65535 from 0.0.0.0/0 owner=- @3:3-9:4`. */
export function renderRules(text: string, rules: readonly NetworkRule[]): string {
  const lines = new LineMap(text);
  return rules.map((rule) => [
    `${rule.resource.address} [${rule.groupKey}]`,
    rule.direction,
    rule.action,
    showValue(rule.protocol, (p) => p),
    showValue(rule.ports, (ranges) => (ranges.length === 0 ? 'no-ports' : showRanges(ranges))),
    rule.direction === 'ingress' ? 'from' : 'to',
    showValue(rule.peers, (peers) => (peers.length === 0 ? 'nobody' : peers.map(showPeer).join(','))),
    `owner=${showValue(rule.owner, (o) => o)}`,
    `expires=${showValue(rule.expires, (e) => e)}`,
    ...(rule.priority ? [`priority=${showValue(rule.priority, String)}`] : []),
    ...(rule.service ? [`service=${rule.service.kind}${rule.service.kind === 'database' ? `:${rule.service.engine ?? '?'}` : ''}`] : []),
    `@${showSpan(lines, rule.span)} ports@${showSpan(lines, rule.ports.span)} peers@${showSpan(lines, rule.peers.span)}`,
  ].join(' ')).join('\n') + '\n';
}

/**
 * Snapshot tests for every fixture in `dir`: the rules of `x.tf` are rendered into `x.tf.snap`
 * beside it. `UPDATE_SNAPSHOTS=1` rewrites the snapshots; reviewers read the diff.
 */
export function testAdapterSnapshots(title: string, dir: string): void {
  describe(title, () => {
    before(ready);
    for (const file of readdirSync(dir).filter((name) => !name.endsWith('.snap')).sort()) {
      it(file, () => {
        const path = join(dir, file);
        const text = readFileSync(path, 'utf8');
        const adapter = adapters.find((candidate) => candidate.detect(path, text));
        assert.ok(adapter, `no adapter detects ${basename(path)}`);
        const result = adapter.parse(text, DEFAULT_SETTINGS);
        const rendered = renderRules(text, result.rules);
        const snapPath = `${path}.snap`;
        if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(snapPath)) {
          if (process.env.CI === 'true' && !existsSync(snapPath)) assert.fail(`missing snapshot ${snapPath}`);
          writeFileSync(snapPath, rendered);
          return;
        }
        assert.equal(rendered, readFileSync(snapPath, 'utf8'), `snapshot ${basename(snapPath)} differs; rerun with UPDATE_SNAPSHOTS=1 and review the diff`);
      });
    }
  });
}
