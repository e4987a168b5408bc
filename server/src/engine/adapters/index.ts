import type { Adapter } from './adapter';
import { adapter as terraform } from './terraform/index';

export const adapters: readonly Adapter[] = [terraform];

export function findAdapter(path: string, text: string): Adapter | undefined {
  return adapters.find((adapter) => adapter.detect(path, text));
}
