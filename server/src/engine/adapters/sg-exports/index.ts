import type { AdapterResult } from '../../model/network-rule';
import type { Adapter, AdapterOptions } from '../adapter';
import { parseJson } from '../document/json';
import { JsonWriter } from '../document/json-writer';
import { alibaba } from './alibaba';
import { aws } from './aws';
import { azure } from './azure';
import type { ExportReader } from './common';
import { gcp } from './gcp';
import { tencent } from './tencent';

const readers: readonly ExportReader[] = [aws, tencent, alibaba, azure, gcp];

/**
 * Cheap text markers, one per provider, so that detection does not parse every JSON file: the
 * parse then decides which reader the document is for.
 */
const MARKERS: readonly RegExp[] = [
  /"SecurityGroups"[\s]*:[\s]*\[/,
  /"SecurityGroupPolicySet"[\s]*:/,
  /"Permissions"[\s]*:[\s]*\{[\s]*"Permission"/,
  /"(?:defaultSecurityRules|securityRules)"[\s]*:/,
  /"compute#firewall"|"sourceRanges"[\s]*:/,
];

export function isSecurityGroupExport(text: string): boolean {
  return /^[\s\uFEFF]*[{[]/.test(text) && MARKERS.some((marker) => marker.test(text));
}

function parseExport(text: string, options: AdapterOptions): AdapterResult {
  const { root, errors, parseErrors } = parseJson(text);
  const reader = root ? readers.find((candidate) => candidate.matches(root)) : undefined;
  const rules = root && reader ? reader.read({ root, writer: new JsonWriter(text), options, errors }) : [];
  return { rules, parseErrors, hasNoComments: true };
}

export const adapter: Adapter = {
  id: 'sg-exports',
  languageIds: ['json'],
  detect: (_path, text) => isSecurityGroupExport(text),
  parse: parseExport,
  // The exports are JSON, which has no comments: no suppression is offered (see README).
  commentPrefix: undefined,
};
