import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findAdapter, lintDocument } from '../../server/src/engine/index';
import { testAdapterSnapshots } from '../../server/src/testing/snapshot';

// Fixtures live in the source tree (test/adapters/kubernetes/), not in out/.
testAdapterSnapshots('kubernetes adapter', join(__dirname, '..', '..', '..', 'test', 'adapters', 'kubernetes'));

describe('kubernetes adapter: Helm templates', () => {
  const chart = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: {{ include "app.fullname" . }}',
    'spec:',
    '  type: {{ .Values.service.type }}',
    '  ports:',
    '    - port: {{ .Values.service.port }}',
    '',
  ].join('\n');

  it('are not claimed by any adapter, so the CLI and the editor skip them quietly', () => {
    assert.equal(findAdapter('templates/service.yaml', chart), undefined);
  });

  it('never crash the adapter when it is forced on one', () => {
    const result = lintDocument({ text: chart, path: 'templates/service.yaml', format: 'kubernetes', today: '2026-11-23' });
    assert.deepEqual(result.internalErrors, []);
  });
});

describe('kubernetes adapter: hostile YAML', () => {
  it('never expands aliases, so an alias bomb costs nothing', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array.from({ length: 9 }, () => `*l${i}`).join(', ')}]`);
    const text = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: bomb', 'x:', '  l0: &l0 "lol"', ...levels.map((line) => `  ${line}`), 'spec:', '  type: LoadBalancer', '  ports:', '    - port: *l9', ''].join('\n');
    const started = Date.now();
    const result = lintDocument({ text, path: 'bomb.yaml', today: '2026-11-23' });
    assert.ok(Date.now() - started < 2000, 'the alias bomb was expanded');
    assert.equal(result.format, 'kubernetes');
    assert.deepEqual(result.internalErrors, []);
    assert.deepEqual(result.rules.map((rule) => (rule.ports.known ? 'known' : rule.ports.why)), ['the alias *l9 is not followed']);
  });
});
