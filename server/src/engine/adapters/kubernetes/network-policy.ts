import type { NetworkRule, Peer, RuleEditor, TextEdit } from '../../model/network-rule';
import { isInternetPeer } from '../../model/peers';
import { ALL_PORTS, type PortRange } from '../../model/ports';
import { known, unknown, type Value } from '../../model/value';
import { impliedInternet, readPeer, readPort, readProtocol, whyNotLiteral } from '../document/read';
import { asMap, asSeq, entryOf, fullSpan, get, itemsOf, textOf, type MapNode, type TreeNode } from '../document/tree';
import type { JsonValue } from '../document/writer';
import { ownerLabelEditor, ruleEditor } from './editing';
import { readOwnership, type ObjectInput } from './objects';

/** `ports` entries as a NetworkPolicy writes them. */
function portEntries(ranges: readonly PortRange[]): JsonValue[] {
  return ranges.map(([from, to]): JsonValue => (from === to ? { protocol: 'TCP', port: from } : { protocol: 'TCP', port: from, endPort: to }));
}

/** The sources of one ingress rule: missing or empty `from` allows every source. */
function readSources(item: MapNode): Value<readonly Peer[]> {
  const from = entryOf(item, 'from');
  if (!from || itemsOf(from.value).length === 0) {
    const span = from ? from.span : item.outer;
    return known([impliedInternet(span)], span);
  }
  const seq = asSeq(from.value);
  if (!seq) return unknown(from.value ? fullSpan(from.value) : from.span, 'from is not a list');
  const peers: Peer[] = [];
  for (const source of seq.items) {
    const cidr = get(get(source, 'ipBlock'), 'cidr');
    if (cidr) peers.push(readPeer(cidr));
    else if (source.kind === 'map') {
      const selectors = source.entries.map((entry) => entry.key).join(' and ');
      peers.push({ kind: 'reference', text: selectors || 'no selector', span: source.outer });
    } else peers.push({ kind: 'unknown', why: whyNotLiteral(source), span: fullSpan(source) });
  }
  return known(peers, seq.outer);
}

function peerEditor(input: ObjectInput, item: MapNode): RuleEditor['replaceInternetPeers'] {
  return (cidrs) => {
    const blocks = cidrs.map((cidr) => ({ ipBlock: { cidr } }));
    const from = entryOf(item, 'from');
    const seq = asSeq(from?.value);
    if (!from || !seq || seq.items.length === 0) return seq ? input.writer.replace(seq, blocks) : input.writer.set(item, 'from', blocks);
    const open = seq.items.filter((source) => {
      const cidr = get(get(source, 'ipBlock'), 'cidr');
      return cidr !== undefined && isInternetPeer(readPeer(cidr));
    });
    if (open.length === 0 || cidrs.length === 0) return undefined;
    const edits: TextEdit[] = [];
    for (const source of open) {
      const cidr = get(get(source, 'ipBlock'), 'cidr');
      const edit = cidr ? input.writer.replace(cidr, cidrs[0]) : undefined;
      if (!edit) return undefined;
      edits.push(...edit);
    }
    for (const cidr of cidrs.slice(1)) {
      const edit = input.writer.append(seq, { ipBlock: { cidr } });
      if (!edit) return undefined;
      edits.push(...edit);
    }
    return edits;
  };
}

/**
 * The ingress rules of a NetworkPolicy. A rule without `ports` allows every port, and one with an
 * empty or missing `from` every source, so `- {}` lets everything in.
 */
export const readNetworkPolicy = (input: ObjectInput): NetworkRule[] => {
  const { object } = input;
  const spec = asMap(get(object.node, 'spec'));
  if (!spec) return [];
  const ownership = readOwnership([object.metadata], input.options);
  const addOwner = ownerLabelEditor(input);
  const rules: NetworkRule[] = [];
  const list = asSeq(get(spec, 'ingress'));
  for (const item of itemsOf(get(spec, 'ingress'))) {
    if (item.kind !== 'map') continue;
    const first = rules.length;
    const peers = readSources(item);
    const base = { format: 'kubernetes' as const, resource: object.resource, groupKey: object.groupKey, direction: 'ingress' as const, action: 'allow' as const, peers, ...ownership, span: item.outer };
    const replaceInternetPeers = peerEditor(input, item);
    const ports = entryOf(item, 'ports');
    if (!ports || itemsOf(ports.value).length === 0) {
      const span = ports ? ports.span : item.outer;
      rules.push({
        ...base,
        protocol: known('all', span),
        ports: known([ALL_PORTS], span),
        edit: ruleEditor({ replaceInternetPeers, addOwner, setPorts: (ranges) => input.writer.set(item, 'ports', portEntries(ranges)) }),
      });
      if (list) rules[first] = { ...rules[first], edit: { ...rules[first].edit, removeRule: () => input.writer.remove(list, item) } };
      continue;
    }
    for (const port of itemsOf(ports.value)) rules.push({ ...base, ...readPolicyPort(port), edit: ruleEditor({ replaceInternetPeers, addOwner, setPorts: portEditor(input, port) }) });
    // An item with one port is one rule: deleting the item deletes that rule and nothing else.
    if (list && rules.length === first + 1) rules[first] = { ...rules[first], edit: { ...rules[first].edit, removeRule: () => input.writer.remove(list, item) } };
  }
  return rules;
};

/** One `ports` entry: a number, a range up to `endPort`, a named port (unknown) or every port of a protocol. */
function readPolicyPort(port: TreeNode): Pick<NetworkRule, 'protocol' | 'ports'> {
  const protocol = readProtocol(get(port, 'protocol'), 'tcp', port.outer);
  const portNode = get(port, 'port');
  if (!portNode) return { protocol, ports: known([ALL_PORTS], port.outer) };
  if (textOf(portNode) !== undefined && !/^\d+$/.test(textOf(portNode) ?? '')) return { protocol, ports: unknown(portNode.span, `"${textOf(portNode)}" is a named container port`) };
  const from = readPort(portNode);
  const endNode = get(port, 'endPort');
  if (!from.known) return { protocol, ports: from };
  if (!endNode) return { protocol, ports: known([[from.value, from.value]], from.span) };
  const end = readPort(endNode);
  const span = { start: fullSpan(portNode).start, end: fullSpan(endNode).end };
  if (!end.known) return { protocol, ports: unknown(span, end.why) };
  return { protocol, ports: from.value <= end.value ? known([[from.value, end.value]], span) : unknown(span, `the range ${from.value}-${end.value} starts after it ends`) };
}

/** One range only, written as `port` (and `endPort` when the range is wider than one port). */
function portEditor(input: ObjectInput, port: TreeNode): RuleEditor['setPorts'] {
  return (ranges) => {
    const portNode = get(port, 'port');
    if (ranges.length !== 1 || !portNode || port.kind !== 'map') return undefined;
    const [from, to] = ranges[0];
    const endNode = get(port, 'endPort');
    if (from !== to) {
      const first = input.writer.replace(portNode, from);
      const second = endNode ? input.writer.replace(endNode, to) : input.writer.set(port, 'endPort', to);
      return first && second ? [...first, ...second] : undefined;
    }
    // A single port cannot keep an endPort; removing a line is not something the writer does.
    return endNode ? undefined : input.writer.replace(portNode, from);
  };
}
