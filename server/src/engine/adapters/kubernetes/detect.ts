import { looksLikeJson, parseJson } from '../document/json';
import type { Span } from '../../model/span';
import type { TreeNode } from '../document/tree';
import { parseYaml } from '../document/yaml';

/** A top-level `apiVersion:` and `kind:` in some document: what every Kubernetes manifest has. */
const API_VERSION = /^apiVersion:[ \t]*\S/m;
const KIND = /^kind:[ \t]*\S/m;
/** The same keys in a JSON manifest (`kubectl get -o json`, older examples), at any indentation. */
const JSON_API_VERSION = /"apiVersion"[ \t\r\n]*:[ \t\r\n]*"/;
const JSON_KIND = /"kind"[ \t\r\n]*:[ \t\r\n]*"/;
/** Go template actions: Helm charts and other templates are not manifests until rendered. */
const TEMPLATE_ACTION = /\{\{/g;

/**
 * A Kubernetes manifest, in YAML or JSON. `{{` makes a file a template (Helm, a Go template, a
 * placeholder to substitute), left alone, when it stands where YAML structure is: a value such as
 * `port: {{ .Values.port }}` (which YAML reads as a mapping) or a `{{- if }}` line. Inside a string
 * it is only text: a ConfigMap holding a template in a block scalar, `name: etcd-{{cell}}`, or a
 * comment; such a manifest is read.
 */
export function isKubernetesManifest(text: string): boolean {
  const json = looksLikeJson(text);
  const marked = json ? JSON_API_VERSION.test(text) && JSON_KIND.test(text) : API_VERSION.test(text) && KIND.test(text);
  if (!marked || !text.includes('{{')) return marked;
  // In JSON, `{{` outside a string is a syntax error.
  if (json) return parseJson(text).parseErrors.length === 0;
  const { documents, parseErrors } = parseYaml(text);
  if (parseErrors.length > 0) return false;
  const strings: Span[] = [];
  for (const document of documents) if (document.root) collectScalars(document.root, strings);
  return [...text.matchAll(TEMPLATE_ACTION)].every(({ index }) => strings.some((span) => span.start <= index && index < span.end) || isInComment(text, index));
}

/** Every span where text stands: scalar values (quotes included) and keys. */
function collectScalars(node: TreeNode, into: Span[]): void {
  switch (node.kind) {
    case 'scalar': into.push(node.outer); return;
    case 'seq': for (const item of node.items) collectScalars(item, into); return;
    case 'map':
      for (const entry of node.entries) {
        into.push(entry.keySpan);
        if (entry.value) collectScalars(entry.value, into);
      }
      return;
    case 'alias': return;
  }
}

/** Outside every scalar, a `#` earlier on the line (at its start or after white space) starts a comment. */
function isInComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /(^|\s)#/.test(text.slice(lineStart, offset));
}
