import type { Adapter } from '../adapter';
import { parseDocument } from './incremental';
import { readTerraform } from './read-module';
import { listenerPorts } from './workload-ports';

export { supportedResourceTypes } from './resource-handlers';

export const adapter: Adapter = {
  id: 'terraform',
  languageIds: ['terraform'],
  detect: (path) => /\.tf$/i.test(path),
  parse: (text, options, cache, context) => readTerraform(text, options, cache, context),
  workloadPorts: (text, cache) => listenerPorts(parseDocument(text, cache).blocks),
  commentPrefix: '#',
};
