import type { NetworkRule } from '../../model/network-rule';
import { known, unknown } from '../../model/value';
import { readPort } from '../document/read';
import { asMap, boolOf, fullSpan, get, textOf } from '../document/tree';
import { cidrFieldEditor, portPairEditor, readPorts, readProtocolField, referencedResource, resourceRef, ruleEditor, tagEditor, type ResourceReader } from './rules';
import { readField, readOwnership, readPeerField } from './values';

/** `AWS::EC2::NetworkAclEntry`: one numbered entry of the network ACL its `NetworkAclId` names. */
export const readNetworkAclEntry: ResourceReader = (input) => {
  const { template, options } = input;
  const properties = input.resource.properties;
  if (!properties) return [];
  const egressNode = get(properties, 'Egress');
  const isEgress = egressNode ? boolOf(egressNode) : false;
  const actionText = textOf(get(properties, 'RuleAction'))?.toLowerCase();
  // Direction and action are no Values: when they are expressions the entry is skipped, not guessed.
  if (isEgress === undefined || (actionText !== 'allow' && actionText !== 'deny')) return [];
  const aclField = get(properties, 'NetworkAclId');
  const acl = referencedResource(input, aclField);
  const groupKey = acl?.logicalId ?? (aclField ? template.text.slice(fullSpan(aclField).start, fullSpan(aclField).end) : input.resource.logicalId);
  const protocol = readProtocolField(template, get(properties, 'Protocol'), properties);
  const cidrs = ['CidrBlock', 'Ipv6CidrBlock'].map((name) => get(properties, name)).filter((node) => node !== undefined);
  const ruleNumber = get(properties, 'RuleNumber');
  const ownership = readOwnership(template, undefined, [get(acl?.properties, 'Tags')], options.ownerKeys, options.expiryKeys);
  const rule: NetworkRule = {
    format: 'cloudformation',
    resource: resourceRef(input.resource),
    groupKey,
    direction: isEgress ? 'egress' : 'ingress',
    action: actionText,
    protocol,
    ports: readPorts(template, protocol, asMap(get(properties, 'PortRange')), ['From', 'To'], properties),
    peers: cidrs.length === 0 ? known([], properties.outer) : known(cidrs.map((node) => readPeerField(template, node)), fullSpan(cidrs[0])),
    ...(ruleNumber ? { priority: readField(template, ruleNumber, readPort) } : {}),
    ...ownership,
    span: input.resource.entry.span,
    edit: ruleEditor({
      setPorts: portPairEditor(template, properties, { protocol: 'Protocol', from: 'From', to: 'To', tcp: 6, container: 'PortRange' }),
      replaceInternetPeers: cidrFieldEditor(template, properties, [{ name: 'CidrBlock', family: 4 }, { name: 'Ipv6CidrBlock', family: 6 }]),
      addOwner: tagEditor(template, acl),
    }),
  };
  if (rule.owner || acl || !aclField) return [rule];
  return [{ ...rule, owner: unknown(fullSpan(aclField), `the tags of ${groupKey} are not in this template`) }];
};
