import type { TextEdit } from '../../model/network-rule';
import type { MapNode, SeqNode, TreeNode } from './tree';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Writes changes to a YAML or JSON document in its own syntax, keeping the formatting around
 * them. Each method returns undefined when it cannot write the change safely.
 */
export interface TreeWriter {
  /** Replaces a value (a `!Ref` tag and all) with a literal. */
  replace(node: TreeNode, value: JsonValue): TextEdit[] | undefined;
  /** Sets `key` in a map: its value is replaced, or a new entry goes after the last one. */
  set(map: MapNode, key: string, value: JsonValue): TextEdit[] | undefined;
  /** Adds an item at the end of a sequence. */
  append(seq: SeqNode, item: JsonValue): TextEdit[] | undefined;
  /** Deletes one item of a sequence that holds others (an emptied list would read as null in YAML). */
  remove(seq: SeqNode, item: TreeNode): TextEdit[] | undefined;
}

/**
 * Deletes an item of a one-line or JSON sequence with the separator beside it: the one after it,
 * or before it when it is the last. The formatting of the other items stays as it was.
 */
export function removeBetweenSeparators(seq: SeqNode, item: TreeNode): TextEdit[] | undefined {
  const index = seq.items.indexOf(item);
  if (index === -1 || seq.items.length < 2) return undefined;
  const next = seq.items[index + 1];
  const span = next ? { start: item.outer.start, end: next.outer.start } : { start: seq.items[index - 1].outer.end, end: item.outer.end };
  return [{ span, newText: '' }];
}

/**
 * Sets a value under nested keys, creating the maps that are missing: `setPath(writer, metadata,
 * ['labels', 'owner'], 'TODO')` adds `labels:` when there is none. Undefined when a key on the
 * way holds something other than a map.
 */
export function setPath(writer: TreeWriter, map: MapNode, keys: readonly string[], value: JsonValue): TextEdit[] | undefined {
  const [first, ...rest] = keys;
  if (first === undefined) return undefined;
  if (rest.length === 0) return writer.set(map, first, value);
  const existing = map.entries.find((entry) => entry.key === first);
  if (!existing) return writer.set(map, first, nest(rest, value));
  if (existing.value?.kind !== 'map') return undefined;
  return setPath(writer, existing.value, rest, value);
}

function nest(keys: readonly string[], value: JsonValue): JsonValue {
  return keys.reduceRight<JsonValue>((inner, key) => ({ [key]: inner }), value);
}

/**
 * Two fields added to one map are two inserts at the same place, which would apply in either
 * order: they become one insert, in the order written. Any other overlap is not safe.
 */
export function mergeInserts(edits: readonly TextEdit[]): TextEdit[] | undefined {
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const same = merged.findIndex((other) => other.span.start === edit.span.start && other.span.end === edit.span.end);
    if (same === -1) merged.push(edit);
    else if (edit.span.start === edit.span.end) merged[same] = { span: edit.span, newText: merged[same].newText + edit.newText };
    else return undefined;
  }
  return merged;
}
