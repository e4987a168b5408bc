import { Language, Parser, type Edit, type Point, type Tree } from 'web-tree-sitter';
import { guardedSource } from './source-guards';

/** The wasm files the Terraform adapter needs; the front ends read them, the engine never touches disk. */
export interface TerraformAssets {
  /** web-tree-sitter's own runtime, `tree-sitter.wasm`. */
  readonly runtimeWasm: Uint8Array;
  /** `tree-sitter-terraform.wasm` from @tree-sitter-grammars/tree-sitter-hcl. */
  readonly grammarWasm: Uint8Array;
}

let parser: Parser | undefined;
let initializing: Promise<void> | undefined;

/** Loads the grammar once per process; later calls return at once. */
export function initTerraformParser(assets: TerraformAssets): Promise<void> {
  initializing ??= (async () => {
    await Parser.init({ wasmBinary: assets.runtimeWasm });
    const language = await Language.load(assets.grammarWasm);
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
  })();
  return initializing;
}

/** Trees parsed from a guarded text (see guardedSource): an edit of the real text does not describe them. */
const guardedTrees = new WeakSet<Tree>();

/**
 * The text each tree was parsed from (the guarded one, see guardedSource): a reader slices it
 * rather than ask the tree for each node's text.
 */
const sources = new WeakMap<Tree, string>();

/** The text `tree` was parsed from by parseHcl; undefined for a tree parseHcl did not make. */
export function parsedSource(tree: Tree): string | undefined {
  return sources.get(tree);
}

/** Parses HCL; pass the previous tree (already edited) to reparse incrementally. */
export function parseHcl(text: string, previous?: Tree): Tree {
  if (!parser) throw new Error('The Terraform parser is not initialised: call initEngine() first.');
  const source = guardedSource(text);
  const reusable = previous && source === text && !guardedTrees.has(previous) ? previous : null;
  const tree = parser.parse(source, reusable);
  if (!tree) throw new Error('tree-sitter returned no tree');
  if (source !== text) guardedTrees.add(tree);
  sources.set(tree, source);
  return tree;
}

/**
 * The single edit that turns `oldText` into `newText` (their common prefix and suffix kept), as
 * tree.edit() wants it, so the next parse can reuse every node outside it. Undefined when the
 * texts are equal. Rows count `\n` only, as tree-sitter's lexer does.
 */
export function editBetween(oldText: string, newText: string): Edit | undefined {
  if (oldText === newText) return undefined;
  const shorter = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair: tree-sitter reads the text as UTF-16 code points.
  if (prefix > 0 && isHighSurrogate(oldText.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(oldText.charCodeAt(oldText.length - suffix))) suffix--;
  const oldEndIndex = oldText.length - suffix;
  const newEndIndex = newText.length - suffix;
  const startPosition = pointAt(oldText, 0, { row: 0, column: 0 }, prefix);
  return {
    startIndex: prefix,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition: pointAt(oldText, prefix, startPosition, oldEndIndex),
    newEndPosition: pointAt(newText, prefix, startPosition, newEndIndex),
  };
}

function pointAt(text: string, from: number, fromPoint: Point, to: number): Point {
  let { row, column } = fromPoint;
  for (let index = from; index < to; index++) {
    if (text.charCodeAt(index) === 10) {
      row++;
      column = 0;
    } else {
      column++;
    }
  }
  return { row, column };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
