/** Why no adapter claims a file whose extension could hold a format; the CLI counts each apart under --verbose. */
export type SkipReason = 'empty' | 'template' | 'not-recognised';

/** Go template actions (Helm charts, `{{placeholder}}` files): not YAML or JSON until rendered. */
const TEMPLATE_ACTION = /\{\{/;

/**
 * Called only for text that no adapter claimed: empty (white space, a BOM) or holding template
 * actions, else simply not a format Port Warden reads (Helm values, a package.json, a config file).
 */
export function whyNoAdapter(text: string): SkipReason {
  if (/^[\s\uFEFF]*$/.test(text)) return 'empty';
  return TEMPLATE_ACTION.test(text) ? 'template' : 'not-recognised';
}
