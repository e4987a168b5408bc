import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Span } from '../../../model/span';
import type { HclAttribute, HclBlock, HclObjectEntry, HclValue } from '../hcl';

/** How many labels each block type takes in Terraform's JSON syntax. */
const LABELS: Readonly<Record<string, number>> = { variable: 1, locals: 0, module: 1, output: 1, resource: 2, data: 2, provider: 1, terraform: 0 };
const MAX_DEPTH = 64;

function spanOf(node: JsonNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** An HCL-quoted template, so that `${...}` in a JSON string is evaluated as Terraform does. */
function templateText(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** A JSON value as the adapter's HclValue; strings holding `${` become templates. */
export function jsonToHcl(node: JsonNode, depth = 0): HclValue {
  const outer = spanOf(node);
  if (depth > MAX_DEPTH) return { kind: 'expression', text: 'null', span: outer, outer, why: 'the JSON is nested too deeply' };
  switch (node.type) {
    case 'string': {
      const value = String(node.value);
      const span = { start: outer.start + 1, end: outer.end - 1 };
      return value.includes('${') ? { kind: 'expression', text: templateText(value), span: outer, outer } : { kind: 'string', value, span, outer };
    }
    case 'number':
      return { kind: 'number', value: Number(node.value), span: outer, outer };
    case 'boolean':
      return { kind: 'bool', value: node.value === true, span: outer, outer };
    case 'null':
      return { kind: 'null', span: outer, outer };
    case 'array':
      return { kind: 'tuple', items: (node.children ?? []).map((child) => jsonToHcl(child, depth + 1)), span: outer, outer };
    case 'object': {
      const entries: HclObjectEntry[] = [];
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        entries.push({ key: String(key.value), keySpan: spanOf(key), value: jsonToHcl(value, depth + 1), span: spanOf(property) });
      }
      return { kind: 'object', entries, span: outer, outer };
    }
    default:
      return { kind: 'expression', text: 'null', span: outer, outer, why: 'the JSON value cannot be read' };
  }
}

/** The properties of a JSON object, as attributes; `//` comments are left out. */
export function jsonAttributes(node: JsonNode | undefined): Map<string, HclAttribute> {
  const attributes = new Map<string, HclAttribute>();
  if (node?.type !== 'object') return attributes;
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    const name = key ? String(key.value) : '';
    if (!key || !value || name === '//' || attributes.has(name)) continue;
    attributes.set(name, { name, value: jsonToHcl(value), span: spanOf(property) });
  }
  return attributes;
}

function blockFrom(type: string, labels: readonly JsonNode[], body: JsonNode, whole: JsonNode): HclBlock {
  const span = spanOf(whole);
  const bodySpan = spanOf(body);
  return {
    type,
    labels: labels.map((label) => ({ value: String(label.value), span: spanOf(label) })),
    attributes: jsonAttributes(body),
    blocks: [],
    span,
    headerSpan: labels.length > 0 ? spanOf(labels[labels.length - 1]) : { start: span.start, end: span.start },
    bodyStart: bodySpan.start + 1,
    bodyEnd: bodySpan.end - 1,
    hasError: false,
  };
}

/** Walks `{ "variable": { "name": { ... } } }` (or arrays of such objects) down to the block bodies. */
function collect(type: string, node: JsonNode, labels: readonly JsonNode[], wanted: number, whole: JsonNode, out: HclBlock[]): void {
  if (node.type === 'array') {
    for (const child of node.children ?? []) collect(type, child, labels, wanted, whole, out);
    return;
  }
  if (node.type !== 'object') return;
  if (labels.length === wanted) {
    out.push(blockFrom(type, labels, node, whole));
    return;
  }
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value) collect(type, value, [...labels, key], wanted, labels.length === 0 ? property : whole, out);
  }
}

/**
 * The blocks of a `.tf.json` file. Every property of a block body is read as an attribute, which
 * is what variables, locals, outputs and module calls hold; nested blocks are not told apart.
 */
export function readJsonConfig(text: string): HclBlock[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (root?.type !== 'object') return [];
  const blocks: HclBlock[] = [];
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    const type = key ? String(key.value) : '';
    if (!key || !value || !Object.hasOwn(LABELS, type)) continue;
    collect(type, value, [], LABELS[type], property, blocks);
  }
  return blocks;
}

/** The variables of a `.tfvars.json` file. */
export function readJsonVariables(text: string): { attributes: Map<string, HclAttribute>; isBroken: boolean } {
  const errors: ParseError[] = [];
  const attributes = jsonAttributes(parseTree(text, errors, { allowTrailingComma: true }));
  return { attributes, isBroken: errors.length > 0 };
}
