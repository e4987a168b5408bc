import type { NetworkRule } from '../../model/network-rule';
import type { Adapter, AdapterOptions, ParseCache } from '../adapter';
import { parseYaml } from '../document/yaml';
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

function parseKubernetes(text: string, options: AdapterOptions, cache?: ParseCache) {
  const { documents, parseErrors } = parseYaml(text, [], cache);
  const writer = new YamlWriter(text);
  const rules: NetworkRule[] = [];
  for (const object of objectsOf(documents)) {
    const reader = readers.get(object.kind);
    if (reader) rules.push(...reader({ object, text, writer, options }));
  }
  return { rules, parseErrors };
}

export const adapter: Adapter = {
  id: 'kubernetes',
  languageIds: ['yaml'],
  detect: (_path, text) => isKubernetesManifest(text),
  parse: parseKubernetes,
  commentPrefix: '#',
};
