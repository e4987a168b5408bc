import type { Span } from '../../../model/span';

/**
 * Where a literal that took part in a value is written: a variable default, a tfvars line, a
 * local, a module argument, a `for_each` collection. `label` names the definition.
 */
export interface Origin {
  readonly label: string;
  readonly path: string;
  readonly span: Span;
}

/**
 * A value as Terraform computes it, or unknown. Known values carry the origins of the literals
 * they were made from, which are empty for a literal written where it is used.
 */
export type EvalValue =
  | { readonly kind: 'string'; readonly value: string; readonly origins: readonly Origin[] }
  | { readonly kind: 'number'; readonly value: number; readonly origins: readonly Origin[] }
  | { readonly kind: 'bool'; readonly value: boolean; readonly origins: readonly Origin[] }
  | { readonly kind: 'null'; readonly origins: readonly Origin[] }
  /** Lists, tuples and sets; a set keeps its elements sorted and distinct, as Terraform orders them. */
  | { readonly kind: 'tuple'; readonly items: readonly EvalValue[]; readonly isSet: boolean; readonly origins: readonly Origin[] }
  /** Objects and maps; iteration always goes by sorted key, as Terraform's does. */
  | { readonly kind: 'object'; readonly entries: ReadonlyMap<string, EvalValue>; readonly origins: readonly Origin[] }
  | { readonly kind: 'unknown'; readonly why: string };

export type KnownEval = Exclude<EvalValue, { kind: 'unknown' }>;
export type Primitive = Extract<EvalValue, { kind: 'string' | 'number' | 'bool' }>;

const NONE: readonly Origin[] = [];
/** A computed value names a few sources, not all of them: a message has to stay readable. */
const MAX_ORIGINS = 3;

export function str(value: string, origins: readonly Origin[] = NONE): EvalValue {
  return { kind: 'string', value, origins };
}

export function num(value: number, origins: readonly Origin[] = NONE): EvalValue {
  return Number.isFinite(value) ? { kind: 'number', value, origins } : unknownValue(`${value} is not a finite number`);
}

export function bool(value: boolean, origins: readonly Origin[] = NONE): EvalValue {
  return { kind: 'bool', value, origins };
}

export function nullValue(origins: readonly Origin[] = NONE): EvalValue {
  return { kind: 'null', origins };
}

export function tuple(items: readonly EvalValue[], origins: readonly Origin[] = NONE): EvalValue {
  return { kind: 'tuple', items, isSet: false, origins };
}

export function object(entries: ReadonlyMap<string, EvalValue>, origins: readonly Origin[] = NONE): EvalValue {
  return { kind: 'object', entries, origins };
}

export function unknownValue(why: string): EvalValue {
  return { kind: 'unknown', why };
}

/** A set of the given elements: distinct and ordered as Terraform orders a set of primitives. */
export function set(items: readonly EvalValue[], origins: readonly Origin[] = NONE): EvalValue {
  const distinct: EvalValue[] = [];
  for (const item of items) if (!distinct.some((other) => equals(other, item) === true)) distinct.push(item);
  if (distinct.every((item) => item.kind === 'string')) distinct.sort((a, b) => compareStrings(stringOf(a), stringOf(b)));
  else if (distinct.every((item) => item.kind === 'number')) distinct.sort((a, b) => numberOf(a) - numberOf(b));
  return { kind: 'tuple', items: distinct, isSet: true, origins };
}

function stringOf(value: EvalValue): string {
  return value.kind === 'string' ? value.value : '';
}

function numberOf(value: EvalValue): number {
  return value.kind === 'number' ? value.value : 0;
}

/** Byte-wise, as Go sorts strings, rather than by locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedKeys(entries: ReadonlyMap<string, EvalValue>): string[] {
  return [...entries.keys()].sort(compareStrings);
}

/** Merges origin lists without repeats, keeping the first few. */
export function mergeOrigins(...lists: readonly (readonly Origin[])[]): readonly Origin[] {
  const merged: Origin[] = [];
  for (const list of lists) {
    for (const origin of list) {
      if (merged.length >= MAX_ORIGINS) return merged;
      if (!merged.some((other) => other.path === origin.path && other.span.start === origin.span.start && other.label === origin.label)) merged.push(origin);
    }
  }
  return merged.length === 0 ? NONE : merged;
}

/** Every origin inside a value (its own first), for a result computed from the whole of it. */
export function deepOrigins(value: EvalValue): readonly Origin[] {
  if (value.kind === 'unknown') return NONE;
  const lists: (readonly Origin[])[] = [value.origins];
  const visit = (inner: EvalValue): void => {
    if (lists.length > 64 || inner.kind === 'unknown') return;
    lists.push(inner.origins);
    if (inner.kind === 'tuple') inner.items.forEach(visit);
    else if (inner.kind === 'object') inner.entries.forEach(visit);
  };
  if (value.kind === 'tuple') value.items.forEach(visit);
  else if (value.kind === 'object') value.entries.forEach(visit);
  return mergeOrigins(...lists);
}

/** Terraform's string form of a primitive: numbers without a trailing `.0`, booleans as words. */
export function toText(value: EvalValue): string | undefined {
  switch (value.kind) {
    case 'string': return value.value;
    case 'number': return formatNumber(value.value);
    case 'bool': return value.value ? 'true' : 'false';
    default: return undefined;
  }
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/** A number, or a string that reads as one, as Terraform converts it. */
export function toNumber(value: EvalValue): number | undefined {
  if (value.kind === 'number') return value.value;
  if (value.kind === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(value.value)) return Number(value.value);
  return undefined;
}

export function toBool(value: EvalValue): boolean | undefined {
  if (value.kind === 'bool') return value.value;
  if (value.kind === 'string' && (value.value === 'true' || value.value === 'false')) return value.value === 'true';
  return undefined;
}

/** Deep equality of known values; undefined when an unknown part decides it. */
export function equals(a: EvalValue, b: EvalValue): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string': case 'number': case 'bool':
      return a.value === (b as Primitive).value;
    case 'null':
      return true;
    case 'tuple': {
      const other = b as Extract<EvalValue, { kind: 'tuple' }>;
      if (a.items.length !== other.items.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const same = equals(a.items[i], other.items[i]);
        if (same === false) return false;
        if (same === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      const other = b as Extract<EvalValue, { kind: 'object' }>;
      if (a.entries.size !== other.entries.size) return false;
      let result: boolean | undefined = true;
      for (const [key, item] of a.entries) {
        const counterpart = other.entries.get(key);
        if (!counterpart) return false;
        const same = equals(item, counterpart);
        if (same === false) return false;
        if (same === undefined) result = undefined;
      }
      return result;
    }
  }
}

/** Elements to iterate: a tuple's items by index, an object's values by sorted key. */
export function elementsOf(value: EvalValue): { key: EvalValue; value: EvalValue }[] | undefined {
  if (value.kind === 'tuple') return value.items.map((item, index) => ({ key: value.isSet ? item : num(index), value: item }));
  if (value.kind === 'object') return sortedKeys(value.entries).map((key) => ({ key: str(key), value: value.entries.get(key)! }));
  return undefined;
}
