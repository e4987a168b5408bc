import type { Node } from 'web-tree-sitter';
import type { Span } from '../../model/span';
import { decodeEscapes } from './escapes';

/**
 * A read-only view of the HCL syntax tree with only what the adapters need: literal values read
 * exactly, everything else kept as an expression with its text and span.
 */
export type HclValue = (
  | { readonly kind: 'string'; readonly value: string; readonly span: Span; readonly outer: Span }
  | { readonly kind: 'number'; readonly value: number; readonly span: Span; readonly outer: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span; readonly outer: Span }
  | { readonly kind: 'null'; readonly span: Span; readonly outer: Span }
  | { readonly kind: 'tuple'; readonly items: readonly HclValue[]; readonly span: Span; readonly outer: Span }
  | { readonly kind: 'object'; readonly entries: readonly HclObjectEntry[]; readonly span: Span; readonly outer: Span }
  /**
   * Anything not literal: a reference, a function call, a template with interpolation. `why`
   * replaces the usual "is not a literal" when evaluation found the reason.
   */
  | { readonly kind: 'expression'; readonly text: string; readonly span: Span; readonly outer: Span; readonly why?: string }
) & { readonly resolved?: Resolution };

/**
 * Marks a value the adapter computed from an expression (a variable, a local, a function call)
 * rather than read as written. Its spans are those of the expression in this document.
 */
export interface Resolution {
  /** Where the value was written, e.g. "var.admin_cidr default, variables.tf:12". */
  readonly origin: string | undefined;
}

export interface HclObjectEntry {
  /** The key as written, unquoted; undefined when the key is itself an expression such as `(var.k)`. */
  readonly key: string | undefined;
  readonly keySpan: Span;
  readonly value: HclValue;
  readonly span: Span;
}

export interface HclAttribute {
  readonly name: string;
  readonly value: HclValue;
  /** The whole `name = value` line. */
  readonly span: Span;
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly { readonly value: string; readonly span: Span }[];
  readonly attributes: ReadonlyMap<string, HclAttribute>;
  readonly blocks: readonly HclBlock[];
  readonly span: Span;
  /** From the block type to the last label. */
  readonly headerSpan: Span;
  /** Offset just after `{` and just before `}`. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** The block contains a syntax error or a missing token. */
  readonly hasError: boolean;
}

function spanOfNode(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/**
 * A node's named children, fetched once per node: each `namedChildren` call copies every child out
 * of the parser's (wasm) memory, so a reader that looks for several kinds of child shares one copy.
 */
function namedChildrenOf(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

function childrenOfType(node: Node, type: string, children = namedChildrenOf(node)): Node[] {
  return children.filter((child) => child.type === type);
}

function firstChildOfType(node: Node, type: string, children = namedChildrenOf(node)): Node | undefined {
  return children.find((child) => child.type === type);
}

/** A quoted string without interpolation, with its content span (inside the quotes). */
function readStringLit(node: Node): HclValue {
  const outer = spanOfNode(node);
  const parts = namedChildrenOf(node);
  const inner = parts.filter((child) => child.type !== 'quoted_template_start' && child.type !== 'quoted_template_end');
  const open = parts.find((child) => child.type === 'quoted_template_start');
  const close = parts.find((child) => child.type === 'quoted_template_end');
  const span = { start: open ? open.endIndex : outer.start, end: close ? close.startIndex : outer.end };
  if (inner.every((child) => child.type === 'template_literal' || child.type === 'escape_sequence')) {
    // The grammar leaves whitespace at the edges of literal chunks out of the tree: read the source between the quotes.
    const raw = node.text.slice(span.start - outer.start, span.end - outer.start);
    return { kind: 'string', value: decodeEscapes(raw), span, outer };
  }
  return { kind: 'expression', text: node.text, span: outer, outer };
}

function expressionOf(node: Node): HclValue {
  const span = spanOfNode(node);
  return { kind: 'expression', text: node.text, span, outer: span };
}

/**
 * Deeper nesting is not infrastructure code, and reading it by recursion would overflow the stack
 * (100,000 nested brackets): a value or block nested deeper is kept as an expression or skipped.
 */
const MAX_DEPTH = 200;

/** Reads an `expression` node (or one of its usual children). */
export function readValue(node: Node, depth = 0): HclValue {
  const inner = node.type === 'expression' && node.namedChildCount === 1 ? node.namedChild(0) : node;
  if (!inner) return expressionOf(node);
  if (depth > MAX_DEPTH) return { kind: 'expression', text: inner.text, span: spanOfNode(inner), outer: spanOfNode(inner), why: `it is nested deeper than ${MAX_DEPTH} levels` };
  switch (inner.type) {
    case 'literal_value': {
      const literal = inner.namedChild(0);
      if (!literal) return expressionOf(inner);
      const span = spanOfNode(literal);
      if (literal.type === 'string_lit') return readStringLit(literal);
      if (literal.type === 'numeric_lit') {
        const value = Number(literal.text);
        return Number.isFinite(value) ? { kind: 'number', value, span, outer: span } : expressionOf(literal);
      }
      if (literal.type === 'bool_lit') return { kind: 'bool', value: literal.text === 'true', span, outer: span };
      if (literal.type === 'null_lit') return { kind: 'null', span, outer: span };
      return expressionOf(literal);
    }
    case 'template_expr': {
      // A quoted template is a string literal when it holds no interpolation or directive.
      const quoted = firstChildOfType(inner, 'quoted_template');
      if (quoted) return readStringLit(quoted);
      return expressionOf(inner);
    }
    case 'collection_value': {
      const collection = inner.namedChild(0);
      if (!collection) return expressionOf(inner);
      const outer = spanOfNode(collection);
      if (collection.type === 'tuple') {
        const items = childrenOfType(collection, 'expression').map((item) => readValue(item, depth + 1));
        return { kind: 'tuple', items, span: outer, outer };
      }
      if (collection.type === 'object') {
        const entries = childrenOfType(collection, 'object_elem').map((entry) => readObjectEntry(entry, depth + 1));
        return { kind: 'object', entries, span: outer, outer };
      }
      return expressionOf(collection);
    }
    case 'operation': {
      // The grammar reads `-1` as minus applied to 1; AWS writes `protocol = -1` and `from_port = -1` that way.
      const unary = inner.namedChild(0);
      const operand = unary?.type === 'unary_operation' && unary.namedChildCount === 1 ? unary.namedChild(0) : null;
      const literal = operand?.type === 'literal_value' ? operand.namedChild(0) : null;
      if (unary && literal?.type === 'numeric_lit' && unary.text.trimStart().startsWith('-')) {
        const value = -Number(literal.text);
        const span = spanOfNode(inner);
        return Number.isFinite(value) ? { kind: 'number', value, span, outer: span } : expressionOf(inner);
      }
      return expressionOf(inner);
    }
    default:
      return expressionOf(inner);
  }
}

function readObjectEntry(node: Node, depth: number): HclObjectEntry {
  const keyNode = node.childForFieldName('key');
  const valueNode = node.childForFieldName('val');
  const keySpan = keyNode ? spanOfNode(keyNode) : spanOfNode(node);
  let key: string | undefined;
  if (keyNode) {
    const keyValue = readValue(keyNode, depth);
    if (keyValue.kind === 'string') key = keyValue.value;
    else if (keyValue.kind === 'expression' && /^[A-Za-z_][\w-]*$/.test(keyValue.text)) key = keyValue.text;
  }
  const value: HclValue = valueNode ? readValue(valueNode, depth) : { kind: 'null', span: keySpan, outer: keySpan };
  return { key, keySpan, value, span: spanOfNode(node) };
}

function readAttribute(node: Node): HclAttribute | undefined {
  const children = namedChildrenOf(node);
  const nameNode = firstChildOfType(node, 'identifier', children);
  const valueNode = firstChildOfType(node, 'expression', children);
  if (!nameNode || !valueNode) return undefined;
  return { name: nameNode.text, value: readValue(valueNode), span: spanOfNode(node) };
}

export function readBlock(node: Node, depth = 0): HclBlock {
  const children = namedChildrenOf(node);
  const typeNode = firstChildOfType(node, 'identifier', children);
  const labels: { value: string; span: Span }[] = [];
  let headerEnd = typeNode?.endIndex ?? node.startIndex;
  for (const child of children) {
    if (child.type === 'block_start') break;
    if (child.type === 'string_lit') {
      const label = readStringLit(child);
      labels.push({ value: label.kind === 'string' ? label.value : child.text, span: label.span });
      headerEnd = child.endIndex;
    } else if (child.type === 'identifier' && child.startIndex > (typeNode?.startIndex ?? -1)) {
      labels.push({ value: child.text, span: spanOfNode(child) });
      headerEnd = child.endIndex;
    }
  }
  const open = firstChildOfType(node, 'block_start', children);
  const close = firstChildOfType(node, 'block_end', children);
  const body = firstChildOfType(node, 'body', children);
  const attributes = new Map<string, HclAttribute>();
  const blocks: HclBlock[] = [];
  if (body) {
    for (const child of body.namedChildren) {
      if (!child) continue;
      if (child.type === 'attribute') {
        const attribute = readAttribute(child);
        if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
      } else if (child.type === 'block' && depth < MAX_DEPTH) {
        blocks.push(readBlock(child, depth + 1));
      }
    }
  }
  const span = spanOfNode(node);
  return {
    type: typeNode?.text ?? '',
    labels,
    attributes,
    blocks,
    span,
    headerSpan: { start: span.start, end: headerEnd },
    bodyStart: open ? open.endIndex : span.start,
    bodyEnd: close ? close.startIndex : span.end,
    hasError: node.hasError || (close?.isMissing ?? true),
  };
}

/** The top-level attributes of a file, as a `.tfvars` file holds them; the first of a name wins. */
export function readTopLevelAttributes(root: Node): Map<string, HclAttribute> {
  const attributes = new Map<string, HclAttribute>();
  const body = firstChildOfType(root, 'body');
  for (const node of body ? childrenOfType(body, 'attribute') : []) {
    if (node.hasError) continue;
    const attribute = readAttribute(node);
    if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
  }
  return attributes;
}

/** The top-level blocks of a file, in order. */
export function readTopLevelBlocks(root: Node): HclBlock[] {
  const body = firstChildOfType(root, 'body');
  return body ? childrenOfType(body, 'block').map((node) => readBlock(node)) : [];
}

/** The syntax errors of a tree, as spans (the linter does not report them, but callers may log them). */
export function collectSyntaxErrors(root: Node): Span[] {
  if (!root.hasError) return [];
  const spans: Span[] = [];
  // A stack rather than recursion: a tree may be 100,000 levels deep.
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.isError || node.isMissing) spans.push(spanOfNode(node));
    else if (node.hasError) for (const child of [...node.children].reverse()) if (child) pending.push(child);
  }
  return spans;
}
