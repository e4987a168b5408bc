import { cidrFunctions } from './cidr';
import { collectionFunctions } from './collections';
import type { TerraformFunction } from './define';
import { encodingFunctions } from './encoding';
import { numberFunctions } from './numbers';
import { stringFunctions } from './strings';

/**
 * The pure functions Terraform evaluates the same way on every machine. Anything else (file,
 * templatefile, timestamp, uuid, regex, provider functions) stays unknown.
 */
const table: ReadonlyMap<string, TerraformFunction> = new Map(
  Object.entries({ ...collectionFunctions, ...stringFunctions, ...numberFunctions, ...encodingFunctions, ...cidrFunctions }),
);

export function findFunction(name: string): TerraformFunction | undefined {
  return table.get(name);
}

export type { TerraformFunction } from './define';
