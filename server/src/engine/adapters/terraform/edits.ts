import type { TextEdit } from '../../model/network-rule';
import type { Span } from '../../model/span';
import type { HclBlock, HclValue } from './hcl';

export function replace(span: Span, newText: string): TextEdit {
  return { span, newText };
}

/** A string literal with quotes and escapes as HCL writes it. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
}

/** Replaces a scalar, keeping its kind: a quoted number stays quoted. */
export function replaceScalar(value: HclValue, newValue: string | number): TextEdit | undefined {
  if (value.kind === 'string') return replace(value.outer, quote(String(newValue)));
  if (value.kind === 'number') return typeof newValue === 'number' ? replace(value.outer, String(newValue)) : replace(value.outer, quote(newValue));
  return undefined;
}

function lineStartOf(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index--;
  return index;
}

export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Replaces a tuple's items with `items` (already formatted), keeping it on one line when it was
 * on one line, and one item per line, indented as before, when it was not.
 */
export function rewriteTuple(text: string, tuple: HclValue & { kind: 'tuple' }, items: readonly string[]): TextEdit {
  const original = text.slice(tuple.outer.start, tuple.outer.end);
  if (!/[\r\n]/.test(original) || items.length === 0) return replace(tuple.outer, `[${items.join(', ')}]`);
  const eol = eolOf(text);
  const closingIndent = indentationAt(text, tuple.outer.end - 1);
  const itemIndent = tuple.items.length > 0 ? indentationAt(text, tuple.items[0].outer.start) : `${closingIndent}  `;
  return replace(tuple.outer, `[${eol}${items.map((item) => `${itemIndent}${item},`).join(eol)}${eol}${closingIndent}]`);
}

/** The indentation of a block's body: that of its first member, or the block's own plus two spaces. */
export function bodyIndentation(text: string, block: HclBlock): string {
  const firstMember = [...block.attributes.values()].map((a) => a.span.start).concat(block.blocks.map((b) => b.span.start)).sort((a, b) => a - b)[0];
  if (firstMember !== undefined) return indentationAt(text, firstMember);
  return `${indentationAt(text, block.span.start)}  `;
}

/** Inserts lines (without indentation) as the last members of a block's body. */
export function appendToBody(text: string, block: HclBlock, lines: readonly string[]): TextEdit {
  const eol = eolOf(text);
  const indent = bodyIndentation(text, block);
  let insertAt = block.bodyEnd;
  while (insertAt > block.bodyStart && /\s/.test(text[insertAt - 1])) insertAt--;
  const closingOnSameLine = !/[\r\n]/.test(text.slice(insertAt, block.bodyEnd));
  const body = lines.map((line) => `${indent}${line}`).join(eol);
  const suffix = closingOnSameLine ? `${eol}${indentationAt(text, block.span.start)}` : '';
  return replace({ start: insertAt, end: insertAt }, `${eol}${body}${suffix}`);
}

/**
 * Sets `key = "value"` in the object held by attribute `name` of `block`, creating the attribute
 * when the block has none. Returns undefined when the attribute is an expression.
 */
export function addObjectEntry(text: string, block: HclBlock, name: string, key: string, value: string): TextEdit | undefined {
  const attribute = block.attributes.get(name);
  const entry = `${/^[A-Za-z_][\w-]*$/.test(key) ? key : quote(key)} = ${quote(value)}`;
  if (!attribute) return appendToBody(text, block, [`${name} = {`, `  ${entry}`, '}']);
  const object = attribute.value;
  if (object.kind !== 'object') return undefined;
  const eol = eolOf(text);
  const original = text.slice(object.outer.start, object.outer.end);
  if (object.entries.length === 0) return replace(object.outer, `{ ${entry} }`);
  if (!/[\r\n]/.test(original)) {
    const last = object.entries[object.entries.length - 1];
    return replace({ start: last.span.end, end: last.span.end }, `, ${entry}`);
  }
  const firstEntry = object.entries[0];
  const indent = indentationAt(text, firstEntry.span.start);
  const insertAt = lineStartOf(text, firstEntry.span.start);
  return replace({ start: insertAt, end: insertAt }, `${indent}${entry}${eol}`);
}
