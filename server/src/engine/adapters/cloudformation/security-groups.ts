import type { NetworkRule, Peer } from '../../model/network-rule';
import { known, unknown, type Value } from '../../model/value';
import { readText } from '../document/read';
import { asMap, asSeq, fullSpan, get, itemsOf, type MapNode, type TreeNode } from '../document/tree';
import { cidrFieldEditor, directionOf, portPairEditor, readPorts, readProtocolField, referencedResource, resourceRef, ruleEditor, tagEditor, type ResourceInput, type ResourceReader } from './rules';
import type { TemplateResource } from './template';
import { readField, readOwnership, readPeerField } from './values';

/** The fields a rule names its other side with, by direction. */
const PEER_FIELDS = {
  ingress: { cidrs: ['CidrIp', 'CidrIpv6'], references: ['SourceSecurityGroupId', 'SourceSecurityGroupName', 'SourcePrefixListId'] },
  egress: { cidrs: ['CidrIp', 'CidrIpv6'], references: ['DestinationSecurityGroupId', 'DestinationPrefixListId'] },
} as const;

function readPeers(input: ResourceInput, rule: MapNode, isEgress: boolean): Value<readonly Peer[]> {
  const fields = PEER_FIELDS[directionOf(isEgress)];
  const peers: Peer[] = [];
  const spans: TreeNode[] = [];
  for (const name of fields.cidrs) {
    const node = get(rule, name);
    if (node) (peers.push(readPeerField(input.template, node)), spans.push(node));
  }
  for (const name of fields.references) {
    const node = get(rule, name);
    if (node) (peers.push(readPeerField(input.template, node, true)), spans.push(node));
  }
  if (spans.length === 0) return known([], rule.outer);
  const all = spans.map(fullSpan);
  return known(peers, { start: Math.min(...all.map((span) => span.start)), end: Math.max(...all.map((span) => span.end)) });
}

/** One ingress or egress entry, inline in a group or as its own resource. */
function readRule(input: ResourceInput, rule: MapNode, isEgress: boolean, group: TemplateResource | undefined, groupKey: string): NetworkRule {
  const { template, options } = input;
  const protocol = readProtocolField(template, get(rule, 'IpProtocol'), rule);
  const description = get(rule, 'Description');
  const ownership = readOwnership(template, description, [get(group?.properties, 'Tags')], options.ownerKeys, options.expiryKeys);
  return {
    format: 'cloudformation',
    resource: resourceRef(input.resource),
    groupKey,
    direction: directionOf(isEgress),
    action: 'allow',
    protocol,
    ports: readPorts(template, protocol, rule, ['FromPort', 'ToPort'], rule),
    peers: readPeers(input, rule, isEgress),
    ...(description ? { description: readField(template, description, readText) } : {}),
    ...ownership,
    span: rule.outer,
    edit: ruleEditor({
      setPorts: portPairEditor(template, rule, { protocol: 'IpProtocol', from: 'FromPort', to: 'ToPort', tcp: 'tcp' }),
      replaceInternetPeers: cidrFieldEditor(template, rule, [{ name: 'CidrIp', family: 4 }, { name: 'CidrIpv6', family: 6 }]),
      addOwner: tagEditor(template, group),
    }),
  };
}

/** Written in literals only: no `!Ref`, `Fn::` or other tag, so deleting it depends on no parameter's value. */
function isLiteralTree(node: TreeNode): boolean {
  if (node.tag) return false;
  if (node.kind === 'map') return node.entries.every((entry) => entry.key !== 'Ref' && !entry.key.startsWith('Fn::') && (entry.value === undefined || isLiteralTree(entry.value)));
  if (node.kind === 'seq') return node.items.every(isLiteralTree);
  return node.kind === 'scalar';
}

/** `AWS::EC2::SecurityGroup`: its `SecurityGroupIngress` and `SecurityGroupEgress` lists. */
export const readSecurityGroup: ResourceReader = (input) => {
  const properties = input.resource.properties;
  const rules: NetworkRule[] = [];
  for (const [field, isEgress] of [['SecurityGroupIngress', false], ['SecurityGroupEgress', true]] as const) {
    const list = asSeq(get(properties, field));
    for (const item of itemsOf(get(properties, field))) {
      const rule = asMap(item);
      if (!rule || rule.tag) continue;
      const read = readRule(input, rule, isEgress, input.resource, input.resource.logicalId);
      // One list item is one rule: deleting the item deletes that rule and nothing else.
      const removeRule = list && isLiteralTree(rule) ? () => input.template.writer.remove(list, rule) : undefined;
      rules.push(removeRule ? { ...read, edit: { ...read.edit, removeRule } } : read);
    }
  }
  return rules;
};

/**
 * `AWS::EC2::SecurityGroupIngress` and `...Egress`: a rule of the group its `GroupId` names. The
 * group's tags count when the group is in this template; otherwise its owner is unknown, not missing.
 */
export function readStandaloneRule(isEgress: boolean): ResourceReader {
  return (input) => {
    const properties = input.resource.properties;
    if (!properties) return [];
    const groupField = get(properties, 'GroupId') ?? get(properties, 'GroupName');
    const group = referencedResource(input, groupField);
    const groupKey = group?.logicalId ?? (groupField ? input.template.text.slice(fullSpan(groupField).start, fullSpan(groupField).end) : input.resource.logicalId);
    const rule = readRule(input, properties, isEgress, group, groupKey);
    if (rule.owner || group || !groupField) return [rule];
    return [{ ...rule, owner: unknown(fullSpan(groupField), `the tags of ${groupKey} are not in this template`) }];
  };
}
