import type { TextEdit } from '../../model/network-rule';
import { fullSpan, type MapNode, type ScalarStyle, type SeqNode, type TreeNode } from './tree';
import { removeBetweenSeparators, type JsonValue, type TreeWriter } from './writer';
import { removeLines } from '../remove-lines';

/** Words YAML 1.1 or 1.2 would read as something other than a string. */
const NOT_A_STRING = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|nan)|0x[0-9a-f]+|0o[0-7]+|\d+(?::\d+)+)$/i;
const SAFE_PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./@-]*$/;

/** A scalar as YAML writes it, in the given quoting style when it has one. */
export function yamlScalar(value: string | number | boolean | null, style: ScalarStyle = 'plain'): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'plain' && SAFE_PLAIN.test(value) && !NOT_A_STRING.test(value)) return value;
  return JSON.stringify(value);
}

function isScalarValue(value: JsonValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function entriesOf(value: JsonValue): [string, JsonValue][] | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as { readonly [key: string]: JsonValue }) : undefined;
}

/** A value inline, as flow YAML: `[a, b]`, `{ k: v }`. */
function flow(value: JsonValue): string {
  if (isScalarValue(value)) return yamlScalar(value);
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map(flow).join(', ')}]`;
  const entries = entriesOf(value) ?? [];
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${yamlScalar(key)}: ${flow(item)}`).join(', ')} }`;
}

export class YamlWriter implements TreeWriter {
  private readonly eol: string;

  constructor(private readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  replace(node: TreeNode, value: JsonValue): TextEdit[] | undefined {
    // `key:` followed by nothing: the value is written after the colon.
    if (node.kind === 'scalar' && node.outer.start === node.outer.end) {
      return [{ span: node.outer, newText: this.after(value, this.indentation(node.outer.start)).replace(/^ (?= )/, '') }];
    }
    if (isScalarValue(value)) {
      const style = node.kind === 'scalar' && !node.tag && node.style !== 'block' ? node.style : 'plain';
      // A number that was written quoted stays quoted, as the user wrote it.
      const written = typeof value === 'number' && (style === 'double' || style === 'single') ? yamlScalar(String(value), style) : yamlScalar(value, style);
      return [{ span: fullSpan(node), newText: written }];
    }
    if (node.kind === 'seq' && !node.flow && Array.isArray(value) && value.length > 0) {
      const column = this.column(node.outer.start);
      const items = (value as readonly JsonValue[]).map((item) => `- ${this.item(item, column)}`);
      return [{ span: fullSpan(node), newText: items.join(`${this.eol}${' '.repeat(column)}`) }];
    }
    if (node.kind === 'map' && !node.flow && entriesOf(value)?.length) {
      const column = this.column(node.outer.start);
      return [{ span: fullSpan(node), newText: this.entries(entriesOf(value) ?? [], column).trimStart() }];
    }
    return [{ span: fullSpan(node), newText: flow(value) }];
  }

  set(map: MapNode, key: string, value: JsonValue): TextEdit[] | undefined {
    const existing = map.entries.find((entry) => entry.key === key);
    if (existing?.value) return this.replace(existing.value, value);
    if (existing) {
      const colon = this.text.indexOf(':', existing.keySpan.end);
      if (colon === -1) return undefined;
      return [{ span: { start: colon + 1, end: colon + 1 }, newText: this.after(value, this.column(existing.keySpan.start)) }];
    }
    if (map.flow) {
      const entry = `${yamlScalar(key)}: ${flow(value)}`;
      if (map.entries.length === 0) return [{ span: map.outer, newText: `{ ${entry} }` }];
      const last = map.entries[map.entries.length - 1];
      return [{ span: { start: last.span.end, end: last.span.end }, newText: `, ${entry}` }];
    }
    if (map.entries.length === 0) return undefined;
    const column = this.column(map.entries[0].keySpan.start);
    const at = this.lineEnd(map.outer.end);
    return [{ span: { start: at, end: at }, newText: `${this.eol}${' '.repeat(column)}${yamlScalar(key)}:${this.after(value, column)}` }];
  }

  append(seq: SeqNode, item: JsonValue): TextEdit[] | undefined {
    if (seq.flow) {
      if (seq.items.length === 0) return [{ span: seq.outer, newText: `[${flow(item)}]` }];
      const last = seq.items[seq.items.length - 1];
      return [{ span: { start: last.outer.end, end: last.outer.end }, newText: `, ${flow(item)}` }];
    }
    const column = this.column(seq.outer.start);
    const at = this.lineEnd(seq.outer.end);
    return [{ span: { start: at, end: at }, newText: `${this.eol}${' '.repeat(column)}- ${this.item(item, column)}` }];
  }

  remove(seq: SeqNode, item: TreeNode): TextEdit[] | undefined {
    if (!seq.items.includes(item) || seq.items.length < 2) return undefined;
    if (seq.flow) return removeBetweenSeparators(seq, item);
    // A block item: from its dash to the end of its last line, with the comments right above it.
    const lineStart = this.text.lastIndexOf('\n', item.outer.start - 1) + 1;
    const dash = /^([ \t]*)-[ \t]+$/.exec(this.text.slice(lineStart, fullSpan(item).start));
    if (!dash) return undefined;
    const edit = removeLines(this.text, { start: lineStart + dash[1].length, end: fullSpan(item).end }, ['#']);
    return edit ? [edit] : undefined;
  }

  /** What follows `key:`: ` value` for a scalar or flow value, or indented block lines. */
  private after(value: JsonValue, column: number): string {
    const entries = entriesOf(value);
    if (entries && entries.length > 0) return this.entries(entries, column + 2);
    if (Array.isArray(value) && value.length > 0) {
      return (value as readonly JsonValue[]).map((item) => `${this.eol}${' '.repeat(column + 2)}- ${this.item(item, column + 2)}`).join('');
    }
    return ` ${flow(value)}`;
  }

  /** Block lines `key: value` at `column`, each after a line break. */
  private entries(entries: readonly [string, JsonValue][], column: number): string {
    return entries.map(([key, value]) => `${this.eol}${' '.repeat(column)}${yamlScalar(key)}:${this.after(value, column)}`).join('');
  }

  /** What follows `- ` at `dashColumn`: a map's first entry stays on the dash's line. */
  private item(value: JsonValue, dashColumn: number): string {
    const entries = entriesOf(value);
    if (entries && entries.length > 0) return this.entries(entries, dashColumn + 2).trimStart();
    return flow(value);
  }

  /** The indentation of the line `offset` is on. */
  private indentation(offset: number): number {
    const lineStart = Math.max(this.text.lastIndexOf('\n', offset - 1) + 1, 0);
    return /^ */.exec(this.text.slice(lineStart, offset))?.[0].length ?? 0;
  }

  private column(offset: number): number {
    const lineStart = Math.max(this.text.lastIndexOf('\n', offset - 1) + 1, 0);
    return offset - lineStart;
  }

  /** New lines go after the end of the line where the collection ends, below a trailing comment. */
  private lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) return this.text.length;
    return this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }
}
