import type { NetworkRule } from '../../model/network-rule';
import { known } from '../../model/value';
import { expiryInDescription, findTagInList, ownerInDescription, portsForProtocol, readPortPair, readProtocol, readText } from '../document/read';
import { asMap, asSeq, entryOf, get, itemsOf, textOf, touchesError, type MapNode } from '../document/tree';
import { mergeInserts } from '../document/writer';
import { allOf, peersOf, resourceRef, ruleBase, ruleEditor, type ExportInput, type ExportReader } from './common';

/** The description of each address range: where `owner=` and `expires=` can be written per rule. */
function rangeDescriptions(permission: MapNode) {
  return ['IpRanges', 'Ipv6Ranges'].flatMap((field) => itemsOf(get(permission, field)).map((range) => get(range, 'Description')));
}

function readPermission(input: ExportInput, group: MapNode, permission: MapNode, isEgress: boolean, resource: ReturnType<typeof resourceRef>): NetworkRule {
  const { writer, options } = input;
  const protocol = readProtocol(get(permission, 'IpProtocol'), 'all', permission.outer);
  const from = get(permission, 'FromPort');
  const to = get(permission, 'ToPort');
  const cidrs = [...itemsOf(get(permission, 'IpRanges')).map((range) => get(range, 'CidrIp')), ...itemsOf(get(permission, 'Ipv6Ranges')).map((range) => get(range, 'CidrIpv6'))];
  const groups = [...itemsOf(get(permission, 'UserIdGroupPairs')).map((pair) => get(pair, 'GroupId')), ...itemsOf(get(permission, 'PrefixListIds')).map((list) => get(list, 'PrefixListId'))];
  const cidrPeers = peersOf(cidrs, permission);
  const referencePeers = peersOf(groups, permission, true);
  const peers = cidrPeers.known && referencePeers.known
    ? known([...cidrPeers.value, ...referencePeers.value], cidrPeers.value.length > 0 ? cidrPeers.span : referencePeers.span)
    : cidrPeers;
  const descriptions = rangeDescriptions(permission);
  const tags = get(group, 'Tags');
  const owner = descriptions.map(ownerInDescription).find((value) => value !== undefined) ?? findTagInList(tags, options.ownerKeys);
  const expires = descriptions.map(expiryInDescription).find((value) => value !== undefined) ?? findTagInList(tags, options.expiryKeys);
  return {
    ...ruleBase(resource, resource.address, isEgress ? 'egress' : 'ingress', 'allow', protocol),
    ports: portsForProtocol(protocol, () => readPortPair(from, to, permission.outer), protocol.span),
    peers,
    ...(owner ? { owner } : {}),
    ...(expires ? { expires } : {}),
    span: permission.outer,
    edit: ruleEditor({
      setPorts: (ranges) => {
        if (ranges.length !== 1) return undefined;
        const [low, high] = ranges[0];
        const protocolNode = get(permission, 'IpProtocol');
        const isAll = textOf(protocolNode) === '-1';
        return allOf([
          ...(isAll && protocolNode ? [writer.replace(protocolNode, 'tcp')] : []),
          mergeInserts([...(from ? writer.replace(from, low) ?? [] : writer.set(permission, 'FromPort', low) ?? []), ...(to ? writer.replace(to, high) ?? [] : writer.set(permission, 'ToPort', high) ?? [])]),
        ]);
      },
      replaceInternetPeers: (cidrList) => {
        const v4 = asSeq(get(permission, 'IpRanges'));
        const v6 = asSeq(get(permission, 'Ipv6Ranges'));
        const edits = [v4, v6].flatMap((list, index) => (list ? replaceRanges(input, list.items.map(asMap), index === 0 ? 'CidrIp' : 'CidrIpv6', cidrList, index === 0 ? 4 : 6) : []));
        return allOf(edits.length > 0 ? edits : [undefined]);
      },
      addOwner: (key, value) => {
        const tagList = asSeq(tags);
        if (!tags) return writer.set(group, 'Tags', [{ Key: key, Value: value }]);
        return tagList ? writer.append(tagList, { Key: key, Value: value }) : undefined;
      },
    }),
  };
}

/** `IpRanges` entries are objects: an internet-wide `CidrIp` is rewritten in place, extra CIDRs are appended. */
function replaceRanges(input: ExportInput, ranges: readonly (MapNode | undefined)[], field: string, cidrs: readonly string[], family: 4 | 6): (ReturnType<ExportInput['writer']['replace']>)[] {
  const values = ranges.map((range) => get(range, field));
  const open = values.filter((value) => value !== undefined && /^(0\.0\.0\.0\/0|::\/0)$/.test(textOf(value) ?? ''));
  if (open.length === 0) return [];
  const replacements = cidrs.filter((cidr) => (cidr.includes(':') ? 6 : 4) === family);
  if (replacements.length !== 1) return [undefined];
  return open.map((value) => (value ? input.writer.replace(value, replacements[0]) : undefined));
}

/** `aws ec2 describe-security-groups`: `SecurityGroups[]` with `IpPermissions` and `IpPermissionsEgress`. */
export const aws: ExportReader = {
  provider: 'aws',
  matches: (root) => get(root, 'SecurityGroups')?.kind === 'seq',
  read(input) {
    const rules: NetworkRule[] = [];
    for (const item of itemsOf(get(input.root, 'SecurityGroups'))) {
      const group = asMap(item);
      if (!group || touchesError(group.outer, input.errors)) continue;
      const id = textOf(get(group, 'GroupId')) ?? textOf(get(group, 'GroupName')) ?? 'security group';
      const resource = resourceRef('aws', 'security-group', id, entryOf(group, 'GroupId'), group);
      const description = get(group, 'Description');
      for (const [field, isEgress] of [['IpPermissions', false], ['IpPermissionsEgress', true]] as const) {
        for (const permission of itemsOf(get(group, field))) {
          if (permission.kind !== 'map') continue;
          const rule = readPermission(input, group, permission, isEgress, resource);
          rules.push(description && !rule.owner ? withGroupDescription(rule, description) : rule);
        }
      }
    }
    return rules;
  },
};

/** `owner=` in the group's description counts for its rules, as in Terraform. */
function withGroupDescription(rule: NetworkRule, description: NonNullable<ReturnType<typeof get>>): NetworkRule {
  const owner = ownerInDescription(description);
  return owner ? { ...rule, owner, description: readText(description) } : rule;
}
