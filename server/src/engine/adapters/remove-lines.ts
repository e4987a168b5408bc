import type { TextEdit } from '../model/network-rule';
import type { Span } from '../model/span';

interface Line {
  readonly start: number;
  /** Just past the line break, or the end of the text. */
  readonly end: number;
  readonly content: string;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline + 1;
  return { start, end, content: text.slice(start, newline === -1 ? text.length : newline).replace(/\r$/, '') };
}

function lineBefore(text: string, line: Line): Line | undefined {
  return line.start === 0 ? undefined : lineAt(text, line.start - 1);
}

function lineAfter(text: string, line: Line): Line | undefined {
  return line.end >= text.length ? undefined : lineAt(text, line.end);
}

const isBlank = (line: Line | undefined): boolean => line !== undefined && line.content.trim() === '';

/**
 * Deletes what `span` holds together with its lines: the line break after it, the comment lines
 * right above it (they describe it), and one blank line where it sat between two, so that the
 * blank lines around stay as they were. Undefined when something else shares its first or last
 * line (`ingress { ... } egress { ... }` on one line): deleting whole lines would take that too.
 */
export function removeLines(text: string, span: Span, commentPrefixes: readonly string[]): TextEdit | undefined {
  const first = lineAt(text, span.start);
  const last = lineAt(text, Math.max(span.start, span.end - 1));
  if (text.slice(first.start, span.start).trim() !== '') return undefined;
  const after = text.slice(span.end, last.end).trim();
  // A trailing comma of a list item goes with it; anything else stays, so the lines do too.
  if (after !== '' && after !== ',') return undefined;
  let top = first;
  for (let above = lineBefore(text, top); above && commentPrefixes.some((prefix) => above!.content.trimStart().startsWith(prefix)); above = lineBefore(text, above)) top = above;
  let start = top.start;
  let end = last.end;
  const before = lineBefore(text, top);
  const next = lineAfter(text, last);
  const closesParent = next === undefined || /^\s*[}\]]/.test(next.content);
  const opensParent = before === undefined || /[{[]\s*$/.test(before.content);
  if (isBlank(next) && (isBlank(before) || opensParent)) end = next!.end;
  else if (isBlank(before) && closesParent) start = before!.start;
  return { span: { start, end }, newText: '' };
}
