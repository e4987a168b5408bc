import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { LineMap, TextEdit } from '../engine/index';
import type { ClientSupport } from './capabilities';
import { toRange } from './diagnostics';

export function toTextEdits(lines: LineMap, edits: readonly TextEdit[]): LspTextEdit[] {
  return [...edits]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .map((edit) => ({ range: toRange(lines, edit.span), newText: edit.newText }));
}

/**
 * Edits of one document version. Versioned (documentChanges) where the client supports it, so
 * an edit computed for an older version is refused instead of landing in the wrong place.
 */
export function toWorkspaceEdit(target: { uri: string; version: number; lines: LineMap }, edits: readonly TextEdit[], support: ClientSupport): WorkspaceEdit {
  const textEdits = toTextEdits(target.lines, edits);
  if (support.documentChanges) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits: textEdits }] };
  return { changes: { [target.uri]: textEdits } };
}

/** The smallest single edit that turns `before` into `after`, as fix-all's several passes end up. */
export function diffAsEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { span: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}
