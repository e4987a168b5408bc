import type { HclBlock } from '../hcl';
import type { ConfigFile } from './config-file';
import type { Evaluator } from './evaluate';
import type { ModuleInstance } from './module-instance';
import { elementsOf, num, object, toNumber, toText, unknownValue, type EvalValue } from './value';

/** More instances than this are not expanded one by one: the block is read once, its key unknown. */
export const MAX_INSTANCES = 256;

export type InstanceKey = number | string;

export type Expansion =
  | { readonly kind: 'keys'; readonly instances: readonly { readonly key: InstanceKey | undefined; readonly bindings: ReadonlyMap<string, EvalValue> }[] }
  /** count or for_each cannot be known: `bindings` make `count.index` or `each.*` unknown with the reason. */
  | { readonly kind: 'unknown'; readonly why: string; readonly bindings: ReadonlyMap<string, EvalValue> };

/** One instance whose count.index and each.* are unknown: what is read when the keys cannot be. */
export function unknownInstance(why: string): Expansion {
  const value = unknownValue(why);
  return { kind: 'unknown', why, bindings: new Map([['count', object(new Map([['index', value]]))], ['each', object(new Map([['key', value], ['value', value]]))]]) };
}

const SINGLE: Expansion = { kind: 'keys', instances: [{ key: undefined, bindings: new Map() }] };

function unknownExpansion(name: 'count' | 'each', why: string): Expansion {
  const value = unknownValue(why);
  const binding = name === 'count' ? object(new Map([['index', value]])) : object(new Map([['key', value], ['value', value]]));
  return { kind: 'unknown', why, bindings: new Map([[name, binding]]) };
}

/**
 * The instances a resource or module block stands for: one without count or for_each, one per
 * index or key with them, none for `count = 0` or an empty for_each.
 */
export function expandInstances(block: HclBlock, scope: ModuleInstance, file: ConfigFile, evaluator: Evaluator): Expansion {
  const count = block.attributes.get('count');
  const forEach = block.attributes.get('for_each');
  if (count) {
    const value = evaluator.evaluateHcl(count.value, scope.context(file, 'count'));
    if (value.kind === 'unknown') return unknownExpansion('count', `count is unknown: ${value.why}`);
    const total = toNumber(value);
    if (total === undefined || !Number.isInteger(total) || total < 0) return unknownExpansion('count', 'count is not a whole number');
    if (total > MAX_INSTANCES) return unknownExpansion('count', `count is ${total}, more instances than are read one by one`);
    const origins = value.origins;
    return { kind: 'keys', instances: Array.from({ length: total }, (_, index) => ({ key: index, bindings: new Map([['count', object(new Map([['index', num(index, origins)]]))]]) })) };
  }
  if (forEach) {
    const value = evaluator.evaluateHcl(forEach.value, scope.context(file, 'for_each'));
    if (value.kind === 'unknown') return unknownExpansion('each', `for_each is unknown: ${value.why}`);
    if (value.kind === 'tuple' && !value.isSet) return unknownExpansion('each', 'for_each needs a map or a set, not a list');
    const elements = elementsOf(value);
    if (!elements) return unknownExpansion('each', `for_each needs a map or a set, not a ${value.kind}`);
    if (elements.length > MAX_INSTANCES) return unknownExpansion('each', `for_each has ${elements.length} elements, more than are read one by one`);
    const instances: { key: InstanceKey; bindings: ReadonlyMap<string, EvalValue> }[] = [];
    for (const element of elements) {
      const key = toText(element.key);
      if (key === undefined) return unknownExpansion('each', 'a for_each key is not a known string');
      instances.push({ key, bindings: new Map([['each', object(new Map([['key', element.key], ['value', element.value]]))]]) });
    }
    return { kind: 'keys', instances };
  }
  return SINGLE;
}
