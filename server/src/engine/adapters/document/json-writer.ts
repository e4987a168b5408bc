import type { TextEdit } from '../../model/network-rule';
import type { MapNode, SeqNode, TreeNode } from './tree';
import { removeBetweenSeparators, type JsonValue, type TreeWriter } from './writer';

/**
 * Writes JSON edits that touch only what changes: new members go after the last one, indented
 * like it, and a value spread over lines is written over lines, one level deeper.
 */
export class JsonWriter implements TreeWriter {
  private readonly eol: string;
  /** One level of indentation, as the document writes it. */
  private readonly unit: string;

  constructor(private readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    const indents = [...text.matchAll(/\n([ \t]+)["{[\]}]/g)].map((match) => match[1]).filter((indent) => indent.length > 0);
    this.unit = indents.length === 0 ? '  ' : indents.reduce((shortest, indent) => (indent.length < shortest.length ? indent : shortest));
  }

  replace(node: TreeNode, value: JsonValue): TextEdit[] | undefined {
    // A port written as a string ("22") stays a string.
    const written = node.kind === 'scalar' && typeof node.value === 'string' && typeof value === 'number' ? String(value) : value;
    const multiline = node.kind !== 'scalar' && /[\r\n]/.test(this.text.slice(node.outer.start, node.outer.end));
    return [{ span: node.outer, newText: this.render(written, this.indentOf(node.outer.start), multiline) }];
  }

  set(map: MapNode, key: string, value: JsonValue): TextEdit[] | undefined {
    const existing = map.entries.find((entry) => entry.key === key);
    if (existing) return existing.value ? this.replace(existing.value, value) : undefined;
    return this.insert(map.outer, map.entries.map((entry) => entry.span), `${JSON.stringify(key)}: `, value);
  }

  append(seq: SeqNode, item: JsonValue): TextEdit[] | undefined {
    return this.insert(seq.outer, seq.items.map((node) => node.outer), '', item);
  }

  remove(seq: SeqNode, item: TreeNode): TextEdit[] | undefined {
    return removeBetweenSeparators(seq, item);
  }

  /** A member after the last one (`, "key": value`), or the first one of an empty `{}` or `[]`. */
  private insert(container: { start: number; end: number }, members: readonly { start: number; end: number }[], prefix: string, value: JsonValue): TextEdit[] {
    const last = members[members.length - 1];
    const isMultiline = /[\r\n]/.test(this.text.slice(container.start, container.end));
    if (!last) {
      const indent = this.indentOf(container.start);
      const inner = `${indent}${this.unit}`;
      const body = `${prefix}${this.render(value, inner, true)}`;
      return [{ span: { start: container.start + 1, end: container.end - 1 }, newText: `${this.eol}${inner}${body}${this.eol}${indent}` }];
    }
    if (!isMultiline) return [{ span: { start: last.end, end: last.end }, newText: `, ${prefix}${JSON.stringify(value)}` }];
    const indent = this.indentOf(last.start);
    return [{ span: { start: last.end, end: last.end }, newText: `,${this.eol}${indent}${prefix}${this.render(value, indent, true)}` }];
  }

  /** A value at an indentation: on one line, or over lines one level deeper when `multiline`. */
  private render(value: JsonValue, indent: string, multiline: boolean): string {
    if (!multiline || value === null || typeof value !== 'object') return JSON.stringify(value);
    return JSON.stringify(value, null, this.unit).split('\n').join(`${this.eol}${indent}`);
  }

  /** The indentation of the line `offset` is on. */
  private indentOf(offset: number): string {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.text.slice(lineStart, offset))?.[0] ?? '';
  }
}
