import type { Language, Node, TreeCursor } from 'web-tree-sitter';
import type { Span } from '../../model/span';

/** What the table below knows of a node type: not asked yet, anonymous (punctuation, keywords) or named. */
const UNKNOWN = 0;
const ANONYMOUS = 1;
const NAMED = 2;

/** Whether each node type of a language is named, by type id (16 bits): asked of the parser once per id. */
const namedTypes = new WeakMap<Language, Uint8Array>();

function namedTable(language: Language): Uint8Array {
  let table = namedTypes.get(language);
  if (!table) {
    table = new Uint8Array(0x10000);
    namedTypes.set(language, table);
  }
  return table;
}

/**
 * Reads a syntax tree through one TreeCursor. web-tree-sitter's Node objects are costly: each one
 * is copied out of the parser's (wasm) memory and allocated, and a reader of a large module makes
 * hundreds of thousands. The cursor moves in place and creates none.
 *
 * Every reading method leaves the cursor on the node where it found it.
 */
export class TreeWalk {
  private readonly types: readonly string[];
  private readonly named: Uint8Array;

  private constructor(
    private readonly cursor: TreeCursor,
    private readonly language: Language,
    /** The text the tree was parsed from, when known: slicing it is cheaper than asking the tree. */
    private readonly source: string | undefined,
  ) {
    this.types = language.types;
    this.named = namedTable(language);
  }

  /** Runs `read` with a walk that starts at `node`, and frees the cursor afterwards. */
  static over<T>(node: Node, source: string | undefined, read: (walk: TreeWalk) => T): T {
    const cursor = node.walk();
    try {
      return read(new TreeWalk(cursor, node.tree.language, source));
    } finally {
      cursor.delete();
    }
  }

  /** The current node's type, as Node.type names it (`ERROR` for an error node). */
  get type(): string {
    return this.typeName(this.cursor.nodeTypeId);
  }

  get start(): number {
    return this.cursor.startIndex;
  }

  get end(): number {
    return this.cursor.endIndex;
  }

  span(): Span {
    return { start: this.cursor.startIndex, end: this.cursor.endIndex };
  }

  get isMissing(): boolean {
    return this.cursor.nodeIsMissing;
  }

  /** Has the current node, or anything in it, a syntax error? (The cursor does not say: a Node does.) */
  get hasError(): boolean {
    return this.cursor.currentNode.hasError;
  }

  /** The source text between two offsets of this tree. */
  text(start: number, end: number): string {
    return this.source === undefined ? this.cursor.nodeText.slice(start - this.start, end - this.start) : this.source.slice(start, end);
  }

  /** The current node's text. */
  nodeText(): string {
    return this.source === undefined ? this.cursor.nodeText : this.source.slice(this.start, this.end);
  }

  /**
   * Calls `visit` on each named child in order, the cursor on that child, with the child's type;
   * `visit` returning false stops the walk. Anonymous children (punctuation, keywords) are skipped,
   * as Node.namedChildren skips them.
   */
  eachNamedChild(visit: (type: string) => boolean | void): void {
    const cursor = this.cursor;
    if (!cursor.gotoFirstChild()) return;
    do {
      const typeId = cursor.nodeTypeId;
      if (!this.isNamed(typeId)) continue;
      if (visit(this.typeName(typeId)) === false) break;
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }

  /** Calls `read` on the first named child, as Node.namedChild(0); undefined when there is none. */
  firstNamedChild<T>(read: (type: string) => T): T | undefined {
    let result: T | undefined;
    this.eachNamedChild((type) => {
      result = read(type);
      return false;
    });
    return result;
  }

  /**
   * Calls `read` on the only named child (Node.namedChildCount === 1, then Node.namedChild(0));
   * undefined when the node has none or several.
   */
  soleNamedChild<T>(read: (type: string) => T): { readonly value: T } | undefined {
    const cursor = this.cursor;
    if (!cursor.gotoFirstChild()) return undefined;
    let index = 0;
    let found = -1;
    let foundType = 0;
    do {
      const typeId = cursor.nodeTypeId;
      if (this.isNamed(typeId)) {
        if (found !== -1) {
          cursor.gotoParent();
          return undefined;
        }
        found = index;
        foundType = typeId;
      }
      index++;
    } while (cursor.gotoNextSibling());
    if (found === -1) {
      cursor.gotoParent();
      return undefined;
    }
    // The scan stopped on the last child: when that is the named one the cursor is already there.
    if (found !== index - 1) {
      cursor.gotoParent();
      cursor.gotoFirstChild();
      for (let i = 0; i < found; i++) cursor.gotoNextSibling();
    }
    const value = read(this.typeName(foundType));
    cursor.gotoParent();
    return { value };
  }

  /** The field name of the current node in its parent (`key`, `val`), as Node.childForFieldName finds it. */
  get fieldName(): string | null {
    return this.cursor.currentFieldName;
  }

  private typeName(typeId: number): string {
    return this.types[typeId] || 'ERROR';
  }

  private isNamed(typeId: number): boolean {
    let known = this.named[typeId];
    if (known === UNKNOWN) {
      known = this.language.nodeTypeIsNamed(typeId) ? NAMED : ANONYMOUS;
      this.named[typeId] = known;
    }
    return known === NAMED;
  }
}
