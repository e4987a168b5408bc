import type { NetworkRule } from '../../model/network-rule';
import type { Adapter, AdapterOptions, ParseCache } from '../adapter';
import { looksLikeJson, parseJson } from '../document/json';
import { JsonWriter } from '../document/json-writer';
import type { TreeWriter } from '../document/writer';
import { parseYaml, type YamlParse } from '../document/yaml';
import { YamlWriter } from '../document/yaml-writer';
import { isKubernetesManifest } from './detect';
import { readNetworkPolicy } from './network-policy';
import { objectsOf, type ObjectReader } from './objects';
import { readService } from './service';
import { readWorkload, workloadKinds } from './workloads';

const readers = new Map<string, ObjectReader>([
  ['Service', readService],
  ['NetworkPolicy', readNetworkPolicy],
  ...workloadKinds.map((kind): [string, ObjectReader] => [kind, readWorkload]),
]);

/** Object kinds the adapter reads, for docs and tests. */
export const supportedKinds: readonly string[] = [...readers.keys()].sort();

/** A JSON manifest is one document of the same tree as YAML's, so every reader serves both. */
function parseJsonManifest(text: string): YamlParse {
  const { root, errors, parseErrors } = parseJson(text);
  return { documents: [{ root, span: { start: 0, end: text.length }, errors }], parseErrors };
}

function parseKubernetes(text: string, options: AdapterOptions, cache?: ParseCache) {
  const isJson = looksLikeJson(text);
  const { documents, parseErrors } = isJson ? parseJsonManifest(text) : parseYaml(text, [], cache);
  const writer: TreeWriter = isJson ? new JsonWriter(text) : new YamlWriter(text);
  const rules: NetworkRule[] = [];
  for (const object of objectsOf(documents)) {
    const reader = readers.get(object.kind);
    if (reader) rules.push(...reader({ object, text, writer, options }));
  }
  // JSON has no comments, so a JSON manifest offers no suppression (as CloudFormation JSON).
  return { rules, parseErrors, ...(isJson ? { hasNoComments: true } : {}) };
}

export const adapter: Adapter = {
  id: 'kubernetes',
  languageIds: ['yaml', 'json'],
  detect: (_path, text) => isKubernetesManifest(text),
  parse: parseKubernetes,
  commentPrefix: '#',
};
