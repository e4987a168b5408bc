import type { Span } from '../../model/span';

/**
 * One syntax tree for YAML and JSON documents, so that the adapters read both alike. Every node
 * keeps its spans, and JSON nodes their path from the root (what JSON edits address).
 */
export type ScalarValue = string | number | boolean | null;
export type JsonPath = readonly (string | number)[];

interface NodeBase {
  /** The value's text: inside the quotes of a quoted string, the whole token otherwise. */
  readonly span: Span;
  /** The whole token or collection, quotes and brackets included, the tag (`!Ref`) excluded. */
  readonly outer: Span;
  /** A YAML tag such as `!Ref`, and where it is written. */
  readonly tag?: { readonly name: string; readonly span: Span };
  readonly path: JsonPath;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'json';

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  readonly value: ScalarValue;
  readonly style: ScalarStyle;
}

export interface MapNode extends NodeBase {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
  /** `{ ... }` (and every JSON object) rather than a YAML block mapping. */
  readonly flow: boolean;
}

export interface SeqNode extends NodeBase {
  readonly kind: 'seq';
  readonly items: readonly TreeNode[];
  readonly flow: boolean;
}

/** A YAML alias (`*name`): never followed, so an alias bomb costs nothing; its value is unknown. */
export interface AliasNode extends NodeBase {
  readonly kind: 'alias';
  readonly name: string;
}

export type TreeNode = ScalarNode | MapNode | SeqNode | AliasNode;

export interface MapEntry {
  readonly key: string;
  readonly keySpan: Span;
  /** Undefined for `key:` with nothing after it. */
  readonly value: TreeNode | undefined;
  /** From the key to the end of the value. */
  readonly span: Span;
}

/** The value of the first entry named `key`, when `node` is a map. */
export function get(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return entryOf(node, key)?.value;
}

export function entryOf(node: TreeNode | undefined, key: string): MapEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((entry) => entry.key === key) : undefined;
}

/** Follows keys through nested maps: `at(resource, 'metadata', 'labels')`. */
export function at(node: TreeNode | undefined, ...keys: readonly string[]): TreeNode | undefined {
  let current = node;
  for (const key of keys) current = get(current, key);
  return current;
}

export function asMap(node: TreeNode | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function asSeq(node: TreeNode | undefined): SeqNode | undefined {
  return node?.kind === 'seq' ? node : undefined;
}

export function asScalar(node: TreeNode | undefined): ScalarNode | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

/** The items of a sequence; a missing or non-sequence node has none. */
export function itemsOf(node: TreeNode | undefined): readonly TreeNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** A scalar written as text, number or boolean, as text; undefined for anything else or a tagged scalar. */
export function textOf(node: TreeNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.tag || node.value === null) return undefined;
  return String(node.value);
}

/** `true`/`false` as booleans or strings; undefined otherwise. */
export function boolOf(node: TreeNode | undefined): boolean | undefined {
  const text = textOf(node);
  if (text === undefined) return undefined;
  const word = text.toLowerCase();
  return word === 'true' ? true : word === 'false' ? false : undefined;
}

/** Where a node's written form starts, its tag included. */
export function fullSpan(node: TreeNode): Span {
  return node.tag ? { start: node.tag.span.start, end: node.outer.end } : node.outer;
}

/** Whether any error offset falls inside the span: a unit with a syntax error in it is skipped whole. */
export function touchesError(span: Span, errors: readonly Span[]): boolean {
  return errors.some((error) => (error.start < span.end && error.end > span.start) || (error.start === error.end && error.start >= span.start && error.start <= span.end));
}
