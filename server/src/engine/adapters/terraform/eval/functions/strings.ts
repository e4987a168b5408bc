import { str, toNumber, toText, tuple, unknownValue, type EvalValue, type KnownEval } from '../value';
import { encodeJson } from './encoding';
import { defineFunction, fail, originsOfAll, type TerraformFunction } from './define';

/** Longer results are not built: no security group needs them, and a hostile file could ask for gigabytes. */
export const MAX_STRING = 1 << 20;

function text(name: string, run: (value: string) => string): TerraformFunction {
  return defineFunction({
    name,
    arity: [1, 1],
    run: ([value]) => {
      const input = toText(value);
      return input === undefined ? fail(name, 'the argument must be a string') : str(run(input), originsOfAll([value]));
    },
  });
}

function texts(name: string, count: number, run: (values: string[]) => string | boolean): TerraformFunction {
  return defineFunction({
    name,
    arity: [count, count],
    run: (args) => {
      const inputs = args.map(toText);
      if (inputs.some((input) => input === undefined)) return fail(name, 'the arguments must be strings');
      const result = run(inputs as string[]);
      const origins = originsOfAll(args);
      return typeof result === 'string' ? str(result, origins) : { kind: 'bool', value: result, origins };
    },
  });
}

/**
 * One `format` verb applied to one argument: %s %v %d %f %t %q and their width and precision,
 * as Terraform's (Go's) fmt writes them. Undefined for verbs it does not follow (%x, %e, flags).
 */
function formatVerb(verb: string, flags: string, width: string, precision: string, value: KnownEval): string | undefined {
  let out: string | undefined;
  switch (verb) {
    case 's': case 'v':
      out = value.kind === 'tuple' || value.kind === 'object' ? (verb === 'v' ? encodeJson(value) : undefined) : toText(value);
      break;
    case 'q': {
      const inner = toText(value);
      out = inner === undefined ? undefined : JSON.stringify(inner);
      break;
    }
    case 'd': {
      const number = toNumber(value);
      out = number !== undefined && Number.isInteger(number) ? number.toFixed(0) : undefined;
      break;
    }
    case 'f': {
      const number = toNumber(value);
      out = number === undefined ? undefined : number.toFixed(precision === '' ? 6 : Number(precision));
      break;
    }
    case 't':
      out = value.kind === 'bool' ? String(value.value) : undefined;
      break;
    default:
      return undefined;
  }
  if (out === undefined || (flags !== '' && flags !== '-' && flags !== '0')) return undefined;
  if (verb === 's' && precision !== '') out = [...out].slice(0, Number(precision)).join('');
  const pad = width === '' ? 0 : Number(width) - [...out].length;
  if (pad <= 0) return out;
  if (flags === '-') return out + ' '.repeat(pad);
  return (flags === '0' && (verb === 'd' || verb === 'f') ? '0' : ' ').repeat(pad) + out;
}

const VERB = /%([-0]?)(\d{0,3})(?:\.(\d{1,2}))?([a-zA-Z%])/g;

export function formatString(template: string, args: readonly KnownEval[]): string | undefined {
  let next = 0;
  let failed = false;
  const out = template.replace(VERB, (_whole, flags: string, width: string, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const value = args[next++];
    const written = value === undefined ? undefined : formatVerb(verb, flags, width, precision ?? '', value);
    if (written === undefined) failed = true;
    return written ?? '';
  });
  return failed || out.length > MAX_STRING ? undefined : out;
}

const format = defineFunction({
  name: 'format',
  arity: [1, Infinity],
  run: ([template, ...args]) => {
    const pattern = toText(template);
    const out = pattern === undefined ? undefined : formatString(pattern, args);
    return out === undefined ? fail('format', 'a verb or an argument it cannot write') : str(out, originsOfAll([template, ...args]));
  },
});

const formatlist = defineFunction({
  name: 'formatlist',
  arity: [1, Infinity],
  run: ([template, ...args]) => {
    const pattern = toText(template);
    const lengths = args.filter((arg) => arg.kind === 'tuple').map((arg) => (arg.kind === 'tuple' ? arg.items.length : 0));
    if (pattern === undefined || lengths.some((count) => count !== lengths[0])) return fail('formatlist', 'the lists must have the same length');
    const rows: EvalValue[] = [];
    for (let i = 0; i < (lengths[0] ?? 1); i++) {
      const row = args.map((arg) => (arg.kind === 'tuple' ? arg.items[i] : arg));
      if (row.some((item) => item.kind === 'unknown')) return unknownValue('formatlist() met an unknown element');
      const out = formatString(pattern, row as KnownEval[]);
      if (out === undefined) return fail('formatlist', 'a verb or an argument it cannot write');
      rows.push(str(out, originsOfAll(row)));
    }
    return tuple(rows, originsOfAll([template]));
  },
});

const join = defineFunction({
  name: 'join',
  arity: [2, Infinity],
  run: ([separator, ...lists]) => {
    const glue = toText(separator);
    const parts: string[] = [];
    for (const list of lists) {
      if (list.kind !== 'tuple') return fail('join', 'needs lists of strings');
      for (const item of list.items) {
        const part = toText(item);
        if (part === undefined) return item.kind === 'unknown' ? item : fail('join', 'the lists must hold strings');
        parts.push(part);
      }
    }
    const out = glue === undefined ? undefined : parts.join(glue);
    return out === undefined || out.length > MAX_STRING ? fail('join', 'the separator must be a string') : str(out, originsOfAll([separator, ...lists]));
  },
});

const split = defineFunction({
  name: 'split',
  arity: [2, 2],
  run: ([separator, value]) => {
    const [glue, input] = [toText(separator), toText(value)];
    if (glue === undefined || input === undefined) return fail('split', 'the arguments must be strings');
    const origins = originsOfAll([separator, value]);
    const parts = input === '' ? [''] : glue === '' ? [...input] : input.split(glue);
    return tuple(parts.map((part) => str(part, origins)), origins);
  },
});

const replace = defineFunction({
  name: 'replace',
  arity: [3, 3],
  run: (args) => {
    const [input, search, replacement] = args.map(toText);
    if (input === undefined || search === undefined || replacement === undefined) return fail('replace', 'the arguments must be strings');
    // A /regex/ search follows Go's RE2, which JavaScript's engine does not match.
    if (search.length >= 2 && search.startsWith('/') && search.endsWith('/')) return unknownValue('replace() with a regular expression is not evaluated');
    const out = search === '' ? input : input.split(search).join(replacement);
    return out.length > MAX_STRING ? fail('replace', 'the result is too long') : str(out, originsOfAll(args));
  },
});

const substr = defineFunction({
  name: 'substr',
  arity: [3, 3],
  run: ([value, offsetValue, lengthValue]) => {
    const [input, offset, count] = [toText(value), toNumber(offsetValue), toNumber(lengthValue)];
    if (input === undefined || offset === undefined || count === undefined) return fail('substr', 'needs a string, an offset and a length');
    const characters = [...input];
    const start = offset < 0 ? characters.length + offset : offset;
    if (start < 0 || start > characters.length) return fail('substr', 'the offset is outside the string');
    return str(characters.slice(start, count < 0 ? undefined : start + count).join(''), originsOfAll([value, offsetValue, lengthValue]));
  },
});

const trim = texts('trim', 2, ([input, cutset]) => {
  const characters = new Set([...cutset]);
  const chars = [...input];
  let start = 0;
  let end = chars.length;
  while (start < end && characters.has(chars[start])) start++;
  while (end > start && characters.has(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
});

export const stringFunctions: Readonly<Record<string, TerraformFunction>> = {
  chomp: text('chomp', (value) => value.replace(/(?:\r\n|\n|\r)+$/, '')),
  endswith: texts('endswith', 2, ([input, suffix]) => input.endsWith(suffix)),
  format,
  formatlist,
  join,
  lower: text('lower', (value) => value.toLowerCase()),
  replace,
  split,
  startswith: texts('startswith', 2, ([input, prefix]) => input.startsWith(prefix)),
  strrev: text('strrev', (value) => [...value].reverse().join('')),
  substr,
  title: text('title', (value) => value.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_whole, before: string, letter: string) => before + letter.toUpperCase())),
  tostring: defineFunction({
    name: 'tostring',
    arity: [1, 1],
    run: ([value]) => (value.kind === 'null' ? value : toText(value) === undefined ? fail('tostring', 'only a primitive converts to a string') : str(toText(value)!, value.origins)),
  }),
  trim,
  trimprefix: texts('trimprefix', 2, ([input, prefix]) => (input.startsWith(prefix) ? input.slice(prefix.length) : input)),
  trimspace: text('trimspace', (value) => value.trim()),
  trimsuffix: texts('trimsuffix', 2, ([input, suffix]) => (suffix !== '' && input.endsWith(suffix) ? input.slice(0, -suffix.length) : input)),
  upper: text('upper', (value) => value.toUpperCase()),
};
