import type { NetworkRule } from '../../model/network-rule';
import { showRange } from '../../model/ports';
import { known, unknown } from '../../model/value';
import { expiryInDescription, ownerInDescription, portsForProtocol, readPort, readPortText, readProtocol } from '../document/read';
import { asMap, entryOf, get, itemsOf, textOf, touchesError, type MapNode, type TreeNode } from '../document/tree';
import { allOf, ownerInDescriptionEditor, peersOf, replaceSingle, resourceRef, ruleBase, ruleEditor, type ExportInput, type ExportReader } from './common';

/** `tccli vpc DescribeSecurityGroupPolicies` prints the response itself; the API wraps it in `Response`. */
function policySet(root: TreeNode): MapNode | undefined {
  return asMap(get(root, 'SecurityGroupPolicySet') ?? get(get(root, 'Response'), 'SecurityGroupPolicySet'));
}

function readPolicy(input: ExportInput, set: MapNode, policy: MapNode, isEgress: boolean): NetworkRule | undefined {
  const { writer } = input;
  const actionText = textOf(get(policy, 'Action'))?.toUpperCase();
  if (actionText !== 'ACCEPT' && actionText !== 'DROP') return undefined;
  const protocol = readProtocol(get(policy, 'Protocol'), 'all', policy.outer);
  const portNode = get(policy, 'Port');
  const description = get(policy, 'PolicyDescription');
  const owner = ownerInDescription(description);
  const expires = expiryInDescription(description);
  const index = get(policy, 'PolicyIndex');
  // The response does not name the group it was asked about: the set is the group.
  const resource = resourceRef('tencent', 'security-group-policy-set', 'SecurityGroupPolicySet', entryOf(asMap(set), 'Version'), set);
  const cidr = get(policy, 'CidrBlock');
  const cidr6 = get(policy, 'Ipv6CidrBlock');
  return {
    ...ruleBase(resource, resource.address, isEgress ? 'egress' : 'ingress', actionText === 'ACCEPT' ? 'allow' : 'deny', protocol),
    ports: portsForProtocol(protocol, () => (portNode ? readPortText(portNode) : unknown(policy.outer, 'Port is missing')), protocol.span),
    peers: peersOf([cidr, cidr6, get(policy, 'SecurityGroupId'), get(get(policy, 'AddressTemplate'), 'AddressId'), get(get(policy, 'AddressTemplate'), 'AddressGroupId')], policy),
    ...(index ? { priority: readPort(index) } : {}),
    ...(description ? { description: known(textOf(description) ?? '', description.span) } : {}),
    ...(owner ? { owner } : {}),
    ...(expires ? { expires } : {}),
    span: policy.outer,
    edit: ruleEditor({
      // Tencent writes several ranges in one field: "80,443", "8000-9000".
      setPorts: (ranges) => {
        const protocolNode = get(policy, 'Protocol');
        const isAll = (textOf(protocolNode) ?? 'ALL').toUpperCase() === 'ALL';
        const ports = ranges.map(showRange).join(',');
        return allOf([...(isAll && protocolNode ? [writer.replace(protocolNode, 'TCP')] : []), portNode ? writer.replace(portNode, ports) : writer.set(policy, 'Port', ports)]);
      },
      replaceInternetPeers: (cidrs) => allOf([replaceSingle(writer, cidr, cidrs, 4), replaceSingle(writer, cidr6, cidrs, 6)]),
      addOwner: ownerInDescriptionEditor(writer, policy, 'PolicyDescription'),
    }),
  };
}

/** Tencent Cloud `DescribeSecurityGroupPolicies`: `SecurityGroupPolicySet.Ingress` and `.Egress`. */
export const tencent: ExportReader = {
  provider: 'tencent',
  matches: (root) => policySet(root) !== undefined,
  read(input) {
    const set = policySet(input.root);
    if (!set) return [];
    const rules: NetworkRule[] = [];
    for (const [field, isEgress] of [['Ingress', false], ['Egress', true]] as const) {
      for (const item of itemsOf(get(set, field))) {
        const policy = asMap(item);
        if (!policy || touchesError(policy.outer, input.errors)) continue;
        const rule = readPolicy(input, set, policy, isEgress);
        if (rule) rules.push(rule);
      }
    }
    return rules;
  },
};
