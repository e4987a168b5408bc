import type { NetworkRule, ResourceRef } from '../../model/network-rule';
import type { Span } from '../../model/span';
import type { AdapterOptions } from '../adapter';
import { findKey } from '../document/read';
import { asMap, get, itemsOf, textOf, touchesError, type MapEntry, type MapNode, type TreeNode } from '../document/tree';
import type { YamlDocument } from '../document/yaml';
import type { TreeWriter } from '../document/writer';
import type { Value } from '../../model/value';

/** One Kubernetes object: a document, or an item of a `List`. */
export interface KubeObject {
  readonly kind: string;
  readonly node: MapNode;
  readonly metadata: MapNode | undefined;
  readonly resource: ResourceRef;
  /** Objects of the same name and namespace share one owner. */
  readonly groupKey: string;
}

/** What every object reader gets. */
export interface ObjectInput {
  readonly object: KubeObject;
  readonly text: string;
  readonly writer: TreeWriter;
  readonly options: AdapterOptions;
}

export type ObjectReader = (input: ObjectInput) => NetworkRule[];

/** Every complete object of the documents; an object with a syntax error in it is skipped whole. */
export function objectsOf(documents: readonly YamlDocument[]): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const document of documents) {
    for (const node of expandLists(document.root)) {
      if (touchesError(node.outer, document.errors)) continue;
      const object = readObject(node);
      if (object) objects.push(object);
    }
  }
  return objects;
}

/** `kind: List` (and `kind: ServiceList` and the like, as `kubectl get -o yaml` writes them) holds objects in `items`. */
function expandLists(root: TreeNode | undefined): MapNode[] {
  const map = asMap(root);
  if (!map) return [];
  const kind = textOf(get(map, 'kind'));
  if (kind !== undefined && kind.endsWith('List') && get(map, 'items')) {
    return itemsOf(get(map, 'items')).flatMap((item) => (item.kind === 'map' ? [item] : []));
  }
  return [map];
}

function readObject(node: MapNode): KubeObject | undefined {
  const kindEntry = node.entries.find((entry) => entry.key === 'kind');
  const kind = textOf(kindEntry?.value);
  if (!kindEntry || kind === undefined) return undefined;
  const metadata = asMap(get(node, 'metadata'));
  const nameEntry = metadata?.entries.find((entry) => entry.key === 'name');
  const name = textOf(nameEntry?.value) ?? '(unnamed)';
  const namespace = textOf(get(metadata, 'namespace'));
  const address = `${kind}/${name}`;
  const resource: ResourceRef = { type: kind, name, address, provider: 'kubernetes', headerSpan: headerOf(kindEntry, nameEntry), span: node.outer };
  return { kind, node, metadata, resource, groupKey: namespace === undefined ? address : `${namespace}/${address}` };
}

/** The object's name (`name: web`) is where object-level findings go; the `kind:` line when it has none. */
function headerOf(kindEntry: MapEntry, nameEntry: MapEntry | undefined): Span {
  return nameEntry?.value ? nameEntry.span : kindEntry.span;
}

/** Owner and expiry from labels, then annotations, of each metadata in turn (a workload's before its pod template's). */
export function readOwnership(metadatas: readonly (TreeNode | undefined)[], options: AdapterOptions): { owner?: Value<string>; expires?: Value<string> } {
  let owner: Value<string> | undefined;
  let expires: Value<string> | undefined;
  for (const metadata of metadatas) {
    for (const field of ['labels', 'annotations']) {
      owner ??= findKey(get(metadata, field), options.ownerKeys);
      expires ??= findKey(get(metadata, field), options.expiryKeys);
    }
  }
  return { ...(owner ? { owner } : {}), ...(expires ? { expires } : {}) };
}
