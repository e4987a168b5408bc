import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, findAdapter, lintDocument } from '../../server/src/engine/index';
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

describe('kubernetes adapter: what is a manifest', () => {
  const detected = (text: string, path = 'x.yaml'): string | undefined => findAdapter(path, text)?.id;
  const service = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  type: LoadBalancer', '  ports:', '    - port: 80', ''];

  it('reads JSON manifests with apiVersion and kind, as kubectl get -o json prints them', () => {
    const json = JSON.stringify({ kind: 'Service', apiVersion: 'v1', metadata: { name: 'db' }, spec: { type: 'LoadBalancer', ports: [{ port: 5432 }] } }, null, 2);
    assert.equal(detected(json, 'db-service.json'), 'kubernetes');
    const result = lintDocument({ text: json, path: 'db-service.json', today: '2026-11-23' });
    assert.deepEqual(result.findings.map((finding) => finding.checkId).sort(), ['missing-owner', 'public-database']);
    // JSON has no comments: no "Ignore" fix is offered.
    assert.ok(result.findings.every((finding) => finding.fixes.every((fix) => !fix.title.startsWith('Ignore'))));
  });

  it('fixes a JSON manifest in JSON', () => {
    const json = JSON.stringify({ kind: 'Service', apiVersion: 'v1', metadata: { name: 'db' }, spec: { type: 'LoadBalancer', ports: [{ port: 5432 }] } }, null, 2);
    const finding = lintDocument({ text: json, path: 'db-service.json', today: '2026-11-23' }).findings.find((candidate) => candidate.checkId === 'public-database');
    const fix = finding?.fixes.find((candidate) => candidate.title === 'Restrict source to 10.0.0.0/8');
    assert.ok(fix, 'no "Restrict source" fix');
    const fixed = JSON.parse(applyEdits(json, fix.edits)) as { spec: { loadBalancerSourceRanges?: string[] } };
    assert.deepEqual(fixed.spec.loadBalancerSourceRanges, ['10.0.0.0/8']);
  });

  it('leaves JSON without kind, and JSON templates that do not parse, alone', () => {
    assert.equal(detected('{ "apiVersion": "v1", "metadata": {} }', 'a.json'), undefined);
    assert.equal(detected('{ "apiVersion": "v1", "kind": "Service", "spec": {{ .Values.spec }} }', 'a.json'), undefined);
  });

  it('reads a manifest whose {{ }} is inside a block scalar, a name or a comment', () => {
    const text = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c-{{cell}}  # {{cell}} is substituted', 'data:', '  conf: |', '    project: {{PROJECT_ID}}', ''].join('\n');
    assert.equal(detected(text), 'kubernetes');
  });

  it('skips a template whose {{ }} stands where YAML structure is, even when the text happens to parse', () => {
    assert.equal(detected([...service.slice(0, 7), '    - port: {{port}}', ''].join('\n')), undefined);
    assert.equal(detected(['{{- if .Values.enabled }}', ...service, '{{- end }}', ''].join('\n')), undefined);
  });

  it('does not take a commented-out manifest for one', () => {
    assert.equal(detected(service.map((line) => `# ${line}`).join('\n')), undefined);
  });
});
