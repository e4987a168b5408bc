import type { NetworkRule, ParseError } from '../../model/network-rule';
import type { Adapter, AdapterOptions, ParseCache } from '../adapter';
import { parseDocument } from './incremental';
import { providers } from './providers/index';
import { ResourceIndex, type ResourceHandler } from './resource';
import { listenerPorts } from './workload-ports';
import type { Provider } from '../../model/network-rule';

const handlers = new Map<string, { provider: Provider; handler: ResourceHandler }>();
for (const { provider, resources } of providers) {
  for (const [type, handler] of Object.entries(resources)) handlers.set(type, { provider, handler });
}

/** Resource types the adapter reads, for docs and tests. */
export const supportedResourceTypes: readonly string[] = [...handlers.keys()].sort();

function parseTerraform(text: string, options: AdapterOptions, cache?: ParseCache): { rules: NetworkRule[]; parseErrors: ParseError[] } {
  const { blocks, syntaxErrors } = parseDocument(text, cache);
  const index = new ResourceIndex(blocks);
  const rules: NetworkRule[] = [];
  const parseErrors: ParseError[] = syntaxErrors.map((span) => ({ message: 'Syntax error', span }));
  for (const block of blocks) {
    if (block.type !== 'resource' || block.labels.length < 2) continue;
    const entry = handlers.get(block.labels[0].value);
    // A block with a syntax error is skipped whole: a half-read rule could report what is not there.
    if (!entry || block.hasError) continue;
    const [type, name] = block.labels.map((label) => label.value);
    const resource = { type, name, address: `${type}.${name}`, provider: entry.provider, headerSpan: block.headerSpan, span: block.span };
    rules.push(...entry.handler({ block, resource, text, options, index }));
  }
  return { rules, parseErrors };
}

export const adapter: Adapter = {
  id: 'terraform',
  languageIds: ['terraform'],
  detect: (path) => /\.tf$/i.test(path),
  parse: parseTerraform,
  workloadPorts: (text, cache) => listenerPorts(parseDocument(text, cache).blocks),
  commentPrefix: '#',
};
