import type { TextEdit } from './model/network-rule';

/** Applies edits that do not overlap; throws on overlapping edits, which would corrupt the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) throw new Error(`overlapping edits at offset ${edit.span.start}`);
    result += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return result + text.slice(cursor);
}

/** Keeps the edit groups that overlap no group kept before them, in the given order. */
export function nonOverlapping<T extends { readonly edits: readonly TextEdit[] }>(groups: readonly T[]): T[] {
  const taken: { start: number; end: number }[] = [];
  const kept: T[] = [];
  for (const group of groups) {
    const clashes = group.edits.some((edit) =>
      taken.some((span) => edit.span.start < span.end && span.start < edit.span.end || (edit.span.start === edit.span.end && edit.span.start === span.start)),
    );
    if (clashes) continue;
    kept.push(group);
    for (const edit of group.edits) taken.push(edit.span);
  }
  return kept;
}
