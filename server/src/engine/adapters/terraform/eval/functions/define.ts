import { deepOrigins, mergeOrigins, unknownValue, type EvalValue, type KnownEval, type Origin } from '../value';

/** A pure Terraform function over known arguments. It returns unknown where Terraform would fail. */
export type TerraformFunction = (args: readonly EvalValue[]) => EvalValue;

interface FunctionSpec {
  readonly name: string;
  /** Fewest and most arguments; `Infinity` for variadic functions. */
  readonly arity: readonly [number, number];
  readonly run: (args: readonly KnownEval[]) => EvalValue;
}

/**
 * Checks the argument count, and passes an unknown argument on instead of calling `run`: a
 * function of an unknown value is unknown.
 */
export function defineFunction(spec: FunctionSpec): TerraformFunction {
  return (args) => {
    const [fewest, most] = spec.arity;
    if (args.length < fewest || args.length > most) return unknownValue(`${spec.name}() takes ${fewest === most ? fewest : `${fewest} to ${most}`} arguments, not ${args.length}`);
    const known: KnownEval[] = [];
    for (const arg of args) {
      if (arg.kind === 'unknown') return arg;
      known.push(arg);
    }
    return spec.run(known);
  };
}

/** The origins of a value computed from every argument. */
export function originsOfAll(args: readonly EvalValue[]): readonly Origin[] {
  return mergeOrigins(...args.map(deepOrigins));
}

export function fail(name: string, why: string): EvalValue {
  return unknownValue(`${name}(): ${why}`);
}
