import type { Direction, NetworkRule } from '../../../model/network-rule';
import { known } from '../../../model/value';
import type { HclBlock } from '../hcl';
import { ruleBase, type ProviderResources, type ResourceHandler, type ResourceInput } from '../resource';
import { ownerTagEditor, peerEditor, portPairEditor, ruleEditor } from '../rule-editor';
import { readAnnotations, readPeers, readPortPair, readProtocol } from '../values';

/**
 * One AWS security-group rule, inline (`ingress { ... }` in `aws_security_group`) or standalone
 * (`aws_security_group_rule`): the two share their field names.
 */
function readSecurityGroupRule(
  input: ResourceInput,
  ruleBlock: HclBlock,
  direction: Direction,
  groupBlock: HclBlock | undefined,
  groupKey: string,
): NetworkRule {
  const { text, options } = input;
  const attr = (name: string) => ruleBlock.attributes.get(name);
  const protocol = readProtocol(attr('protocol')?.value, ruleBlock.headerSpan);
  const portFallback = attr('protocol')?.span ?? ruleBlock.headerSpan;
  const ports = protocol.known && (protocol.value === 'icmp' || protocol.value === 'icmpv6' || protocol.value === 'other')
    ? known([], portFallback)
    : protocol.known && protocol.value === 'all'
      ? known([[0, 65535]] as const, attr('from_port') && attr('to_port') ? readPortPair(attr('from_port'), attr('to_port'), portFallback).span : portFallback)
      : readPortPair(attr('from_port'), attr('to_port'), portFallback);
  const peers = readPeers([attr('cidr_blocks'), attr('ipv6_cidr_blocks'), attr('prefix_list_ids'), attr('security_groups'), attr('source_security_group_id')], ruleBlock.headerSpan);
  const selfPeer = attr('self')?.value;
  const allPeers = selfPeer && selfPeer.kind === 'bool' && selfPeer.value && peers.known
    ? known([...peers.value, { kind: 'self' as const, span: selfPeer.span }], peers.span)
    : peers;
  return {
    ...ruleBase(input),
    groupKey,
    direction,
    action: 'allow',
    protocol,
    ports,
    peers: allPeers,
    ...readAnnotations(options, attr('description'), [ruleBlock === groupBlock ? undefined : ruleBlock, groupBlock]),
    span: ruleBlock.span,
    edit: ruleEditor({
      setPorts: portPairEditor(attr('from_port'), attr('to_port')),
      replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr_blocks'), family: 4 }, { attribute: attr('ipv6_cidr_blocks'), family: 6 }]),
      addOwner: ownerTagEditor(text, groupBlock),
    }),
  };
}

const securityGroup: ResourceHandler = (input) => {
  const rules: NetworkRule[] = [];
  for (const child of input.block.blocks) {
    if (child.type !== 'ingress' && child.type !== 'egress') continue;
    rules.push(readSecurityGroupRule(input, child, child.type, input.block, input.resource.address));
  }
  return rules;
};

/** The group a standalone rule attaches to: its address when it is in this document, else the expression. */
function attachedGroup(input: ResourceInput, attributeName: string): { block: HclBlock | undefined; key: string } {
  const value = input.block.attributes.get(attributeName)?.value;
  if (!value) return { block: undefined, key: input.resource.address };
  const text = value.kind === 'string' ? value.value : input.text.slice(value.outer.start, value.outer.end);
  const block = value.kind === 'expression' ? input.index.referencedBy(value.text) : undefined;
  return { block, key: block ? `${block.labels[0].value}.${block.labels[1].value}` : text };
}

const securityGroupRule: ResourceHandler = (input) => {
  const typeValue = input.block.attributes.get('type')?.value;
  if (!typeValue || typeValue.kind !== 'string' || (typeValue.value !== 'ingress' && typeValue.value !== 'egress')) return [];
  const group = attachedGroup(input, 'security_group_id');
  // The rule resource itself carries no tags; its owner lives on the group (or in the description).
  const rule = readSecurityGroupRule(input, input.block, typeValue.value, group.block, group.key);
  return [rule];
};

/** `aws_vpc_security_group_ingress_rule`: one CIDR per resource, `ip_protocol`, and its own tags. */
function vpcRule(direction: Direction): ResourceHandler {
  return (input) => {
    const { block, text, options } = input;
    const attr = (name: string) => block.attributes.get(name);
    const protocol = readProtocol(attr('ip_protocol')?.value, block.headerSpan);
    const portFallback = attr('ip_protocol')?.span ?? block.headerSpan;
    const ports = protocol.known && protocol.value === 'all'
      ? known([[0, 65535]] as const, portFallback)
      : protocol.known && protocol.value !== 'tcp' && protocol.value !== 'udp'
        ? known([], portFallback)
        : readPortPair(attr('from_port'), attr('to_port'), portFallback);
    const group = attachedGroup(input, 'security_group_id');
    return [{
      ...ruleBase(input),
      groupKey: group.key,
      direction,
      action: 'allow',
      protocol,
      ports,
      peers: readPeers([attr('cidr_ipv4'), attr('cidr_ipv6'), attr('prefix_list_id'), attr('referenced_security_group_id')], block.headerSpan),
      ...readAnnotations(options, attr('description'), [block, group.block]),
      span: block.span,
      edit: ruleEditor({
        setPorts: portPairEditor(attr('from_port'), attr('to_port')),
        replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr_ipv4'), family: 4 }, { attribute: attr('cidr_ipv6'), family: 6 }]),
        addOwner: ownerTagEditor(text, block),
      }),
    }];
  };
}

export const aws: ProviderResources = {
  provider: 'aws',
  resources: {
    aws_security_group: securityGroup,
    aws_security_group_rule: securityGroupRule,
    aws_vpc_security_group_ingress_rule: vpcRule('ingress'),
    aws_vpc_security_group_egress_rule: vpcRule('egress'),
  },
};
