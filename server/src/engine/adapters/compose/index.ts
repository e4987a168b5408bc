import type { AdapterResult, NetworkRule } from '../../model/network-rule';
import type { Adapter, AdapterOptions, ParseCache } from '../adapter';
import { asMap, get, touchesError } from '../document/tree';
import { parseYaml } from '../document/yaml';
import { YamlWriter } from '../document/yaml-writer';
import { readService } from './services';

/** A top-level `services:` whose entries look like containers. */
const SERVICES = /^services[ \t]*:/m;
const SERVICE_FIELD = /^[ \t]+(?:image|build|ports|network_mode|expose)[ \t]*:/m;

export function isComposeFile(text: string): boolean {
  return SERVICES.test(text) && SERVICE_FIELD.test(text);
}

function parseCompose(text: string, options: AdapterOptions, cache?: ParseCache): AdapterResult {
  const { documents, parseErrors } = parseYaml(text, [], cache);
  const writer = new YamlWriter(text);
  const rules: NetworkRule[] = [];
  for (const document of documents) {
    for (const entry of asMap(get(document.root, 'services'))?.entries ?? []) {
      const service = asMap(entry.value);
      // A service with a syntax error in it is skipped whole; the others are still read.
      if (!service || touchesError(entry.span, document.errors)) continue;
      rules.push(...readService({ entry, service, writer, options }));
    }
  }
  return { rules, parseErrors };
}

export const adapter: Adapter = {
  id: 'compose',
  // VS Code opens compose.yaml, docker-compose.yml, ... as `dockercompose`, other names as `yaml`.
  languageIds: ['yaml', 'dockercompose'],
  detect: (_path, text) => isComposeFile(text),
  parse: parseCompose,
  commentPrefix: '#',
};
