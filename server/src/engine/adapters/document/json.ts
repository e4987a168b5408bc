import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsoncError } from 'jsonc-parser';
import type { ParseError } from '../../model/network-rule';
import type { Span } from '../../model/span';
import { flattenDeepNesting } from './nesting';
import type { JsonPath, MapEntry, TreeNode } from './tree';

/** Exports of thousands of groups are a few MB; beyond this the file is not something to lint in an editor. */
export const MAX_JSON_LENGTH = 10 * 1024 * 1024;
const MAX_DEPTH = 200;

export interface JsonParse {
  readonly root: TreeNode | undefined;
  /** Where the syntax errors are: units that touch one are skipped. */
  readonly errors: readonly Span[];
  readonly parseErrors: readonly ParseError[];
}

/** Whether the text starts like a JSON object or array (after white space and a BOM): how formats that may be YAML or JSON tell. */
export function looksLikeJson(text: string): boolean {
  return /^[\s\uFEFF]*[{[]/.test(text);
}

/** A JSON document as a tree with exact spans; a broken one keeps every value that was complete. Never throws. */
export function parseJson(text: string): JsonParse {
  if (text.length > MAX_JSON_LENGTH) {
    const span = { start: 0, end: 0 };
    return { root: undefined, errors: [span], parseErrors: [{ message: `JSON longer than ${MAX_JSON_LENGTH} characters is not read`, span }] };
  }
  const raw: JsoncError[] = [];
  // A byte order mark (Windows tools write one) is not a syntax error; a space keeps every offset.
  // Deep nesting is flattened first: jsonc-parser recurses and would overflow the stack.
  const tree = parseTree(flattenDeepNesting(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text), raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const errors = raw.map((error) => ({ start: error.offset, end: error.offset + error.length }));
  const parseErrors = raw.map((error, i) => ({ message: printParseErrorCode(error.error), span: errors[i] }));
  return { root: tree ? convert(tree, [], 0) : undefined, errors, parseErrors };
}

function spanOf(node: JsonNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function convert(node: JsonNode, path: JsonPath, depth: number): TreeNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const outer = spanOf(node);
  switch (node.type) {
    case 'object': {
      const entries: MapEntry[] = [];
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        const value = valueNode ? convert(valueNode, [...path, key], depth + 1) : undefined;
        entries.push({ key, keySpan: spanOf(keyNode), value, span: spanOf(property) });
      }
      return { kind: 'map', entries, flow: true, span: outer, outer, path };
    }
    case 'array': {
      const items: TreeNode[] = [];
      (node.children ?? []).forEach((child, index) => {
        const converted = convert(child, [...path, index], depth + 1);
        if (converted) items.push(converted);
      });
      return { kind: 'seq', items, flow: true, span: outer, outer, path };
    }
    case 'string': {
      const span = outer.end - outer.start >= 2 ? { start: outer.start + 1, end: outer.end - 1 } : outer;
      return { kind: 'scalar', value: typeof node.value === 'string' ? node.value : '', style: 'json', span, outer, path };
    }
    case 'number':
    case 'boolean':
    case 'null': {
      const value: unknown = node.value;
      const scalar = typeof value === 'number' || typeof value === 'boolean' ? value : null;
      return { kind: 'scalar', value: scalar, style: 'json', span: outer, outer, path };
    }
    default:
      return undefined;
  }
}
