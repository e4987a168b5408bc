import {
  bool,
  equals,
  mergeOrigins,
  num,
  object,
  set,
  sortedKeys,
  str,
  toNumber,
  toText,
  tuple,
  unknownValue,
  type EvalValue,
  type KnownEval,
} from '../value';
import { defineFunction, fail, originsOfAll, type TerraformFunction } from './define';

/** Terraform refuses a `range()` longer than this. */
const MAX_RANGE = 1024;
/** How deep `flatten` goes before giving up on hostile nesting. */
const MAX_FLATTEN_DEPTH = 32;

type TupleValue = Extract<EvalValue, { kind: 'tuple' }>;
type ObjectValue = Extract<EvalValue, { kind: 'object' }>;

function asList(value: KnownEval): TupleValue | undefined {
  return value.kind === 'tuple' ? value : undefined;
}

function asMap(value: KnownEval): ObjectValue | undefined {
  return value.kind === 'object' ? value : undefined;
}

function integer(value: EvalValue): number | undefined {
  const number = toNumber(value);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}

const concat = defineFunction({
  name: 'concat',
  arity: [1, Infinity],
  run: (args) => {
    const lists = args.map(asList);
    if (lists.some((list) => list === undefined)) return fail('concat', 'every argument must be a list');
    return tuple(lists.flatMap((list) => list!.items), mergeOrigins(...args.map((arg) => arg.origins)));
  },
});

function flattenInto(items: readonly EvalValue[], out: EvalValue[], depth: number): string | undefined {
  if (depth > MAX_FLATTEN_DEPTH) return 'the list is nested too deeply';
  for (const item of items) {
    // An unknown element may itself be a list, which would be flattened: the result is unknown.
    if (item.kind === 'unknown') return item.why;
    if (item.kind === 'tuple') {
      const why = flattenInto(item.items, out, depth + 1);
      if (why) return why;
    } else {
      out.push(item);
    }
  }
  return undefined;
}

const flatten = defineFunction({
  name: 'flatten',
  arity: [1, 1],
  run: ([list]) => {
    if (list.kind !== 'tuple') return fail('flatten', 'the argument must be a list');
    const out: EvalValue[] = [];
    const why = flattenInto(list.items, out, 0);
    return why === undefined ? tuple(out, list.origins) : unknownValue(why);
  },
});

const tolist = defineFunction({
  name: 'tolist',
  arity: [1, 1],
  run: ([value]) => (value.kind === 'tuple' ? tuple(value.items, value.origins) : fail('tolist', 'the argument must be a list or a set')),
});

const toset = defineFunction({
  name: 'toset',
  arity: [1, 1],
  run: ([value]) => {
    if (value.kind !== 'tuple') return fail('toset', 'the argument must be a list or a set');
    // Equality of unknown elements is unknown, so the set's size would be too.
    if (value.items.some((item) => item.kind === 'unknown')) return unknownValue('toset() of a list with unknown elements');
    return set(value.items, value.origins);
  },
});

const tomap = defineFunction({
  name: 'tomap',
  arity: [1, 1],
  run: ([value]) => (value.kind === 'object' ? value : fail('tomap', 'the argument must be an object or a map')),
});

const length = defineFunction({
  name: 'length',
  arity: [1, 1],
  run: ([value]) => {
    if (value.kind === 'tuple') return num(value.items.length, value.origins);
    if (value.kind === 'object') return num(value.entries.size, value.origins);
    if (value.kind === 'string') return num([...value.value].length, value.origins);
    return fail('length', `a ${value.kind} has no length`);
  },
});

const element = defineFunction({
  name: 'element',
  arity: [2, 2],
  run: ([list, indexValue]) => {
    const index = integer(indexValue);
    if (list.kind !== 'tuple' || index === undefined || index < 0) return fail('element', 'needs a list and a whole, non-negative index');
    if (list.items.length === 0) return fail('element', 'the list is empty');
    return list.items[index % list.items.length];
  },
});

const index = defineFunction({
  name: 'index',
  arity: [2, 2],
  run: ([list, wanted]) => {
    if (list.kind !== 'tuple') return fail('index', 'the first argument must be a list');
    for (let i = 0; i < list.items.length; i++) {
      const same = equals(list.items[i], wanted);
      if (same === undefined) return unknownValue('index() met an unknown element');
      if (same) return num(i, originsOfAll([list, wanted]));
    }
    return fail('index', 'the value is not in the list');
  },
});

const keys = defineFunction({
  name: 'keys',
  arity: [1, 1],
  run: ([map]) => (map.kind === 'object' ? tuple(sortedKeys(map.entries).map((key) => str(key, map.origins)), map.origins) : fail('keys', 'the argument must be a map')),
});

const values = defineFunction({
  name: 'values',
  arity: [1, 1],
  run: ([map]) => (map.kind === 'object' ? tuple(sortedKeys(map.entries).map((key) => map.entries.get(key)!), map.origins) : fail('values', 'the argument must be a map')),
});

const lookup = defineFunction({
  name: 'lookup',
  arity: [2, 3],
  run: ([map, keyValue, fallback]) => {
    const key = toText(keyValue);
    if (map.kind !== 'object' || key === undefined) return fail('lookup', 'needs a map and a string key');
    return map.entries.get(key) ?? fallback ?? fail('lookup', `the map has no key "${key}" and no default was given`);
  },
});

const merge = defineFunction({
  name: 'merge',
  arity: [0, Infinity],
  run: (args) => {
    const entries = new Map<string, EvalValue>();
    for (const arg of args) {
      if (arg.kind === 'null') continue;
      const map = asMap(arg);
      if (!map) return fail('merge', 'every argument must be a map or an object');
      for (const [key, value] of map.entries) entries.set(key, value);
    }
    return object(entries, mergeOrigins(...args.map((arg) => arg.origins)));
  },
});

const contains = defineFunction({
  name: 'contains',
  arity: [2, 2],
  run: ([list, wanted]) => {
    if (list.kind !== 'tuple') return fail('contains', 'the first argument must be a list or a set');
    let undecided = false;
    for (const item of list.items) {
      const same = equals(item, wanted);
      if (same) return bool(true, originsOfAll([list, wanted]));
      if (same === undefined) undecided = true;
    }
    return undecided ? unknownValue('contains() met an unknown element') : bool(false, originsOfAll([list, wanted]));
  },
});

const distinct = defineFunction({
  name: 'distinct',
  arity: [1, 1],
  run: ([list]) => {
    if (list.kind !== 'tuple') return fail('distinct', 'the argument must be a list');
    if (list.items.some((item) => item.kind === 'unknown')) return unknownValue('distinct() of a list with unknown elements');
    const out: EvalValue[] = [];
    for (const item of list.items) if (!out.some((other) => equals(other, item))) out.push(item);
    return tuple(out, list.origins);
  },
});

const compact = defineFunction({
  name: 'compact',
  arity: [1, 1],
  run: ([list]) => {
    if (list.kind !== 'tuple') return fail('compact', 'the argument must be a list of strings');
    if (list.items.some((item) => item.kind === 'unknown')) return unknownValue('compact() of a list with unknown elements');
    return tuple(list.items.filter((item) => item.kind !== 'null' && !(item.kind === 'string' && item.value === '')), list.origins);
  },
});

const coalesce = defineFunction({
  name: 'coalesce',
  arity: [1, Infinity],
  run: (args) => args.find((arg) => arg.kind !== 'null' && !(arg.kind === 'string' && arg.value === '')) ?? fail('coalesce', 'every argument is null or empty'),
});

const coalescelist = defineFunction({
  name: 'coalescelist',
  arity: [1, Infinity],
  run: (args) => args.find((arg) => arg.kind === 'tuple' && arg.items.length > 0) ?? fail('coalescelist', 'every list is empty'),
});

const zipmap = defineFunction({
  name: 'zipmap',
  arity: [2, 2],
  run: ([keyList, valueList]) => {
    if (keyList.kind !== 'tuple' || valueList.kind !== 'tuple' || keyList.items.length !== valueList.items.length) return fail('zipmap', 'needs two lists of the same length');
    const entries = new Map<string, EvalValue>();
    for (let i = 0; i < keyList.items.length; i++) {
      const key = toText(keyList.items[i]);
      if (key === undefined) return unknownValue('zipmap() met a key that is not a known string');
      entries.set(key, valueList.items[i]);
    }
    return object(entries, mergeOrigins(keyList.origins, valueList.origins));
  },
});

const slice = defineFunction({
  name: 'slice',
  arity: [3, 3],
  run: ([list, startValue, endValue]) => {
    const [start, end] = [integer(startValue), integer(endValue)];
    if (list.kind !== 'tuple' || start === undefined || end === undefined || start < 0 || end > list.items.length || start > end) return fail('slice', 'the indexes are outside the list');
    return tuple(list.items.slice(start, end), list.origins);
  },
});

const reverse = defineFunction({
  name: 'reverse',
  arity: [1, 1],
  run: ([list]) => (list.kind === 'tuple' ? tuple([...list.items].reverse(), list.origins) : fail('reverse', 'the argument must be a list')),
});

const sort = defineFunction({
  name: 'sort',
  arity: [1, 1],
  run: ([list]) => {
    if (list.kind !== 'tuple') return fail('sort', 'the argument must be a list of strings');
    const texts = list.items.map(toText);
    if (texts.some((text) => text === undefined)) return unknownValue('sort() of a list with unknown elements');
    const order = list.items.map((item, i) => ({ item, text: texts[i]! })).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    return tuple(order.map(({ item, text }) => (item.kind === 'string' ? item : str(text, item.kind === 'unknown' ? [] : item.origins))), list.origins);
  },
});

const range = defineFunction({
  name: 'range',
  arity: [1, 3],
  run: (args) => {
    const numbers = args.map(toNumber);
    if (numbers.some((number) => number === undefined)) return fail('range', 'the arguments must be numbers');
    const [start, limit, step] = numbers.length === 1 ? [0, numbers[0]!, 1] : [numbers[0]!, numbers[1]!, numbers[2] ?? (numbers[1]! >= numbers[0]! ? 1 : -1)];
    if (step === 0 || (step > 0 && start > limit) || (step < 0 && start < limit)) return step === 0 ? fail('range', 'the step is zero') : tuple([]);
    const count = Math.ceil((limit - start) / step);
    if (count > MAX_RANGE) return fail('range', `more than ${MAX_RANGE} elements`);
    const origins = originsOfAll(args);
    return tuple(Array.from({ length: count }, (_, i) => num(start + i * step, origins)), origins);
  },
});

const one = defineFunction({
  name: 'one',
  arity: [1, 1],
  run: ([list]) => {
    if (list.kind !== 'tuple' || list.items.length > 1) return fail('one', 'needs a list of at most one element');
    return list.items[0] ?? { kind: 'null', origins: list.origins };
  },
});

const sum = defineFunction({
  name: 'sum',
  arity: [1, 1],
  run: ([list]) => {
    if (list.kind !== 'tuple' || list.items.length === 0) return fail('sum', 'needs a non-empty list of numbers');
    const numbers = list.items.map(toNumber);
    if (numbers.some((number) => number === undefined)) return unknownValue('sum() of a list with unknown elements');
    return num(numbers.reduce((total: number, number) => total + number!, 0), originsOfAll([list]));
  },
});

function setOperation(name: string, combine: (first: readonly EvalValue[], others: readonly (readonly EvalValue[])[]) => EvalValue[]): TerraformFunction {
  return defineFunction({
    name,
    arity: [1, Infinity],
    run: (args) => {
      const lists = args.map(asList);
      if (lists.some((list) => list === undefined)) return fail(name, 'every argument must be a set');
      if (lists.some((list) => list!.items.some((item) => item.kind === 'unknown'))) return unknownValue(`${name}() of a set with unknown elements`);
      const [first, ...others] = lists.map((list) => list!.items);
      return set(combine(first, others), mergeOrigins(...args.map((arg) => arg.origins)));
    },
  });
}

const isIn = (item: EvalValue, list: readonly EvalValue[]): boolean => list.some((other) => equals(other, item) === true);

export const collectionFunctions: Readonly<Record<string, TerraformFunction>> = {
  coalesce,
  coalescelist,
  compact,
  concat,
  contains,
  distinct,
  element,
  flatten,
  index,
  keys,
  length,
  lookup,
  merge,
  one,
  range,
  reverse,
  setintersection: setOperation('setintersection', (first, others) => first.filter((item) => others.every((other) => isIn(item, other)))),
  setsubtract: setOperation('setsubtract', (first, others) => first.filter((item) => !others.some((other) => isIn(item, other)))),
  setunion: setOperation('setunion', (first, others) => [...first, ...others.flat()]),
  slice,
  sort,
  sum,
  tolist,
  tomap,
  toset,
  values,
  zipmap,
};
