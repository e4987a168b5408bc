/** A top-level `apiVersion:` and `kind:` in some document: what every Kubernetes manifest has. */
const API_VERSION = /^apiVersion:[ \t]*\S/m;
const KIND = /^kind:[ \t]*\S/m;
/** Helm and other Go templates are not YAML until rendered: they are left alone. */
const TEMPLATE = /\{\{/;

export function isKubernetesManifest(text: string): boolean {
  return API_VERSION.test(text) && KIND.test(text) && !TEMPLATE.test(text);
}
