import type { HclValue } from '../hcl';
import type { BinaryOperator, Expr, SplatStep } from './expression';
import { findFunction } from './functions/index';
import { MAX_STRING } from './functions/strings';
import { parseExpression } from './read-expression';
import {
  bool,
  elementsOf,
  equals,
  mergeOrigins,
  num,
  object,
  str,
  toBool,
  toNumber,
  toText,
  tuple,
  unknownValue,
  deepOrigins,
  type EvalValue,
  type KnownEval,
  type Origin,
} from './value';

/** What `var.x`, `local.y` and `module.z` mean in the module an expression is written in. */
export interface ModuleScope {
  variable(name: string, evaluator: Evaluator): EvalValue;
  local(name: string, evaluator: Evaluator): EvalValue;
  /** The outputs of a module call: an object, or a tuple or map of objects for count and for_each. */
  moduleOutputs(name: string, evaluator: Evaluator): EvalValue;
}

/** Where an expression is written: its file, its offset there, and the definition it belongs to. */
export interface EvalContext {
  readonly scope: ModuleScope;
  /** `each`, `count`, a dynamic block's iterator, a for expression's names. */
  readonly bindings: ReadonlyMap<string, EvalValue>;
  readonly path: string;
  readonly text: string;
  /** Offset in `text` where the expression's own spans start. */
  readonly offset: number;
  /** The definition a literal here belongs to ("var.x default", "local.y"); none where it is used. */
  readonly label: string | undefined;
}

/**
 * Something an evaluation read that a caller may want to know about (a module argument). Scopes
 * note it; the evaluator collects what one evaluation noted.
 */
export type Dependency = object;

/** Generous for any real module, small enough that a hostile one cannot stall the editor. */
const MAX_STEPS = 200_000;
const MAX_DEPTH = 48;
const MAX_ELEMENTS = 10_000;

const ROOTS_WITHOUT_VALUES: Readonly<Record<string, string>> = {
  data: 'is read from the provider',
  path: 'is a path on the machine that runs Terraform',
  terraform: 'depends on the Terraform workspace',
  self: 'is known only during provisioning',
};

export class Evaluator {
  private steps = 0;
  private depth = 0;
  private noted: Set<Dependency> | undefined;

  /** Runs an evaluation and returns its result with every dependency noted on the way. */
  trace<T>(run: () => T): { value: T; dependencies: ReadonlySet<Dependency> } {
    const outer = this.noted;
    const noted = new Set<Dependency>();
    this.noted = noted;
    try {
      return { value: run(), dependencies: noted };
    } finally {
      this.noted = outer;
      if (outer) for (const dependency of noted) outer.add(dependency);
    }
  }

  note(dependency: Dependency): void {
    this.noted?.add(dependency);
  }

  /** Runs a nested evaluation (a local, a variable, a module) with the depth guard. */
  nested(what: string, run: () => EvalValue): EvalValue {
    if (this.depth >= MAX_DEPTH) return unknownValue(`${what} is nested too deeply to evaluate`);
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
    }
  }

  /**
   * An attribute's value as the adapter read it: literals directly, expressions parsed. Its spans
   * are offsets in the file already, so the context's offset does not apply.
   */
  evaluateHcl(value: HclValue, context: EvalContext): EvalValue {
    if (!this.step()) return unknownValue('the module is too large to evaluate');
    const origins = this.originsAt({ ...context, offset: 0 }, value.span.start, value.span.end);
    switch (value.kind) {
      case 'string': return str(value.value, origins);
      case 'number': return num(value.value, origins);
      case 'bool': return bool(value.value, origins);
      case 'null': return { kind: 'null', origins };
      case 'tuple': return tuple(value.items.map((item) => this.evaluateHcl(item, context)), origins);
      case 'object': {
        const entries = new Map<string, EvalValue>();
        for (const entry of value.entries) {
          const key = entry.key ?? this.dynamicKey(entry.keySpan.start, entry.keySpan.end, context);
          if (key === undefined) return unknownValue(`the key ${context.text.slice(entry.keySpan.start, entry.keySpan.end)} is not known`);
          entries.set(key, this.evaluateHcl(entry.value, context));
        }
        return object(entries, origins);
      }
      case 'expression':
        return this.evaluate(parseExpression(value.text), { ...context, offset: value.outer.start });
    }
  }

  private dynamicKey(start: number, end: number, context: EvalContext): string | undefined {
    const key = this.evaluate(parseExpression(context.text.slice(start, end)), { ...context, offset: start });
    return toText(key);
  }

  evaluate(expr: Expr, context: EvalContext): EvalValue {
    if (!this.step()) return unknownValue('the module is too large to evaluate');
    switch (expr.type) {
      case 'literal': {
        const origins = this.originsAt(context, expr.span.start, expr.span.end);
        if (expr.value === null) return { kind: 'null', origins };
        if (typeof expr.value === 'string') return str(expr.value, origins);
        if (typeof expr.value === 'number') return num(expr.value, origins);
        return bool(expr.value, origins);
      }
      case 'template':
        return this.template(expr, context);
      case 'tuple':
        return tuple(expr.items.map((item) => this.evaluate(item, context)), this.originsAt(context, expr.span.start, expr.span.end));
      case 'object':
        return this.object(expr, context);
      case 'name':
      case 'attr':
      case 'index':
        return this.traversal(expr, context);
      case 'splat':
        return this.splat(expr.target, expr.steps, context);
      case 'call':
        return this.call(expr, context);
      case 'unary':
        return this.unary(expr.op, this.evaluate(expr.operand, context));
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right, context);
      case 'conditional':
        return this.conditional(expr, context);
      case 'for':
        return this.forExpression(expr, context);
      case 'unsupported':
        return unknownValue(expr.why);
    }
  }

  private step(): boolean {
    return ++this.steps <= MAX_STEPS;
  }

  private originsAt(context: EvalContext, start: number, end: number): readonly Origin[] {
    if (context.label === undefined) return [];
    return [{ label: context.label, path: context.path, span: { start: context.offset + start, end: context.offset + end } }];
  }

  private template(expr: Extract<Expr, { type: 'template' }>, context: EvalContext): EvalValue {
    let out = '';
    // Literal text written around the interpolations is part of the value; "${var.x}" alone is var.x's.
    const hasText = expr.parts.some((part) => typeof part === 'string' && part !== '');
    const origins: (readonly Origin[])[] = [hasText ? this.originsAt(context, expr.span.start, expr.span.end) : []];
    for (const part of expr.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const value = this.evaluate(part, context);
      if (value.kind === 'unknown') return value;
      const written = toText(value);
      if (written === undefined) return unknownValue(`a ${value.kind} cannot be written into a string`);
      out += written;
      origins.push(value.origins);
      if (out.length > MAX_STRING) return unknownValue('the string is too long to evaluate');
    }
    return str(out, mergeOrigins(...origins));
  }

  private object(expr: Extract<Expr, { type: 'object' }>, context: EvalContext): EvalValue {
    const entries = new Map<string, EvalValue>();
    for (const entry of expr.entries) {
      const key = toText(this.evaluate(entry.key, context));
      if (key === undefined) return unknownValue('an object key is not a known string');
      entries.set(key, this.evaluate(entry.value, context));
    }
    return object(entries, this.originsAt(context, expr.span.start, expr.span.end));
  }

  /** `a.b[c].d`: the root decides what the first steps mean (var.x, module.y.z), the rest index into values. */
  private traversal(expr: Expr, context: EvalContext): EvalValue {
    const steps: Expr[] = [];
    let root = expr;
    while (root.type === 'attr' || root.type === 'index') {
      steps.unshift(root);
      root = root.target;
    }
    if (root.type !== 'name') {
      let value = this.evaluate(root, context);
      for (const step of steps) value = this.applyStep(value, step, context);
      return value;
    }
    const name = root.name;
    const bound = context.bindings.get(name);
    if (bound) return steps.reduce((value, step) => this.applyStep(value, step, context), bound);
    const first = steps[0];
    const firstName = first?.type === 'attr' ? first.name : undefined;
    const rest = steps.slice(1);
    const follow = (value: EvalValue): EvalValue => rest.reduce((current, step) => this.applyStep(current, step, context), value);
    switch (name) {
      case 'var':
        return firstName === undefined ? unknownValue('var needs a variable name') : follow(this.nested(`var.${firstName}`, () => context.scope.variable(firstName, this)));
      case 'local':
        return firstName === undefined ? unknownValue('local needs a name') : follow(this.nested(`local.${firstName}`, () => context.scope.local(firstName, this)));
      case 'module':
        return firstName === undefined ? unknownValue('module needs a name') : follow(this.nested(`module.${firstName}`, () => context.scope.moduleOutputs(firstName, this)));
      case 'each':
        return unknownValue('each is set only in a block with for_each');
      case 'count':
        return unknownValue('count.index is set only in a resource with count');
      default: {
        const reason = ROOTS_WITHOUT_VALUES[name];
        if (reason) return unknownValue(`${name}.${firstName ?? ''} ${reason}`);
        const secondName = steps[1]?.type === 'attr' ? steps[1].name : undefined;
        return unknownValue(firstName === undefined ? `${name} is not a value that can be known before apply` : `${name}.${firstName}${secondName ? `.${secondName}` : ''} is an attribute of another resource`);
      }
    }
  }

  private applyStep(value: EvalValue, step: Expr, context: EvalContext): EvalValue {
    if (value.kind === 'unknown') return value;
    if (step.type === 'attr') return attribute(value, step.name);
    if (step.type === 'index') return indexInto(value, this.evaluate(step.key, context));
    return unknownValue('an unexpected step');
  }

  private splat(targetExpr: Expr, steps: readonly SplatStep[], context: EvalContext): EvalValue {
    const target = this.evaluate(targetExpr, context);
    if (target.kind === 'unknown') return target;
    // A splat of a single value treats it as a list of one, and of null as an empty list.
    const items = target.kind === 'tuple' ? target.items : target.kind === 'null' ? [] : [target];
    const keys = steps.map((step) => (step.kind === 'index' ? this.evaluate(step.key, context) : undefined));
    const apply = (item: EvalValue): EvalValue =>
      steps.reduce((current, step, i) => (current.kind === 'unknown' ? current : step.kind === 'attr' ? attribute(current, step.name) : indexInto(current, keys[i]!)), item);
    return tuple(items.map(apply), target.origins);
  }

  private call(expr: Extract<Expr, { type: 'call' }>, context: EvalContext): EvalValue {
    const fn = findFunction(expr.name);
    if (!fn) return unknownValue(`function ${expr.name}() is not evaluated`);
    const args = expr.args.map((arg) => this.evaluate(arg, context));
    if (expr.expandLast) {
      const last = args.pop();
      if (!last || last.kind === 'unknown') return last ?? unknownValue('... needs an argument');
      if (last.kind !== 'tuple') return unknownValue('... needs a list');
      args.push(...last.items);
    }
    return fn(args);
  }

  private unary(op: '-' | '!', operand: EvalValue): EvalValue {
    if (operand.kind === 'unknown') return operand;
    if (op === '-') {
      const number = toNumber(operand);
      return number === undefined ? unknownValue('- needs a number') : num(-number, operand.origins);
    }
    const flag = toBool(operand);
    return flag === undefined ? unknownValue('! needs a boolean') : bool(!flag, operand.origins);
  }

  private binary(op: BinaryOperator, leftExpr: Expr, rightExpr: Expr, context: EvalContext): EvalValue {
    const left = this.evaluate(leftExpr, context);
    // `false && x` and `true || x` do not need x, even when x cannot be known.
    if ((op === '&&' || op === '||') && left.kind !== 'unknown') {
      const flag = toBool(left);
      if (flag === (op === '||')) return bool(flag, left.origins);
    }
    const right = this.evaluate(rightExpr, context);
    if (left.kind === 'unknown') return left;
    if (right.kind === 'unknown') return right;
    const origins = mergeOrigins(deepOrigins(left), deepOrigins(right));
    if (op === '==' || op === '!=') {
      const same = equals(left, right);
      return same === undefined ? unknownValue('the comparison depends on an unknown value') : bool(op === '==' ? same : !same, origins);
    }
    if (op === '&&' || op === '||') {
      const [a, b] = [toBool(left), toBool(right)];
      if (a === undefined || b === undefined) return unknownValue(`${op} needs booleans`);
      return bool(op === '&&' ? a && b : a || b, origins);
    }
    const [a, b] = [toNumber(left), toNumber(right)];
    if (a === undefined || b === undefined) return unknownValue(`${op} needs numbers`);
    switch (op) {
      case '+': return num(a + b, origins);
      case '-': return num(a - b, origins);
      case '*': return num(a * b, origins);
      case '/': return b === 0 ? unknownValue('division by zero') : num(a / b, origins);
      // Go's % keeps the sign of the dividend, as JavaScript's does.
      case '%': return b === 0 ? unknownValue('modulo by zero') : num(a % b, origins);
      case '>': return bool(a > b, origins);
      case '>=': return bool(a >= b, origins);
      case '<': return bool(a < b, origins);
      case '<=': return bool(a <= b, origins);
    }
  }

  private conditional(expr: Extract<Expr, { type: 'conditional' }>, context: EvalContext): EvalValue {
    const test = this.evaluate(expr.test, context);
    if (test.kind !== 'unknown') {
      const flag = toBool(test);
      if (flag === undefined) return unknownValue('the condition is not a boolean');
      return this.evaluate(flag ? expr.then : expr.otherwise, context);
    }
    // Either branch may apply; only a value both agree on is known.
    const [then, otherwise] = [this.evaluate(expr.then, context), this.evaluate(expr.otherwise, context)];
    return equals(then, otherwise) === true ? then : unknownValue(`the condition is unknown: ${test.why}`);
  }

  private forExpression(expr: Extract<Expr, { type: 'for' }>, context: EvalContext): EvalValue {
    const collection = this.evaluate(expr.collection, context);
    if (collection.kind === 'unknown') return collection;
    const elements = elementsOf(collection);
    if (!elements) return unknownValue(`for needs a list, a set or a map, not a ${collection.kind}`);
    if (elements.length > MAX_ELEMENTS) return unknownValue('the collection is too large to evaluate');
    const tupleItems: EvalValue[] = [];
    const entries = new Map<string, EvalValue>();
    const groups = new Map<string, EvalValue[]>();
    for (const element of elements) {
      const bindings = new Map(context.bindings);
      if (expr.keyName !== undefined) bindings.set(expr.keyName, element.key);
      bindings.set(expr.valueName, element.value);
      const inner = { ...context, bindings };
      if (expr.condition) {
        const keep = this.evaluate(expr.condition, inner);
        if (keep.kind === 'unknown') return unknownValue(`the for condition is unknown: ${keep.why}`);
        const flag = toBool(keep);
        if (flag === undefined) return unknownValue('the for condition is not a boolean');
        if (!flag) continue;
      }
      const value = this.evaluate(expr.value, inner);
      if (!expr.key) {
        tupleItems.push(value);
        continue;
      }
      const key = this.evaluate(expr.key, inner);
      if (key.kind === 'unknown') return unknownValue(`a for key is unknown: ${key.why}`);
      const text = toText(key);
      if (text === undefined) return unknownValue('a for key is not a string');
      if (expr.grouping) groups.set(text, [...(groups.get(text) ?? []), value]);
      else if (entries.has(text)) return unknownValue(`the for expression makes the key "${text}" twice`);
      else entries.set(text, value);
    }
    const origins = collection.origins;
    if (!expr.key) return tuple(tupleItems, origins);
    if (expr.grouping) for (const [key, items] of groups) entries.set(key, tuple(items, origins));
    return object(entries, origins);
  }
}

function attribute(value: KnownEval, name: string): EvalValue {
  if (value.kind === 'object') return value.entries.get(name) ?? unknownValue(`there is no attribute "${name}"`);
  if (value.kind === 'null') return unknownValue(`.${name} of null`);
  return unknownValue(`a ${value.kind} has no attribute "${name}"`);
}

function indexInto(value: KnownEval, key: EvalValue): EvalValue {
  if (key.kind === 'unknown') return key;
  if (value.kind === 'tuple') {
    const index = toNumber(key);
    if (index === undefined || !Number.isInteger(index) || index < 0 || index >= value.items.length) return unknownValue(`index ${toText(key) ?? '?'} is outside the list`);
    return value.items[index];
  }
  if (value.kind === 'object') {
    const name = toText(key);
    if (name === undefined) return unknownValue('a map key must be a string');
    return value.entries.get(name) ?? unknownValue(`there is no key "${name}"`);
  }
  return unknownValue(`a ${value.kind} cannot be indexed`);
}
