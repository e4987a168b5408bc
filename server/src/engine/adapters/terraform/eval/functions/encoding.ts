import { bool, formatNumber, nullValue, num, object, sortedKeys, str, toText, tuple, unknownValue, type EvalValue, type KnownEval } from '../value';
import { defineFunction, fail, originsOfAll, type TerraformFunction } from './define';

/** jsondecode() of a longer text is not attempted: no rule needs it, and parsing it costs memory. */
const MAX_JSON = 1 << 20;
const MAX_JSON_DEPTH = 32;

/** Go's encoder escapes HTML characters and the two JavaScript line separators; so does Terraform. */
function encodeString(value: string): string {
  let out = '"';
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (character === '"') out += '\\"';
    else if (character === '\\') out += '\\\\';
    else if (character === '\n') out += '\\n';
    else if (character === '\r') out += '\\r';
    else if (character === '\t') out += '\\t';
    else if (code < 0x20 || character === '<' || character === '>' || character === '&' || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += character;
  }
  return `${out}"`;
}

/** Terraform's jsonencode: compact, object keys sorted. Undefined when a part is unknown. */
export function encodeJson(value: EvalValue, depth = 0): string | undefined {
  if (depth > MAX_JSON_DEPTH) return undefined;
  switch (value.kind) {
    case 'string': return encodeString(value.value);
    case 'number': return formatNumber(value.value);
    case 'bool': return value.value ? 'true' : 'false';
    case 'null': return 'null';
    case 'tuple': {
      const items = value.items.map((item) => encodeJson(item, depth + 1));
      return items.some((item) => item === undefined) ? undefined : `[${items.join(',')}]`;
    }
    case 'object': {
      const entries = sortedKeys(value.entries).map((key) => {
        const item = encodeJson(value.entries.get(key)!, depth + 1);
        return item === undefined ? undefined : `${encodeString(key)}:${item}`;
      });
      return entries.some((entry) => entry === undefined) ? undefined : `{${entries.join(',')}}`;
    }
    case 'unknown': return undefined;
  }
}

function fromJson(value: unknown, origins: KnownEval['origins'], depth: number): EvalValue {
  if (depth > MAX_JSON_DEPTH) return unknownValue('the JSON is nested too deeply');
  if (value === null) return nullValue(origins);
  if (typeof value === 'string') return str(value, origins);
  if (typeof value === 'number') return num(value, origins);
  if (typeof value === 'boolean') return bool(value, origins);
  if (Array.isArray(value)) return tuple(value.map((item: unknown) => fromJson(item, origins, depth + 1)), origins);
  if (typeof value === 'object') return object(new Map(Object.entries(value).map(([key, item]) => [key, fromJson(item, origins, depth + 1)])), origins);
  return unknownValue('a JSON value of an unexpected type');
}

const jsonencode = defineFunction({
  name: 'jsonencode',
  arity: [1, 1],
  run: ([value]) => {
    const encoded = encodeJson(value);
    return encoded === undefined ? unknownValue('jsonencode() of a value with unknown parts') : str(encoded, originsOfAll([value]));
  },
});

const jsondecode = defineFunction({
  name: 'jsondecode',
  arity: [1, 1],
  run: ([value]) => {
    const text = toText(value);
    if (text === undefined || text.length > MAX_JSON) return fail('jsondecode', 'needs a string of JSON');
    try {
      return fromJson(JSON.parse(text) as unknown, originsOfAll([value]), 0);
    } catch {
      return fail('jsondecode', 'the string is not JSON');
    }
  },
});

export const encodingFunctions: Readonly<Record<string, TerraformFunction>> = { jsondecode, jsonencode };
