import type { Action, Direction, NetworkRule, Peer, Protocol, Provider, ResourceRef, RuleEditor, TextEdit } from '../../model/network-rule';
import { isInternetPeer } from '../../model/peers';
import { known, type Value } from '../../model/value';
import type { AdapterOptions } from '../adapter';
import { ownerInDescription, readPeer } from '../document/read';
import { fullSpan, textOf, type MapEntry, type MapNode, type SeqNode, type TreeNode } from '../document/tree';
import type { TreeWriter } from '../document/writer';

export interface ExportInput {
  readonly root: TreeNode;
  readonly writer: TreeWriter;
  readonly options: AdapterOptions;
  /** Where syntax errors are: a group or rule that touches one is skipped. */
  readonly errors: readonly { start: number; end: number }[];
}

/** One provider's export: whether a document is one, and its rules. */
export interface ExportReader {
  readonly provider: Provider;
  matches(root: TreeNode): boolean;
  read(input: ExportInput): NetworkRule[];
}

/**
 * A reader for exports that print one object (`show`, `describe`) or an array of them (`list`):
 * the document matches when it is one or holds one, and each such object is read in turn.
 */
export function oneOrListReader(provider: Provider, isItem: (node: TreeNode | undefined) => boolean, readItem: (input: ExportInput, item: MapNode) => NetworkRule[]): ExportReader {
  return {
    provider,
    matches: (root) => isItem(root) || (root.kind === 'seq' && root.items.some(isItem)),
    read(input) {
      const items = input.root.kind === 'seq' ? input.root.items : [input.root];
      return items.flatMap((item) => (item.kind === 'map' && isItem(item) ? readItem(input, item) : []));
    },
  };
}

const never = (): undefined => undefined;

export function ruleEditor(parts: Partial<RuleEditor>): RuleEditor {
  return { setPorts: parts.setPorts ?? never, replaceInternetPeers: parts.replaceInternetPeers ?? never, addOwner: parts.addOwner ?? never };
}

export function resourceRef(provider: Provider, type: string, name: string, header: MapEntry | undefined, node: MapNode): ResourceRef {
  return { type, name, address: name, provider, headerSpan: header ? header.span : node.outer, span: node.outer };
}

/** The fields every rule of an export shares. */
export function ruleBase(resource: ResourceRef, groupKey: string, direction: Direction, action: Action, protocol: Value<Protocol>): Pick<NetworkRule, 'format' | 'resource' | 'groupKey' | 'direction' | 'action' | 'protocol'> {
  return { format: 'sg-exports', resource, groupKey, direction, action, protocol };
}

/** Non-empty string fields, read as peers; exports write "" for a field that does not apply. */
export function peersOf(nodes: readonly (TreeNode | undefined)[], fallback: MapNode, asReference = false): Value<readonly Peer[]> {
  const present = nodes.filter((node): node is TreeNode => node !== undefined && textOf(node) !== '' && !(node.kind === 'seq' && node.items.length === 0));
  const peers: Peer[] = [];
  for (const node of present) {
    const items = node.kind === 'seq' ? node.items : [node];
    for (const item of items) {
      const peer = readPeer(item);
      peers.push(asReference && peer.kind !== 'unknown' ? { kind: 'reference', text: textOf(item) ?? '', span: item.span } : peer);
    }
  }
  if (present.length === 0) return known([], fallback.outer);
  const spans = present.map(fullSpan);
  return known(peers, { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) });
}

/**
 * Replaces internet-wide CIDRs in a list: each goes, and the new CIDRs (of the list's family when
 * it holds one family) take the first one's place.
 */
export function replaceInList(writer: TreeWriter, list: SeqNode, cidrs: readonly string[], family?: 4 | 6): TextEdit[] | undefined {
  if (!list.items.some((item) => isInternetPeer(readPeer(item)))) return undefined;
  const replacements = cidrs.filter((cidr) => family === undefined || (cidr.includes(':') ? 6 : 4) === family);
  const kept: string[] = [];
  let inserted = false;
  for (const item of list.items) {
    const text = textOf(item);
    if (text === undefined) return undefined;
    if (!isInternetPeer(readPeer(item))) kept.push(text);
    else if (!inserted) {
      kept.push(...replacements.filter((cidr) => !kept.includes(cidr)));
      inserted = true;
    }
  }
  return writer.replace(list, kept);
}

/** A single CIDR field: an internet-wide value takes the one new CIDR of its family. */
export function replaceSingle(writer: TreeWriter, node: TreeNode | undefined, cidrs: readonly string[], family: 4 | 6): TextEdit[] | undefined {
  if (!node || !isInternetPeer(readPeer(node))) return [];
  const replacements = cidrs.filter((cidr) => (cidr.includes(':') ? 6 : 4) === family);
  return replacements.length === 1 ? writer.replace(node, replacements[0]) : undefined;
}

/** Edits of several fields, or undefined when any field cannot be written or nothing changes. */
export function allOf(parts: readonly (TextEdit[] | undefined)[]): TextEdit[] | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  const edits = parts.flatMap((part) => part ?? []);
  return edits.length > 0 ? edits : undefined;
}

/** `owner=NAME` added to a description field (the one place some exports can hold an owner). */
export function ownerInDescriptionEditor(writer: TreeWriter, holder: MapNode, field: string): RuleEditor['addOwner'] {
  return (_key, owner) => {
    const node = holder.entries.find((entry) => entry.key === field)?.value;
    const current = node ? textOf(node) : '';
    if (current === undefined) return undefined;
    const separator = current.trim() === '' ? '' : current.endsWith(' ') ? '' : ' ';
    return writer.set(holder, field, `${current}${separator}owner=${owner}`);
  };
}

export { ownerInDescription };
