import { bool, num, toBool, toNumber, toText, type EvalValue } from '../value';
import { defineFunction, fail, originsOfAll, type TerraformFunction } from './define';

function numeric(name: string, run: (value: number) => number): TerraformFunction {
  return defineFunction({
    name,
    arity: [1, 1],
    run: ([value]) => {
      const number = toNumber(value);
      return number === undefined ? fail(name, 'the argument must be a number') : num(run(number), originsOfAll([value]));
    },
  });
}

function extreme(name: string, pick: (...values: number[]) => number): TerraformFunction {
  return defineFunction({
    name,
    arity: [1, Infinity],
    run: (args) => {
      const numbers = args.map(toNumber);
      return numbers.some((number) => number === undefined) ? fail(name, 'the arguments must be numbers') : num(pick(...(numbers as number[])), originsOfAll(args));
    },
  });
}

const parseint = defineFunction({
  name: 'parseint',
  arity: [2, 2],
  run: ([value, baseValue]) => {
    const [text, base] = [toText(value), toNumber(baseValue)];
    if (text === undefined || base === undefined || !Number.isInteger(base) || base < 2 || base > 62) return fail('parseint', 'needs a string and a base from 2 to 62');
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, Math.min(base, 36));
    const body = text.replace(/^[-+]/, '');
    if (base > 36 || body === '' || [...body.toLowerCase()].some((digit) => !digits.includes(digit))) return fail('parseint', `"${text}" is not a number in base ${base}`);
    const parsed = parseInt(text, base);
    return Number.isSafeInteger(parsed) ? num(parsed, originsOfAll([value, baseValue])) : fail('parseint', 'the number is too large');
  },
});

const tonumber = defineFunction({
  name: 'tonumber',
  arity: [1, 1],
  run: ([value]) => {
    if (value.kind === 'null') return value;
    const number = toNumber(value);
    return number === undefined ? fail('tonumber', 'the argument is not a number') : num(number, value.origins);
  },
});

const tobool = defineFunction({
  name: 'tobool',
  arity: [1, 1],
  run: ([value]): EvalValue => {
    if (value.kind === 'null') return value;
    const flag = toBool(value);
    return flag === undefined ? fail('tobool', 'the argument is not a boolean') : bool(flag, value.origins);
  },
});

export const numberFunctions: Readonly<Record<string, TerraformFunction>> = {
  abs: numeric('abs', Math.abs),
  ceil: numeric('ceil', Math.ceil),
  floor: numeric('floor', Math.floor),
  max: extreme('max', Math.max),
  min: extreme('min', Math.min),
  parseint,
  signum: numeric('signum', Math.sign),
  tobool,
  tonumber,
};
