import type { Provider } from '../../model/network-rule';
import { providers } from './providers/index';
import type { ResourceHandler } from './resource';

const handlers = new Map<string, { provider: Provider; handler: ResourceHandler }>();
for (const { provider, resources } of providers) {
  for (const [type, handler] of Object.entries(resources)) handlers.set(type, { provider, handler });
}

/** The reader of a resource type, with its provider; undefined for types that hold no rules. */
export function findHandler(type: string): { provider: Provider; handler: ResourceHandler } | undefined {
  return handlers.get(type);
}

/** Resource types the adapter reads, for docs and tests. */
export const supportedResourceTypes: readonly string[] = [...handlers.keys()].sort();
