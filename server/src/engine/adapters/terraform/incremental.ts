import type { Edit, Node, Tree } from 'web-tree-sitter';
import type { Span } from '../../model/span';
import type { CachedParse, ParseCache } from '../adapter';
import { collectSyntaxErrors, readBlock, readTopLevelBlocks, type HclAttribute, type HclBlock, type HclObjectEntry, type HclValue } from './hcl';
import { editBetween, parseHcl } from './parser';
import { recoverSwallowedBlocks } from './recover';

/** One parse of a document, kept between lints: its text, its tree and the top-level blocks read from it. */
export class TerraformParse implements CachedParse {
  private byStart: Map<number, HclBlock> | undefined;

  constructor(
    readonly text: string,
    readonly tree: Tree,
    readonly blocks: readonly HclBlock[],
    readonly syntaxErrors: readonly Span[],
  ) {}

  /** The error-free block of this parse that started at `start` and ended at `end`, if any. */
  blockAt(start: number, end: number): HclBlock | undefined {
    this.byStart ??= new Map(this.blocks.filter((block) => !block.hasError).map((block) => [block.span.start, block]));
    const block = this.byStart.get(start);
    return block && block.span.end === end ? block : undefined;
  }

  dispose(): void {
    this.tree.delete();
  }
}

export interface ParsedDocument {
  readonly blocks: readonly HclBlock[];
  readonly syntaxErrors: readonly Span[];
}

/**
 * Parses a document into its top-level blocks. With a cache it edits the previous tree and
 * re-parses incrementally, and reuses every block whose text did not change (moved by the
 * edit's length): reading blocks out of the tree costs more than parsing it.
 */
export function parseDocument(text: string, cache?: ParseCache): ParsedDocument {
  if (!cache) {
    const tree = parseHcl(text);
    try {
      return readTree(text, tree, undefined);
    } finally {
      tree.delete();
    }
  }
  const previous = cache.take(TerraformParse);
  if (previous && previous.text === text) {
    cache.keep(previous);
    return previous;
  }
  let tree: Tree;
  let edit: Edit | undefined;
  if (previous) {
    edit = editBetween(previous.text, text);
    if (edit) previous.tree.edit(edit);
    try {
      tree = parseHcl(text, previous.tree);
    } finally {
      previous.tree.delete();
    }
  } else {
    tree = parseHcl(text);
  }
  try {
    const { blocks, syntaxErrors } = readTree(text, tree, previous && edit ? { previous, edit } : undefined);
    cache.keep(new TerraformParse(text, tree, blocks, syntaxErrors));
    return { blocks, syntaxErrors };
  } catch (error) {
    tree.delete();
    throw error;
  }
}

/**
 * Reads the top-level blocks. A block that lies wholly before or after the edit has the same
 * text as in the previous parse (the edit spans everything that differs), so when the previous
 * parse had an error-free block there with the same extent, that block is reused, moved.
 */
function readTree(text: string, tree: Tree, reuse: { previous: TerraformParse; edit: Edit } | undefined): ParsedDocument {
  const root = tree.rootNode;
  const recovered = root.hasError ? recoverSwallowedBlocks(text, root) : undefined;
  if (recovered) return { blocks: recovered, syntaxErrors: collectSyntaxErrors(root) };
  // Nothing to reuse: one cursor walk over the whole file.
  if (!reuse) return { blocks: readTopLevelBlocks(root), syntaxErrors: collectSyntaxErrors(root) };
  const body = root.namedChildren.find((child): child is Node => child !== null && child.type === 'body');
  const blocks: HclBlock[] = [];
  for (const node of body?.namedChildren ?? []) {
    if (!node || node.type !== 'block') continue;
    const reused = !node.hasError ? reusableBlock(reuse.previous, reuse.edit, node.startIndex, node.endIndex) : undefined;
    blocks.push(reused ?? readBlock(node));
  }
  return { blocks, syntaxErrors: collectSyntaxErrors(root) };
}

function reusableBlock(previous: TerraformParse, edit: Edit, start: number, end: number): HclBlock | undefined {
  if (end <= edit.startIndex) return previous.blockAt(start, end);
  if (start < edit.newEndIndex) return undefined;
  const delta = edit.newEndIndex - edit.oldEndIndex;
  const block = previous.blockAt(start - delta, end - delta);
  return block && shiftBlock(block, delta);
}

function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function shiftValue(value: HclValue, delta: number): HclValue {
  const span = shiftSpan(value.span, delta);
  const outer = shiftSpan(value.outer, delta);
  switch (value.kind) {
    case 'tuple':
      return { ...value, span, outer, items: value.items.map((item) => shiftValue(item, delta)) };
    case 'object':
      return { ...value, span, outer, entries: value.entries.map((entry) => shiftEntry(entry, delta)) };
    default:
      return { ...value, span, outer };
  }
}

function shiftEntry(entry: HclObjectEntry, delta: number): HclObjectEntry {
  return { ...entry, keySpan: shiftSpan(entry.keySpan, delta), value: shiftValue(entry.value, delta), span: shiftSpan(entry.span, delta) };
}

function shiftAttribute(attribute: HclAttribute, delta: number): HclAttribute {
  return { ...attribute, value: shiftValue(attribute.value, delta), span: shiftSpan(attribute.span, delta) };
}

/** The same block read `delta` characters later in the text. */
export function shiftBlock(block: HclBlock, delta: number): HclBlock {
  if (delta === 0) return block;
  return {
    ...block,
    labels: block.labels.map((label) => ({ ...label, span: shiftSpan(label.span, delta) })),
    attributes: new Map([...block.attributes].map(([name, attribute]) => [name, shiftAttribute(attribute, delta)])),
    blocks: block.blocks.map((child) => shiftBlock(child, delta)),
    span: shiftSpan(block.span, delta),
    headerSpan: shiftSpan(block.headerSpan, delta),
    bodyStart: block.bodyStart + delta,
    bodyEnd: block.bodyEnd + delta,
  };
}
