import type { ParseError } from '../../model/network-rule';
import type { ParseCache } from '../adapter';
import type { Span } from '../../model/span';
import { parseJson } from '../document/json';
import { JsonWriter } from '../document/json-writer';
import { asMap, get, textOf, touchesError, type MapEntry, type MapNode, type TreeNode } from '../document/tree';
import type { TreeWriter } from '../document/writer';
import { parseYaml, passThroughTags } from '../document/yaml';
import { YamlWriter } from '../document/yaml-writer';
import { isJsonText } from './detect';

/** The short forms of CloudFormation's intrinsic functions, as YAML tags. */
export const INTRINSIC_TAGS: readonly string[] = [
  '!Ref', '!Sub', '!GetAtt', '!Join', '!Select', '!Split', '!If', '!Equals', '!And', '!Or', '!Not',
  '!FindInMap', '!Base64', '!Cidr', '!ImportValue', '!GetAZs', '!Condition', '!Transform', '!ToJsonString', '!Length',
];
const CUSTOM_TAGS = passThroughTags(INTRINSIC_TAGS);

export interface TemplateResource {
  readonly logicalId: string;
  readonly type: string;
  readonly node: MapNode;
  readonly properties: MapNode | undefined;
  /** `LogicalId:` through the resource's end. */
  readonly entry: MapEntry;
}

export interface Template {
  readonly text: string;
  readonly isJson: boolean;
  readonly writer: TreeWriter;
  /** Complete resources only: one with a syntax error in it is skipped. */
  readonly resources: ReadonlyMap<string, TemplateResource>;
  /** Parameters by name, with their `Default` when they have one. */
  readonly parameters: ReadonlyMap<string, { readonly entry: MapEntry; readonly default: TreeNode | undefined }>;
  readonly parseErrors: readonly ParseError[];
}

export function readTemplate(text: string, cache?: ParseCache): Template {
  const isJson = isJsonText(text);
  let root: TreeNode | undefined;
  let errors: readonly Span[];
  let parseErrors: readonly ParseError[];
  if (isJson) {
    ({ root, errors, parseErrors } = parseJson(text));
  } else {
    const parsed = parseYaml(text, CUSTOM_TAGS, cache, 'cloudformation');
    // A template is one document; a second one is not CloudFormation's.
    const first = parsed.documents[0];
    root = first?.root;
    errors = first?.errors ?? [];
    parseErrors = parsed.parseErrors;
  }
  const resources = new Map<string, TemplateResource>();
  for (const entry of asMap(get(root, 'Resources'))?.entries ?? []) {
    const node = asMap(entry.value);
    const type = textOf(get(node, 'Type'));
    if (!node || type === undefined || touchesError(entry.span, errors)) continue;
    resources.set(entry.key, { logicalId: entry.key, type, node, properties: asMap(get(node, 'Properties')), entry });
  }
  const parameters = new Map<string, { entry: MapEntry; default: TreeNode | undefined }>();
  for (const entry of asMap(get(root, 'Parameters'))?.entries ?? []) {
    if (touchesError(entry.span, errors)) continue;
    parameters.set(entry.key, { entry, default: get(entry.value, 'Default') });
  }
  return { text, isJson, writer: isJson ? new JsonWriter(text) : new YamlWriter(text), resources, parameters, parseErrors };
}
