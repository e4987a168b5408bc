import type { NetworkRule } from '../../model/network-rule';
import { showRange, type PortRange } from '../../model/ports';
import { known, unknown, type Value } from '../../model/value';
import { expiryInDescription, findKey, ownerInDescription, readPort, readPortText, readProtocol } from '../document/read';
import { asMap, asSeq, entryOf, get, itemsOf, textOf, touchesError, type MapNode, type TreeNode } from '../document/tree';
import { allOf, peersOf, replaceInList, resourceRef, ruleBase, ruleEditor, oneOrListReader, type ExportInput, type ExportReader } from './common';

const NSG_TYPE = 'Microsoft.Network/networkSecurityGroups';

function isNsg(node: TreeNode | undefined): boolean {
  return node?.kind === 'map' && (textOf(get(node, 'type')) === NSG_TYPE || get(node, 'securityRules') !== undefined || get(get(node, 'properties'), 'securityRules') !== undefined);
}

/** `az` flattens a rule's `properties`; the REST API keeps them: read either. */
function fieldsOf(node: MapNode): MapNode {
  return asMap(get(node, 'properties')) ?? node;
}

/** `destinationPortRange` ("*", "22", "8000-9000") and `destinationPortRanges`, as the rule uses them. */
function readPorts(rule: MapNode): Value<readonly PortRange[]> {
  const list = asSeq(get(rule, 'destinationPortRanges'));
  if (list && list.items.length > 0) {
    const ranges: PortRange[] = [];
    for (const item of list.items) {
      const value = readPortText(item);
      if (!value.known) return value;
      ranges.push(...value.value);
    }
    return known(ranges, list.outer);
  }
  const single = get(rule, 'destinationPortRange');
  return single ? readPortText(single) : unknown(rule.outer, 'destinationPortRange is missing');
}

function readRule(input: ExportInput, nsg: MapNode, item: MapNode, resource: ReturnType<typeof resourceRef>): NetworkRule | undefined {
  const { writer, options } = input;
  const rule = fieldsOf(item);
  const direction = textOf(get(rule, 'direction'))?.toLowerCase();
  const access = textOf(get(rule, 'access'))?.toLowerCase();
  if ((direction !== 'inbound' && direction !== 'outbound') || (access !== 'allow' && access !== 'deny')) return undefined;
  const isInbound = direction === 'inbound';
  const side = isInbound ? 'source' : 'destination';
  const prefix = get(rule, `${side}AddressPrefix`);
  const prefixes = get(rule, `${side}AddressPrefixes`);
  const groups = itemsOf(get(rule, `${side}ApplicationSecurityGroups`)).map((group) => get(group, 'id'));
  const cidrs = peersOf([prefix, prefixes], rule);
  const references = peersOf(groups, rule, true);
  // The other side (the destination of an inbound rule) narrows the rule to part of the NSG.
  const local = isInbound ? 'destination' : 'source';
  const localNodes = [get(rule, `${local}AddressPrefix`), get(rule, `${local}AddressPrefixes`)];
  const localGroups = itemsOf(get(rule, `${local}ApplicationSecurityGroups`)).map((group) => get(group, 'id'));
  const localCidrs = peersOf(localNodes, rule);
  const localReferences = peersOf(localGroups, rule, true);
  const appliesTo = localCidrs.known && localReferences.known ? [...localCidrs.value, ...localReferences.value] : undefined;
  const description = get(rule, 'description');
  const tags = get(nsg, 'tags');
  const owner = ownerInDescription(description) ?? findKey(tags, options.ownerKeys);
  const expires = expiryInDescription(description) ?? findKey(tags, options.expiryKeys);
  const priority = get(rule, 'priority');
  return {
    ...ruleBase(resource, resource.address, isInbound ? 'ingress' : 'egress', access, readProtocol(get(rule, 'protocol'), 'all', rule.outer)),
    ports: readPorts(rule),
    peers: cidrs.known && references.known ? known([...cidrs.value, ...references.value], cidrs.value.length > 0 ? cidrs.span : references.span) : cidrs,
    ...(priority ? { priority: readPort(priority) } : {}),
    ...(appliesTo && appliesTo.length > 0 ? { appliesTo: known(appliesTo, localCidrs.span) } : {}),
    ...(owner ? { owner } : {}),
    ...(expires ? { expires } : {}),
    span: item.outer,
    edit: ruleEditor({
      setPorts: (ranges) => {
        const list = asSeq(get(rule, 'destinationPortRanges'));
        const single = get(rule, 'destinationPortRange');
        if (list && list.items.length > 0) return writer.replace(list, ranges.map(showRange));
        if (ranges.length !== 1) return undefined;
        return single ? writer.replace(single, showRange(ranges[0])) : writer.set(rule, 'destinationPortRange', showRange(ranges[0]));
      },
      replaceInternetPeers: (list) => {
        const edits: ReturnType<typeof writer.replace>[] = [];
        const prefixList = asSeq(prefixes);
        if (prefixList && prefixList.items.length > 0) edits.push(replaceInList(writer, prefixList, list) ?? []);
        if (prefix && textOf(prefix) !== '' && cidrs.known && cidrs.value.some((peer) => peer.span.start === prefix.span.start && (peer.kind === 'anywhere' || (peer.kind === 'cidr' && peer.cidr.prefix === 0)))) {
          edits.push(list.length === 1 ? writer.replace(prefix, list[0]) : undefined);
        }
        return allOf(edits.length > 0 ? edits : [undefined]);
      },
      addOwner: (key, value) => {
        const tagMap = asMap(tags);
        if (tagMap) return writer.set(tagMap, key, value);
        return tags ? undefined : writer.set(nsg, 'tags', { [key]: value });
      },
    }),
  };
}

function readNsg(input: ExportInput, nsg: MapNode): NetworkRule[] {
  const body = fieldsOf(nsg);
  const name = textOf(get(nsg, 'name')) ?? 'network security group';
  const resource = resourceRef('azure', NSG_TYPE, name, entryOf(nsg, 'name'), nsg);
  const rules: NetworkRule[] = [];
  // Default rules come after the user's: Azure evaluates them last (priorities 65000 and up).
  for (const field of ['securityRules', 'defaultSecurityRules']) {
    for (const item of itemsOf(get(body, field))) {
      const rule = asMap(item);
      if (!rule || touchesError(rule.outer, input.errors)) continue;
      const read = readRule(input, nsg, rule, resource);
      if (read) rules.push(read);
    }
  }
  return rules;
}

/** Azure `az network nsg show` (one NSG) or `az network nsg list` (an array of them). */
export const azure: ExportReader = oneOrListReader('azure', isNsg, readNsg);
