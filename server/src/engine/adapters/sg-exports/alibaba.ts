import type { NetworkRule } from '../../model/network-rule';
import { known } from '../../model/value';
import { expiryInDescription, ownerInDescription, portsForProtocol, readPort, readPortText, readProtocol } from '../document/read';
import { asMap, entryOf, get, itemsOf, textOf, touchesError, type MapNode } from '../document/tree';
import { allOf, ownerInDescriptionEditor, peersOf, replaceSingle, resourceRef, ruleBase, ruleEditor, type ExportInput, type ExportReader } from './common';

const PEER_FIELDS = {
  ingress: { cidrs: ['SourceCidrIp', 'Ipv6SourceCidrIp'], references: ['SourceGroupId', 'SourcePrefixListId'] },
  egress: { cidrs: ['DestCidrIp', 'Ipv6DestCidrIp'], references: ['DestGroupId', 'DestPrefixListId'] },
} as const;

function readPermission(input: ExportInput, group: MapNode, permission: MapNode, resource: ReturnType<typeof resourceRef>): NetworkRule | undefined {
  const { writer } = input;
  const direction = textOf(get(permission, 'Direction'))?.toLowerCase();
  const policy = (textOf(get(permission, 'Policy')) ?? 'Accept').toLowerCase();
  if ((direction !== 'ingress' && direction !== 'egress') || (policy !== 'accept' && policy !== 'drop')) return undefined;
  const protocol = readProtocol(get(permission, 'IpProtocol'), 'all', permission.outer);
  const portNode = get(permission, 'PortRange');
  const fields = PEER_FIELDS[direction];
  const cidrs = peersOf(fields.cidrs.map((name) => get(permission, name)), permission);
  const references = peersOf(fields.references.map((name) => get(permission, name)), permission, true);
  const description = get(permission, 'Description');
  const owner = ownerInDescription(description) ?? ownerInDescription(get(group, 'Description'));
  const expires = expiryInDescription(description) ?? expiryInDescription(get(group, 'Description'));
  const priority = get(permission, 'Priority');
  return {
    ...ruleBase(resource, resource.address, direction, policy === 'accept' ? 'allow' : 'deny', protocol),
    ports: portsForProtocol(protocol, () => (portNode ? readPortText(portNode) : known([[0, 65535]], permission.outer)), protocol.span),
    peers: cidrs.known && references.known ? known([...cidrs.value, ...references.value], cidrs.value.length > 0 ? cidrs.span : references.span) : cidrs,
    ...(priority ? { priority: readPort(priority) } : {}),
    ...(owner ? { owner } : {}),
    ...(expires ? { expires } : {}),
    span: permission.outer,
    edit: ruleEditor({
      // One range per rule, written "from/to".
      setPorts: (ranges) => {
        if (ranges.length !== 1) return undefined;
        const protocolNode = get(permission, 'IpProtocol');
        const isAll = (textOf(protocolNode) ?? 'ALL').toUpperCase() === 'ALL';
        const text = `${ranges[0][0]}/${ranges[0][1]}`;
        return allOf([...(isAll && protocolNode ? [writer.replace(protocolNode, 'TCP')] : []), portNode ? writer.replace(portNode, text) : writer.set(permission, 'PortRange', text)]);
      },
      replaceInternetPeers: (list) => allOf([replaceSingle(writer, get(permission, fields.cidrs[0]), list, 4), replaceSingle(writer, get(permission, fields.cidrs[1]), list, 6)]),
      addOwner: ownerInDescriptionEditor(writer, group, 'Description'),
    }),
  };
}

/** Alibaba Cloud `DescribeSecurityGroupAttribute`: `Permissions.Permission[]` of one group. */
export const alibaba: ExportReader = {
  provider: 'alibaba',
  matches: (root) => get(get(root, 'Permissions'), 'Permission')?.kind === 'seq',
  read(input) {
    const group = asMap(input.root);
    if (!group) return [];
    const id = textOf(get(group, 'SecurityGroupId')) ?? textOf(get(group, 'SecurityGroupName')) ?? 'security group';
    const resource = resourceRef('alibaba', 'security-group', id, entryOf(group, 'SecurityGroupId'), group);
    const rules: NetworkRule[] = [];
    for (const item of itemsOf(get(get(group, 'Permissions'), 'Permission'))) {
      const permission = asMap(item);
      if (!permission || touchesError(permission.outer, input.errors)) continue;
      const rule = readPermission(input, group, permission, resource);
      if (rule) rules.push(rule);
    }
    return rules;
  },
};
