import type { Adapter } from './adapter';
import { adapter as cloudformation } from './cloudformation/index';
import { adapter as compose } from './compose/index';
import { adapter as kubernetes } from './kubernetes/index';
import { adapter as sgExports } from './sg-exports/index';
import { adapter as terraform } from './terraform/index';

/** Detection is by content for every format but Terraform; the first adapter that claims a document reads it. */
export const adapters: readonly Adapter[] = [terraform, cloudformation, kubernetes, compose, sgExports];

export function findAdapter(path: string, text: string): Adapter | undefined {
  // A byte order mark would hide the first key (`apiVersion:`) from detection by content.
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return adapters.find((adapter) => adapter.detect(path, content));
}
