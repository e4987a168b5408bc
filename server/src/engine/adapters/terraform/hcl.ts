import type { Node } from 'web-tree-sitter';
import type { Span } from '../../model/span';
import { decodeEscapes } from './escapes';
import { parsedSource } from './parser';
import { TreeWalk } from './tree-walk';

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

/** A quoted string without interpolation, with its content span (inside the quotes); the walk is on a `string_lit` or `quoted_template`. */
function readStringLit(walk: TreeWalk): HclValue {
  const outer = walk.span();
  let open: number | undefined;
  let close: number | undefined;
  let literal = true;
  walk.eachNamedChild((type) => {
    if (type === 'quoted_template_start') open ??= walk.end;
    else if (type === 'quoted_template_end') close ??= walk.start;
    else if (type !== 'template_literal' && type !== 'escape_sequence') literal = false;
  });
  const span = { start: open ?? outer.start, end: close ?? outer.end };
  if (literal) {
    // The grammar leaves whitespace at the edges of literal chunks out of the tree: read the source between the quotes.
    const raw = walk.text(outer.start, outer.end).slice(span.start - outer.start, span.end - outer.start);
    return { kind: 'string', value: decodeEscapes(raw), span, outer };
  }
  return { kind: 'expression', text: walk.text(outer.start, outer.end), span: outer, outer };
}

function expressionOf(walk: TreeWalk): HclValue {
  const span = walk.span();
  return { kind: 'expression', text: walk.text(span.start, span.end), span, outer: span };
}

/**
 * Deeper nesting is not infrastructure code, and reading it by recursion would overflow the stack
 * (100,000 nested brackets): a value or block nested deeper is kept as an expression or skipped.
 */
const MAX_DEPTH = 200;

/** Reads an `expression` node (or one of its usual children). */
export function readValue(node: Node, depth = 0): HclValue {
  return TreeWalk.over(node, parsedSource(node.tree), (walk) => valueAt(walk, walk.type, depth));
}

/**
 * The value at the walk, a node of type `type` (callers pass the type they already know: each
 * question to the cursor costs a call into the parser). An expression is read through its only named child.
 */
function valueAt(walk: TreeWalk, type: string, depth: number): HclValue {
  if (type === 'expression') {
    const sole = walk.soleNamedChild((inner) => innerValue(walk, inner, depth));
    if (sole) return sole.value;
  }
  return innerValue(walk, type, depth);
}

function innerValue(walk: TreeWalk, type: string, depth: number): HclValue {
  if (depth > MAX_DEPTH) {
    const span = walk.span();
    const text = walk.text(span.start, span.end);
    return { kind: 'expression', text, span, outer: { ...span }, why: `it is nested deeper than ${MAX_DEPTH} levels` };
  }
  switch (type) {
    case 'literal_value':
      return walk.firstNamedChild((literal) => literalValue(walk, literal)) ?? expressionOf(walk);
    case 'template_expr': {
      // A quoted template is a string literal when it holds no interpolation or directive.
      let quoted: HclValue | undefined;
      walk.eachNamedChild((child) => {
        if (child !== 'quoted_template') return true;
        quoted = readStringLit(walk);
        return false;
      });
      return quoted ?? expressionOf(walk);
    }
    case 'collection_value':
      return walk.firstNamedChild((collection) => collectionValue(walk, collection, depth)) ?? expressionOf(walk);
    case 'operation':
      return negativeNumber(walk) ?? expressionOf(walk);
    default:
      return expressionOf(walk);
  }
}

/** The walk is on a `literal_value`'s first named child, of type `type`. */
function literalValue(walk: TreeWalk, type: string): HclValue {
  // Strings, the most common literal, read their own span.
  if (type === 'string_lit') return readStringLit(walk);
  const span = walk.span();
  switch (type) {
    case 'numeric_lit': {
      const value = Number(walk.text(span.start, span.end));
      return Number.isFinite(value) ? { kind: 'number', value, span, outer: span } : expressionOf(walk);
    }
    case 'bool_lit':
      return { kind: 'bool', value: walk.text(span.start, span.end) === 'true', span, outer: span };
    case 'null_lit':
      return { kind: 'null', span, outer: span };
    default:
      return expressionOf(walk);
  }
}

/** The walk is on a `collection_value`'s first named child, of type `type`. */
function collectionValue(walk: TreeWalk, type: string, depth: number): HclValue {
  const outer = walk.span();
  if (type === 'tuple') {
    const items: HclValue[] = [];
    walk.eachNamedChild((child) => {
      if (child === 'expression') items.push(valueAt(walk, child, depth + 1));
    });
    return { kind: 'tuple', items, span: outer, outer };
  }
  if (type === 'object') {
    const entries: HclObjectEntry[] = [];
    walk.eachNamedChild((child) => {
      if (child === 'object_elem') entries.push(readObjectEntry(walk, depth + 1));
    });
    return { kind: 'object', entries, span: outer, outer };
  }
  return expressionOf(walk);
}

/**
 * The grammar reads `-1` as minus applied to 1; AWS writes `protocol = -1` and `from_port = -1` that
 * way. The walk is on an `operation`; undefined when it is anything else.
 */
function negativeNumber(walk: TreeWalk): HclValue | undefined {
  const span = walk.span();
  const number = walk.firstNamedChild((type) => {
    if (type !== 'unary_operation') return undefined;
    const minus = walk.nodeText().trimStart().startsWith('-');
    const operand = walk.soleNamedChild((operandType) => {
      if (operandType !== 'literal_value') return undefined;
      return walk.firstNamedChild((literalType) => (literalType === 'numeric_lit' ? walk.nodeText() : undefined));
    });
    return minus && operand?.value !== undefined ? -Number(operand.value) : undefined;
  });
  if (number === undefined) return undefined;
  return Number.isFinite(number) ? { kind: 'number', value: number, span, outer: span } : expressionOf(walk);
}

/** The walk is on an `object_elem`. */
function readObjectEntry(walk: TreeWalk, depth: number): HclObjectEntry {
  const nodeSpan = walk.span();
  let keySpan: Span | undefined;
  let keyValue: HclValue | undefined;
  let value: HclValue | undefined;
  walk.eachNamedChild((type) => {
    const field = walk.fieldName;
    if (field === 'key' && !keySpan) {
      keySpan = walk.span();
      keyValue = valueAt(walk, type, depth);
    } else if (field === 'val' && !value) {
      value = valueAt(walk, type, depth);
    }
  });
  let key: string | undefined;
  if (keyValue?.kind === 'string') key = keyValue.value;
  else if (keyValue?.kind === 'expression' && /^[A-Za-z_][\w-]*$/.test(keyValue.text)) key = keyValue.text;
  const entryKeySpan = keySpan ?? nodeSpan;
  return { key, keySpan: entryKeySpan, value: value ?? { kind: 'null', span: entryKeySpan, outer: entryKeySpan }, span: nodeSpan };
}

/** The walk is on an `attribute`: its first identifier names it, its first expression is its value. */
function readAttribute(walk: TreeWalk): HclAttribute | undefined {
  let name: string | undefined;
  let value: HclValue | undefined;
  walk.eachNamedChild((type) => {
    if (type === 'identifier') name ??= walk.nodeText();
    else if (type === 'expression') value ??= valueAt(walk, type, 0);
    // Later children change nothing once both are found.
    return name === undefined || value === undefined;
  });
  if (name === undefined || value === undefined) return undefined;
  return { name, value, span: walk.span() };
}

export function readBlock(node: Node, depth = 0): HclBlock {
  return TreeWalk.over(node, parsedSource(node.tree), (walk) => blockAt(walk, depth));
}

/** The walk is on a `block`: `type "label" ... { body }`. */
function blockAt(walk: TreeWalk, depth: number): HclBlock {
  const span = walk.span();
  let type: { start: number; text: string; end: number } | undefined;
  const labels: { value: string; span: Span }[] = [];
  let lastLabelEnd: number | undefined;
  let open: number | undefined;
  let close: { start: number; isMissing: boolean } | undefined;
  let bodySeen = false;
  const attributes = new Map<string, HclAttribute>();
  const blocks: HclBlock[] = [];
  walk.eachNamedChild((childType) => {
    // Labels are the strings and identifiers after the block type, before `{`.
    const inHeader = open === undefined;
    if (childType === 'identifier') {
      const { start, end } = walk.span();
      if (!type) type = { start, end, text: walk.text(start, end) };
      else if (inHeader && start > type.start) {
        labels.push({ value: walk.text(start, end), span: { start, end } });
        lastLabelEnd = end;
      }
    } else if (childType === 'string_lit' && inHeader) {
      const label = readStringLit(walk);
      labels.push({ value: label.kind === 'string' ? label.value : walk.text(label.outer.start, label.outer.end), span: label.span });
      lastLabelEnd = label.outer.end;
    } else if (childType === 'block_start') {
      open ??= walk.end;
    } else if (childType === 'block_end') {
      close ??= { start: walk.start, isMissing: walk.isMissing };
    } else if (childType === 'body' && !bodySeen) {
      bodySeen = true;
      readBody(walk, depth, attributes, blocks);
    }
  });
  return {
    type: type?.text ?? '',
    labels,
    attributes,
    blocks,
    span,
    headerSpan: { start: span.start, end: lastLabelEnd ?? type?.end ?? span.start },
    bodyStart: open ?? span.start,
    bodyEnd: close ? close.start : span.end,
    hasError: walk.hasError || (close?.isMissing ?? true),
  };
}

/** The walk is on a block's `body`: the first attribute of a name wins; blocks deeper than MAX_DEPTH are skipped. */
function readBody(walk: TreeWalk, depth: number, attributes: Map<string, HclAttribute>, blocks: HclBlock[]): void {
  walk.eachNamedChild((type) => {
    if (type === 'attribute') {
      const attribute = readAttribute(walk);
      if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
    } else if (type === 'block' && depth < MAX_DEPTH) {
      blocks.push(blockAt(walk, depth + 1));
    }
  });
}

/** Calls `read` on each top-level node of type `type` in a file's first `body`. */
function eachTopLevel(walk: TreeWalk, type: string, read: () => void): void {
  walk.eachNamedChild((rootChild) => {
    if (rootChild !== 'body') return true;
    walk.eachNamedChild((child) => {
      if (child === type) read();
    });
    return false;
  });
}

/** The top-level attributes of a file, as a `.tfvars` file holds them; the first of a name wins. */
export function readTopLevelAttributes(root: Node): Map<string, HclAttribute> {
  const attributes = new Map<string, HclAttribute>();
  TreeWalk.over(root, parsedSource(root.tree), (walk) =>
    eachTopLevel(walk, 'attribute', () => {
      if (walk.hasError) return;
      const attribute = readAttribute(walk);
      if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
    }),
  );
  return attributes;
}

/** The top-level blocks of a file, in order. */
export function readTopLevelBlocks(root: Node): HclBlock[] {
  const blocks: HclBlock[] = [];
  TreeWalk.over(root, parsedSource(root.tree), (walk) => eachTopLevel(walk, 'block', () => blocks.push(blockAt(walk, 0))));
  return blocks;
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
