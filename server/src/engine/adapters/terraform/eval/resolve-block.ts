import type { Span } from '../../../model/span';
import type { HclAttribute, HclBlock, HclObjectEntry, HclValue } from '../hcl';
import type { ConfigFile } from './config-file';
import type { Dependency } from './evaluate';
import { MAX_INSTANCES } from './instances';
import type { ModuleInstance } from './module-instance';
import type { OriginWriter } from './origin-text';
import { deepOrigins, elementsOf, object, type EvalValue } from './value';

/**
 * An expression of the document replaced by its value. Findings on its span depend on the
 * value's origin; an edit there would rewrite the expression, so fixes must leave it alone.
 */
export interface ResolvedRoot {
  readonly span: Span;
  /** Where the value (all of it) was written, as messages say it. */
  readonly origin: string | undefined;
  readonly dependencies: ReadonlySet<Dependency>;
}

const NO_DEPENDENCIES: ReadonlySet<Dependency> = new Set();
const hasExpressionsCache = new WeakMap<HclBlock, boolean>();

function valueHasExpressions(value: HclValue): boolean {
  if (value.kind === 'expression') return true;
  if (value.kind === 'tuple') return value.items.some(valueHasExpressions);
  if (value.kind === 'object') return value.entries.some((entry) => valueHasExpressions(entry.value));
  return false;
}

/** Whether anything in a block needs evaluating; memoised per block, which the parse cache reuses. */
function hasExpressions(block: HclBlock): boolean {
  let known = hasExpressionsCache.get(block);
  if (known === undefined) {
    known = block.blocks.some((child) => child.type === 'dynamic' || hasExpressions(child)) || [...block.attributes.values()].some((attribute) => valueHasExpressions(attribute.value));
    hasExpressionsCache.set(block, known);
  }
  return known;
}

function union(a: ReadonlySet<Dependency>, b: ReadonlySet<Dependency>): ReadonlySet<Dependency> {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  return new Set([...a, ...b]);
}

/**
 * Replaces the expressions of a block with their values, as far as they are known, and expands
 * its `dynamic` blocks. Literal parts are left as they are (the same objects), so a block with
 * nothing to evaluate comes back unchanged.
 */
export class BlockResolver {
  readonly roots: ResolvedRoot[] = [];

  constructor(
    private readonly instance: ModuleInstance,
    private readonly file: ConfigFile,
    private readonly origins: OriginWriter,
  ) {}

  resolve(block: HclBlock, bindings: ReadonlyMap<string, EvalValue>, inherited: ReadonlySet<Dependency> = NO_DEPENDENCIES): HclBlock {
    if (!hasExpressions(block)) return block;
    let changed = false;
    const attributes = new Map<string, HclAttribute>();
    for (const [name, attribute] of block.attributes) {
      const value = this.value(attribute.value, bindings, inherited);
      if (value !== attribute.value) changed = true;
      attributes.set(name, value === attribute.value ? attribute : { ...attribute, value });
    }
    const blocks: HclBlock[] = [];
    for (const child of block.blocks) {
      if (child.type === 'dynamic') {
        blocks.push(...this.dynamic(child, bindings, inherited));
        changed = true;
        continue;
      }
      const resolved = this.resolve(child, bindings, inherited);
      if (resolved !== child) changed = true;
      blocks.push(resolved);
    }
    return changed ? { ...block, attributes, blocks } : block;
  }

  private value(value: HclValue, bindings: ReadonlyMap<string, EvalValue>, inherited: ReadonlySet<Dependency>): HclValue {
    switch (value.kind) {
      case 'expression': {
        const evaluator = this.instance.host.evaluator;
        const { value: result, dependencies } = evaluator.trace(() => evaluator.evaluateHcl(value, this.instance.context(this.file, undefined, bindings)));
        // An unknown keeps its expression as written, so what says why stays the same.
        if (result.kind === 'unknown') return value;
        this.roots.push({ span: value.outer, origin: this.origins.write(deepOrigins(result)), dependencies: union(dependencies, inherited) });
        return this.toHcl(result, value.outer);
      }
      case 'tuple': {
        const items = value.items.map((item) => this.value(item, bindings, inherited));
        return items.some((item, i) => item !== value.items[i]) ? { ...value, items } : value;
      }
      case 'object': {
        const entries = value.entries.map((entry): HclObjectEntry => {
          const inner = this.value(entry.value, bindings, inherited);
          return inner === entry.value ? entry : { ...entry, value: inner };
        });
        return entries.some((entry, i) => entry !== value.entries[i]) ? { ...value, entries } : value;
      }
      default:
        return value;
    }
  }

  /** A computed value written where the expression stood: every part points at the expression. */
  private toHcl(value: EvalValue, span: Span): HclValue {
    if (value.kind === 'unknown') return { kind: 'expression', text: value.why, span, outer: span, why: value.why, resolved: { origin: undefined } };
    const resolved = { origin: this.origins.write(value.origins) };
    switch (value.kind) {
      case 'string': return { kind: 'string', value: value.value, span, outer: span, resolved };
      case 'number': return { kind: 'number', value: value.value, span, outer: span, resolved };
      case 'bool': return { kind: 'bool', value: value.value, span, outer: span, resolved };
      case 'null': return { kind: 'null', span, outer: span, resolved };
      case 'tuple': return { kind: 'tuple', items: value.items.map((item) => this.toHcl(item, span)), span, outer: span, resolved };
      case 'object': {
        const entries = [...value.entries].map(([key, item]): HclObjectEntry => ({ key, keySpan: span, value: this.toHcl(item, span), span }));
        return { kind: 'object', entries, span, outer: span, resolved };
      }
    }
  }

  /**
   * `dynamic "ingress" { for_each = ...; content { ... } }` becomes one `ingress` block per
   * element, its content evaluated with the iterator. An unknown collection yields no block: it
   * may well be empty.
   */
  private dynamic(block: HclBlock, bindings: ReadonlyMap<string, EvalValue>, inherited: ReadonlySet<Dependency>): HclBlock[] {
    const type = block.labels[0]?.value;
    const forEach = block.attributes.get('for_each');
    const content = block.blocks.find((child) => child.type === 'content');
    if (block.hasError || type === undefined || !forEach || !content) return [];
    const iterator = iteratorName(block) ?? type;
    const evaluator = this.instance.host.evaluator;
    const { value: collection, dependencies } = evaluator.trace(() => evaluator.evaluateHcl(forEach.value, this.instance.context(this.file, 'for_each', bindings)));
    const elements = elementsOf(collection);
    if (!elements || elements.length > MAX_INSTANCES) return [];
    const inner = union(inherited, dependencies);
    return elements.map((element) => {
      const scope = new Map(bindings);
      scope.set(iterator, object(new Map([['key', element.key], ['value', element.value]])));
      const resolved = this.resolve(content, scope, inner);
      return { ...resolved, type, labels: [], headerSpan: block.headerSpan };
    });
  }
}

function iteratorName(block: HclBlock): string | undefined {
  const value = block.attributes.get('iterator')?.value;
  return value?.kind === 'expression' && /^[A-Za-z_][\w-]*$/.test(value.text) ? value.text : undefined;
}
