import type { NetworkRule } from '../../model/network-rule';
import { showRange, type PortRange } from '../../model/ports';
import { known, type Value } from '../../model/value';
import { boolOf, asMap, asSeq, entryOf, get, itemsOf, textOf, touchesError, type MapNode, type TreeNode } from '../document/tree';
import { expiryInDescription, ownerInDescription, portsForProtocol, readPort, readPortText, readProtocol } from '../document/read';
import { allOf, ownerInDescriptionEditor, peersOf, replaceInList, resourceRef, ruleBase, ruleEditor, oneOrListReader, type ExportInput, type ExportReader } from './common';

function isFirewall(node: TreeNode | undefined): boolean {
  return node?.kind === 'map' && (textOf(get(node, 'kind')) === 'compute#firewall' || (get(node, 'allowed') ?? get(node, 'denied')) !== undefined && get(node, 'direction') !== undefined);
}

/** `ports: ["22", "8000-9000"]`; no `ports` means every port of the protocol. */
function readPorts(entry: MapNode): Value<readonly PortRange[]> {
  const list = asSeq(get(entry, 'ports'));
  if (!list || list.items.length === 0) return known([[0, 65535]], list ? list.outer : entry.outer);
  const ranges: PortRange[] = [];
  for (const item of list.items) {
    const value = readPortText(item);
    if (!value.known) return value;
    ranges.push(...value.value);
  }
  return known(ranges, list.outer);
}

function readFirewall(input: ExportInput, firewall: MapNode): NetworkRule[] {
  const { writer } = input;
  // A disabled rule lets nothing through.
  if (boolOf(get(firewall, 'disabled')) === true) return [];
  const name = textOf(get(firewall, 'name')) ?? 'firewall';
  const resource = resourceRef('gcp', 'compute#firewall', name, entryOf(firewall, 'name'), firewall);
  const isEgress = textOf(get(firewall, 'direction'))?.toUpperCase() === 'EGRESS';
  const ranges = get(firewall, isEgress ? 'destinationRanges' : 'sourceRanges');
  const references = isEgress ? [] : [get(firewall, 'sourceTags'), get(firewall, 'sourceServiceAccounts')];
  const cidrs = peersOf([ranges], firewall);
  const others = peersOf(references, firewall, true);
  const description = get(firewall, 'description');
  const owner = ownerInDescription(description);
  const expires = expiryInDescription(description);
  const priority = get(firewall, 'priority');
  const rules: NetworkRule[] = [];
  for (const [field, action] of [['allowed', 'allow'], ['denied', 'deny']] as const) {
    for (const item of itemsOf(get(firewall, field))) {
      const entry = asMap(item);
      if (!entry) continue;
      const protocol = readProtocol(get(entry, 'IPProtocol'), 'all', entry.outer);
      rules.push({
        ...ruleBase(resource, name, isEgress ? 'egress' : 'ingress', action, protocol),
        ports: portsForProtocol(protocol, () => readPorts(entry), protocol.span),
        peers: cidrs.known && others.known ? known([...cidrs.value, ...others.value], cidrs.value.length > 0 ? cidrs.span : others.span) : cidrs,
        ...(priority ? { priority: readPort(priority) } : {}),
        ...(owner ? { owner } : {}),
        ...(expires ? { expires } : {}),
        span: entry.outer,
        edit: ruleEditor({
          setPorts: (ranges) => {
            const protocolNode = get(entry, 'IPProtocol');
            const isAll = (textOf(protocolNode) ?? 'all').toLowerCase() === 'all';
            const ports = ranges.map(showRange);
            const list = get(entry, 'ports');
            return allOf([...(isAll && protocolNode ? [writer.replace(protocolNode, 'tcp')] : []), list ? writer.replace(list, ports) : writer.set(entry, 'ports', ports)]);
          },
          replaceInternetPeers: (list) => {
            const seq = asSeq(ranges);
            return seq ? replaceInList(writer, seq, list) : undefined;
          },
          addOwner: ownerInDescriptionEditor(writer, firewall, 'description'),
        }),
      });
    }
  }
  return rules;
}

/** `gcloud compute firewall-rules list --format=json`: an array of firewall rules (or one, from `describe`). */
// A firewall is one rule: one that touches a syntax error is skipped whole.
export const gcp: ExportReader = oneOrListReader('gcp', isFirewall, (input, firewall) => (touchesError(firewall.outer, input.errors) ? [] : readFirewall(input, firewall)));
