import type { Span } from '../../../model/span';
import type { HclAttribute, HclBlock, HclValue } from '../hcl';
import type { ConfigFile } from './config-file';
import { Evaluator, type Dependency, type EvalContext, type ModuleScope } from './evaluate';
import { expandInstances, type InstanceKey } from './instances';
import type { Module, ModuleCall } from './module';
import { num, object, set, str, toNumber, toText, tuple, unknownValue, type EvalValue } from './value';

/** A module argument a child read: a finding that depends on it is also the caller's. */
export class CallArgument {
  constructor(
    /** The caller's file and the argument's value there. */
    readonly path: string,
    readonly span: Span,
    /** e.g. `admin_cidr of module.web`. */
    readonly label: string,
    /** Arguments further up that the value itself came from. */
    readonly upstream: ReadonlySet<Dependency>,
  ) {}
}

/** What a module instance's variables are set from. */
export type Inputs =
  | { readonly kind: 'root'; readonly variableFiles: readonly ConfigFile[] }
  | {
      readonly kind: 'call';
      readonly caller: ModuleInstance;
      readonly call: ModuleCall;
      /** `each` or `count` of the call's instance, and what computing them depended on. */
      readonly bindings: ReadonlyMap<string, EvalValue>;
      readonly dependencies: ReadonlySet<Dependency>;
    };

/** How the project that owns an instance creates its children and reports cycles. */
export interface InstanceHost {
  readonly evaluator: Evaluator;
  moduleAt(directory: string): Module | undefined;
  cycle(call: ModuleCall, chain: readonly string[]): void;
  /** Takes `count` module instances from the lint's budget; false when it is spent. */
  allowInstances(count: number): boolean;
}

/** Module calls nested deeper than this are not followed, down or up. */
export const MAX_MODULE_DEPTH = 8;

/** Terraform's address text for a key: `[0]`, `["prod"]`. */
export function keySuffix(key: InstanceKey | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

interface Memo {
  readonly value: EvalValue;
  readonly dependencies: ReadonlySet<Dependency>;
}

/**
 * One module evaluated with one set of inputs: the root module, or a child as one call (and one
 * count/for_each instance of it) sets it up. Values are computed on demand and memoised.
 */
export class ModuleInstance implements ModuleScope {
  private readonly variables = new Map<string, Memo>();
  private readonly locals = new Map<string, Memo>();
  private readonly localsInProgress = new Set<string>();
  private readonly children = new Map<string, readonly { key: InstanceKey | undefined; instance: ModuleInstance }[] | 'unknown'>();
  private readonly outputs = new Map<string, EvalValue>();

  constructor(
    readonly host: InstanceHost,
    readonly module: Module,
    readonly inputs: Inputs,
    /** `''` for a root, `module.web.` or `module.web["a"].` for a child. */
    readonly address: string,
    /** The directories from the root down to this one, for cycle detection. */
    readonly chain: readonly string[],
  ) {}

  context(file: ConfigFile, label: string | undefined, bindings: ReadonlyMap<string, EvalValue> = new Map()): EvalContext {
    return { scope: this, bindings, path: file.path, text: file.text, offset: 0, label };
  }

  variable(name: string, evaluator: Evaluator): EvalValue {
    return this.memoised(this.variables, name, evaluator, () => this.computeVariable(name, evaluator));
  }

  local(name: string, evaluator: Evaluator): EvalValue {
    if (this.localsInProgress.has(name)) return unknownValue(`local.${name} refers to itself`);
    const definition = this.module.locals.get(name);
    if (!definition) return unknownValue(`local.${name} is not defined in this module`);
    this.localsInProgress.add(name);
    try {
      return this.memoised(this.locals, name, evaluator, () => evaluator.evaluateHcl(definition.node.value, this.context(definition.file, `local.${name}`)));
    } finally {
      this.localsInProgress.delete(name);
    }
  }

  moduleOutputs(name: string, evaluator: Evaluator): EvalValue {
    const call = this.module.calls.get(name);
    if (!call) return unknownValue(`module.${name} is not called in this module`);
    const children = this.childrenOf(call);
    if (children === 'unknown') return unknownValue(`the instances of module.${name} are not known`);
    const outputsOf = (instance: ModuleInstance): EvalValue => instance.allOutputs(evaluator);
    const { count, forEach } = { count: call.block.attributes.get('count'), forEach: call.block.attributes.get('for_each') };
    if (count) return tuple(children.map((child) => outputsOf(child.instance)));
    if (forEach) return object(new Map(children.map((child) => [String(child.key), outputsOf(child.instance)])));
    return children[0] ? outputsOf(children[0].instance) : unknownValue(`module.${name} cannot be read`);
  }

  /** The instances of a local module call, one per count or for_each key; 'unknown' when the keys are. */
  childrenOf(call: ModuleCall): readonly { key: InstanceKey | undefined; instance: ModuleInstance }[] | 'unknown' {
    const known = this.children.get(call.name);
    if (known) return known;
    const made = this.makeChildren(call);
    this.children.set(call.name, made);
    return made;
  }

  private makeChildren(call: ModuleCall): readonly { key: InstanceKey | undefined; instance: ModuleInstance }[] | 'unknown' {
    if (call.directory === undefined || this.chain.length >= MAX_MODULE_DEPTH) return 'unknown';
    if (this.chain.includes(call.directory)) {
      this.host.cycle(call, [...this.chain, call.directory]);
      return 'unknown';
    }
    const module = this.host.moduleAt(call.directory);
    if (!module) return 'unknown';
    const evaluator = this.host.evaluator;
    const { value: expansion, dependencies } = evaluator.trace(() => expandInstances(call.block, this, call.file, evaluator));
    // for_each inside for_each multiplies: past the budget, a call's instances are not evaluated.
    if (expansion.kind === 'unknown' || !this.host.allowInstances(expansion.instances.length)) return 'unknown';
    const directory = call.directory;
    return expansion.instances.map(({ key, bindings }) => ({
      key,
      instance: new ModuleInstance(this.host, module, { kind: 'call', caller: this, call, bindings, dependencies }, `${this.address}module.${call.name}${keySuffix(key)}.`, [...this.chain, directory]),
    }));
  }

  private allOutputs(evaluator: Evaluator): EvalValue {
    const entries = new Map<string, EvalValue>();
    for (const [name, definition] of this.module.outputs) {
      let value = this.outputs.get(name);
      if (!value) {
        value = evaluator.nested(`output ${name}`, () => evaluator.evaluateHcl(definition.node.value, this.context(definition.file, `output ${name} of ${this.address.slice(0, -1)}`)));
        this.outputs.set(name, value);
      }
      entries.set(name, value);
    }
    return object(entries);
  }

  private memoised(memo: Map<string, Memo>, name: string, evaluator: Evaluator, compute: () => EvalValue): EvalValue {
    const known = memo.get(name);
    if (known) {
      for (const dependency of known.dependencies) evaluator.note(dependency);
      return known.value;
    }
    const { value, dependencies } = evaluator.trace(compute);
    memo.set(name, { value, dependencies });
    return value;
  }

  private computeVariable(name: string, evaluator: Evaluator): EvalValue {
    const definition = this.module.variables.get(name);
    if (!definition) return unknownValue(`var.${name} is not declared in this module`);
    const given = this.inputs.kind === 'call' ? this.fromCaller(name, evaluator) : this.fromVariableFiles(name, evaluator, this.inputs.variableFiles);
    const type = definition.node.attributes.get('type')?.value;
    if (given && given.kind !== 'null') return convertToType(given, type);
    // null means "use the default" only for a variable declared nullable = false.
    if (given && !isNonNullable(definition.node)) return given;
    const fallback = definition.node.attributes.get('default');
    if (!fallback) return given ?? unknownValue(`var.${name} has no default and no value is given`);
    return convertToType(evaluator.evaluateHcl(fallback.value, this.context(definition.file, `var.${name} default`)), type);
  }

  private fromCaller(name: string, evaluator: Evaluator): EvalValue | undefined {
    if (this.inputs.kind !== 'call') return undefined;
    const { caller, call, bindings } = this.inputs;
    const argument = call.arguments.get(name);
    if (!argument) return undefined;
    for (const dependency of this.inputs.dependencies) evaluator.note(dependency);
    const label = `${name} of module.${call.name}`;
    const { value, dependencies } = evaluator.trace(() => evaluator.evaluateHcl(argument.value, caller.context(call.file, `${caller.address}module.${call.name} argument ${name}`, bindings)));
    // The trace has passed the argument's own dependencies on already; this one is the argument itself.
    evaluator.note(new CallArgument(call.file.path, argument.value.outer, label, dependencies));
    return value;
  }

  private fromVariableFiles(name: string, evaluator: Evaluator, files: readonly ConfigFile[]): EvalValue | undefined {
    let found: { file: ConfigFile; attribute: HclAttribute } | undefined;
    for (const file of files) {
      const attribute = file.attributes.get(name);
      if (attribute) found = { file, attribute };
    }
    if (!found) {
      const broken = files.find((file) => file.isBroken);
      return broken ? unknownValue(`var.${name} may be set in ${broken.path}, which has a syntax error`) : undefined;
    }
    return evaluator.evaluateHcl(found.attribute.value, this.context(found.file, `var.${name}`));
  }
}

/**
 * The conversions a variable's type makes that change how a value is used: a list given to a
 * `set(...)` variable becomes a set (so for_each accepts it), a numeric string a number.
 */
function convertToType(value: EvalValue, type: HclValue | undefined): EvalValue {
  if (!type || type.kind !== 'expression' || value.kind === 'unknown') return value;
  const constraint = type.text.replace(/\s+/g, '');
  if (constraint.startsWith('set(') && value.kind === 'tuple') {
    return value.items.some((item) => item.kind === 'unknown') ? unknownValue('a set with unknown elements') : set(value.items, value.origins);
  }
  if (constraint.startsWith('list(') && value.kind === 'tuple') return tuple(value.items, value.origins);
  if (constraint === 'number') {
    const number = toNumber(value);
    return number === undefined ? unknownValue('the value is not a number') : num(number, value.origins);
  }
  if (constraint === 'string') {
    const text = toText(value);
    return text === undefined ? value : str(text, value.origins);
  }
  return value;
}

function isNonNullable(block: HclBlock): boolean {
  const nullable: HclValue | undefined = block.attributes.get('nullable')?.value;
  return nullable?.kind === 'bool' && !nullable.value;
}
