import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode, type Tags } from 'yaml';
import type { CachedParse, ParseCache } from '../adapter';
import type { ParseError } from '../../model/network-rule';
import type { Span } from '../../model/span';
import { flattenDeepNesting } from './nesting';
import type { JsonPath, MapEntry, ScalarStyle, TreeNode } from './tree';

/** Larger YAML is generated, not written by a person; parsing it would stall an editor. */
export const MAX_YAML_LENGTH = 5 * 1024 * 1024;
/** Deeper nesting is not infrastructure code; stop before a stack overflow. */
const MAX_DEPTH = 200;

/**
 * Aliases are never expanded (an AliasNode stays an alias), so an alias bomb costs nothing: the
 * `maxAliasCount` cap of `toJS` has nothing to guard, since nothing here calls `toJS`.
 */
export interface YamlDocument {
  readonly root: TreeNode | undefined;
  readonly span: Span;
  /** Where this document's syntax errors are: units that touch one are skipped. */
  readonly errors: readonly Span[];
}

export interface YamlParse {
  readonly documents: readonly YamlDocument[];
  readonly parseErrors: readonly ParseError[];
}

/**
 * Tags (such as CloudFormation's `!Ref`) that may stand on a scalar, a sequence or a mapping; the
 * node keeps the tag's name and the adapter decides what it means.
 */
export function passThroughTags(names: readonly string[]): Tags {
  return names.flatMap((tag) => [
    { tag, resolve: (value: string) => value },
    { tag, collection: 'seq' as const, nodeClass: YAMLSeq },
    { tag, collection: 'map' as const, nodeClass: YAMLMap },
  ]);
}

/** Documents read as trees, by the text of the chunk they were read from, for one set of custom tags. */
interface ParsedChunk {
  /** The chunk's documents as trees, for the offset the chunk started at then. */
  readonly start: number;
  readonly documents: readonly YamlDocument[];
  readonly parseErrors: readonly ParseError[];
}

export class YamlParseCache implements CachedParse {
  constructor(readonly tagsKey: string, readonly chunks: ReadonlyMap<string, ParsedChunk>) {}

  dispose(): void {
    // Plain JavaScript objects: nothing to free.
  }
}

/**
 * Splits a stream before each `---` line, so that each document can be parsed (and kept) on its
 * own: after an edit only the document that changed is parsed again.
 */
function chunksOf(text: string): { start: number; text: string }[] {
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (const match of text.matchAll(marker)) if (match.index > 0) starts.push(match.index);
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

/**
 * The chunks of the last parse made with no cache and no custom tags. Detecting a format parses a
 * file (Kubernetes detection, to tell a Helm template from a manifest) and its adapter then parses
 * the same text again; the second parse reuses the first. One entry, so that memory stays flat.
 */
let lastPlainParse: { readonly text: string; readonly chunks: ReadonlyMap<string, ParsedChunk> } | undefined;

/**
 * Every document of a YAML stream, each as a tree with exact spans. Never throws. With a cache,
 * documents whose text did not change since the last parse are not parsed again.
 */
export function parseYaml(text: string, customTags: Tags = [], cache?: ParseCache, tagsKey = ''): YamlParse {
  if (text.length > MAX_YAML_LENGTH) {
    return { documents: [], parseErrors: [{ message: `YAML longer than ${MAX_YAML_LENGTH} characters is not read`, span: { start: 0, end: 0 } }] };
  }
  const previous = cache?.take(YamlParseCache);
  const plain = customTags.length === 0 && tagsKey === '';
  const reusable = previous?.tagsKey === tagsKey ? previous.chunks : plain && lastPlainParse?.text === text ? lastPlainParse.chunks : undefined;
  const kept = new Map<string, ParsedChunk>();
  const parseErrors: ParseError[] = [];
  const documents: YamlDocument[] = [];
  for (const chunk of chunksOf(text)) {
    const known = kept.get(chunk.text) ?? reusable?.get(chunk.text);
    let read: ParsedChunk;
    if (known && known.start === chunk.start) read = known;
    else if (known) read = shiftChunk(known, chunk.start - known.start);
    else read = readChunk(text, chunk.start, chunk.text, customTags);
    // Two chunks of the same text (two identical documents) keep the first one's entry.
    if (!kept.has(chunk.text)) kept.set(chunk.text, read);
    documents.push(...read.documents);
    parseErrors.push(...read.parseErrors);
  }
  cache?.keep(new YamlParseCache(tagsKey, kept));
  // Trees are never changed once built (a cache hands the same ones to later lints), so sharing them is safe.
  if (plain) lastPlainParse = { text, chunks: kept };
  return { documents, parseErrors };
}

function readChunk(text: string, start: number, chunk: string, customTags: Tags): ParsedChunk {
  // Deep flow nesting is flattened first: the parser takes seconds over 100,000 brackets.
  const result = withoutStackTraces(() => parseAllDocuments(flattenDeepNesting(chunk), { customTags, uniqueKeys: false, strict: false, prettyErrors: false }));
  const parsed = Array.isArray(result) ? result : [];
  const documents: YamlDocument[] = [];
  const parseErrors: ParseError[] = [];
  for (const document of parsed) {
    const errors = document.errors.map((error) => ({ start: start + error.pos[0], end: Math.min(start + error.pos[1], text.length) }));
    for (const [i, error] of document.errors.entries()) parseErrors.push({ message: firstLine(error.message), span: errors[i] });
    const range = document.range;
    documents.push({ root: convert(document.contents, text, start, 0), span: { start: start + range[0], end: start + range[2] }, errors });
  }
  return { start, documents, parseErrors };
}

/**
 * The parser reports each syntax error and warning as an Error object, and V8 records a stack
 * trace in each one: a Helm template yields hundreds, and over the real-world corpus recording
 * them took a tenth or more of the parse. Only their messages and positions are read, so none is recorded.
 */
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A chunk whose text did not change but moved (an edit above it): its trees, every offset moved by `delta`. */
function shiftChunk(chunk: ParsedChunk, delta: number): ParsedChunk {
  const move = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return {
    start: chunk.start + delta,
    documents: chunk.documents.map((document) => ({ root: document.root && shiftNode(document.root, move), span: move(document.span), errors: document.errors.map(move) })),
    parseErrors: chunk.parseErrors.map((error) => ({ message: error.message, span: move(error.span) })),
  };
}

function shiftNode(node: TreeNode, move: (span: Span) => Span): TreeNode {
  const outer = move(node.outer);
  // Collections and plain scalars share one object for both spans; keep it shared.
  const span = node.span === node.outer ? outer : move(node.span);
  const tag = node.tag ? { name: node.tag.name, span: move(node.tag.span) } : undefined;
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, style: node.style, span, outer, path: node.path, tag };
    case 'alias':
      return { kind: 'alias', name: node.name, span, outer, path: node.path, tag };
    case 'seq':
      return { kind: 'seq', flow: node.flow, items: node.items.map((item) => shiftNode(item, move)), span, outer, path: node.path, tag };
    case 'map': {
      const entries: MapEntry[] = [];
      for (const entry of node.entries) {
        entries.push({ key: entry.key, keySpan: move(entry.keySpan), span: move(entry.span), value: entry.value && shiftNode(entry.value, move) });
      }
      return { kind: 'map', flow: node.flow, entries, span, outer, path: node.path, tag };
    }
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

const STYLES: Readonly<Record<string, ScalarStyle>> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
};

function tagOf(node: YamlNode, text: string, start: number): TreeNode['tag'] {
  const name = node.tag;
  // Only explicit local tags (`!Ref`) are kept; the parser resolves `!!str` and friends itself.
  if (!name || !name.startsWith('!') || name.startsWith('!!')) return undefined;
  const at = text.lastIndexOf(name, start);
  return at === -1 ? undefined : { name, span: { start: at, end: at + name.length } };
}

function convert(node: unknown, text: string, base: number, depth: number): TreeNode | undefined {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return undefined;
  if (isScalar(node)) return convertScalar(node, text, base);
  if (isAlias(node)) {
    const [start, end] = shift(node.range, base);
    return { kind: 'alias', name: node.source, span: { start, end }, outer: { start, end }, path: NO_PATH };
  }
  if (isMap(node)) {
    const start = base + (node.range?.[0] ?? 0);
    const entries: MapEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || key.value === null || typeof key.value === 'object') continue;
      const keyText = String(key.value);
      const [keyStart, keyEnd] = shift(key.range, base);
      const value = convert(pair.value, text, base, depth + 1);
      entries.push({ key: keyText, keySpan: { start: keyStart, end: keyEnd }, value, span: { start: keyStart, end: value ? value.outer.end : keyEnd } });
    }
    const end = node.flow ? base + (node.range?.[1] ?? 0) : contentEnd(entries.map((entry) => entry.span.end), start);
    const span = { start, end };
    return { kind: 'map', entries, flow: node.flow === true, span, outer: span, path: NO_PATH, tag: tagOf(node, text, start) };
  }
  if (isSeq(node)) {
    const start = base + (node.range?.[0] ?? 0);
    const items: TreeNode[] = [];
    node.items.forEach((item) => {
      const converted = convert(item, text, base, depth + 1);
      if (converted) items.push(converted);
    });
    const end = node.flow ? base + (node.range?.[1] ?? 0) : contentEnd(items.map((item) => item.outer.end), start);
    const span = { start, end };
    return { kind: 'seq', items, flow: node.flow === true, span, outer: span, path: NO_PATH, tag: tagOf(node, text, start) };
  }
  return undefined;
}

/** YAML edits address nodes by offset, not by path (JSON edits do): every YAML node shares this one. */
const NO_PATH: JsonPath = [];

/** A block collection ends where its last value ends, not after the line breaks the parser counts in. */
function contentEnd(ends: readonly number[], start: number): number {
  return ends.length === 0 ? start : Math.max(...ends);
}

/** A node's range, which the parser counts from the start of its chunk, in the whole text. */
function shift(range: readonly number[] | null | undefined, base: number): [number, number] {
  return [base + (range?.[0] ?? 0), base + (range?.[1] ?? 0)];
}

function convertScalar(node: Scalar, text: string, base: number): TreeNode {
  const [start, end] = shift(node.range, base);
  const style = STYLES[node.type ?? 'PLAIN'] ?? 'plain';
  let outerEnd = end;
  // A plain or block scalar's range can run into the line break; the token ends before it.
  while (outerEnd > start && (style === 'plain' || style === 'block') && /\s/.test(text[outerEnd - 1])) outerEnd--;
  const quoted = style === 'single' || style === 'double';
  const outer = { start, end: outerEnd };
  const span = quoted && outerEnd - start >= 2 ? { start: start + 1, end: outerEnd - 1 } : outer;
  const raw = node.value;
  const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null ? raw : String(raw);
  return { kind: 'scalar', value, style, span, outer, path: NO_PATH, tag: tagOf(node, text, start) };
}
