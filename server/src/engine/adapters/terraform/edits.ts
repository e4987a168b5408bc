import type { TextEdit } from '../../model/network-rule';
import type { Span } from '../../model/span';
import type { HclAttribute, HclBlock, HclValue } from './hcl';

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
  // An existing (empty or placeholder) entry is rewritten: a second one would be a duplicate key.
  const existing = object.entries.find((candidate) => candidate.key === key);
  if (existing) return replace(existing.value.outer, quote(value));
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

/**
 * `name = value` written where `like` stands, padded so its `=` lines up with `like`'s as
 * `terraform fmt` aligns neighbouring attributes; a longer name simply pushes its `=` out.
 */
export function formatAttributeLike(text: string, like: HclAttribute, name: string, value: string): string {
  const equals = text.slice(like.span.start, like.span.end).indexOf('=');
  return `${name.padEnd(equals - 1)} = ${value}`;
}

/** Lines that follow `attribute` in its block, each at the attribute's indentation. */
export function linesAfter(text: string, attribute: HclAttribute, lines: readonly string[]): string {
  const eol = eolOf(text);
  const indent = indentationAt(text, attribute.span.start);
  return lines.map((line) => `${eol}${indent}${line}`).join('');
}

/**
 * Sets attributes of `block` to already formatted values in one change: present ones get their
 * value replaced, missing ones go on their own lines after `anchor` (aligned like it), by default
 * the body's last attribute, so that attributes stay above nested blocks.
 */
export function setAttributes(text: string, block: HclBlock, values: readonly (readonly [name: string, value: string])[], anchor?: HclAttribute): TextEdit[] {
  const at = anchor ?? [...block.attributes.values()].sort((a, b) => b.span.end - a.span.end)[0];
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  let anchorValue: string | undefined;
  for (const [name, value] of values) {
    const attribute = block.attributes.get(name);
    if (!attribute) missing.push(at ? formatAttributeLike(text, at, name, value) : `${name} = ${value}`);
    else if (attribute === at) anchorValue = value;
    else edits.push(replace(attribute.value.outer, value));
  }
  if (!at) return missing.length > 0 ? [...edits, appendToBody(text, block, missing)] : edits;
  // New lines go below a trailing comment, which stays with the line it explains.
  const comment = /^[ \t]*(?:#|\/\/)[^\r\n]*/.exec(text.slice(at.span.end))?.[0] ?? '';
  const lines = missing.length > 0 ? linesAfter(text, at, missing) : '';
  if (comment === '') {
    if (anchorValue !== undefined || lines !== '') edits.push(replace({ start: at.value.outer.start, end: at.span.end }, (anchorValue ?? text.slice(at.value.outer.start, at.span.end)) + lines));
  } else {
    if (anchorValue !== undefined) edits.push(replace(at.value.outer, anchorValue));
    if (lines !== '') edits.push(replace({ start: at.span.end + comment.length, end: at.span.end + comment.length }, lines));
  }
  return edits;
}
