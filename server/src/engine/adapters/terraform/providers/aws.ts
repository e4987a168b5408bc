import { awsDatabaseEngine, type DatabaseEngine } from '../../../model/databases';
import type { Action, Direction, NetworkRule, Peer, Protocol, RuleEditor } from '../../../model/network-rule';
import type { PortRange } from '../../../model/ports';
import type { Span } from '../../../model/span';
import { known, unknown, type Value } from '../../../model/value';
import { attributeBlocks } from '../attribute-blocks';
import { formatAttributeLike, linesAfter, replace, replaceScalar } from '../edits';
import type { HclAttribute, HclBlock } from '../hcl';
import { attachedGroup, ownerOutsideDocument, ruleBase, type ProviderResources, type ResourceHandler, type ResourceInput } from '../resource';
import { ownerTagEditor, peerEditor, ruleEditor } from '../rule-editor';
import { readAnnotations, readBool, readInteger, readKeyword, readPeers, readPortPair, readProtocol, readString } from '../values';

/** Attributes that name other groups or prefix lists: their items are references, never addresses. */
const REFERENCE_ATTRIBUTES = ['security_groups', 'source_security_group_id', 'referenced_security_group_id', 'prefix_list_ids', 'prefix_list_id'];

/**
 * Sets a rule's ports where AWS keeps them in `from_port`/`to_port`. AWS ignores the ports of an
 * all-protocol rule (`-1`), so that rule also becomes tcp: otherwise the fix would narrow nothing.
 * A rule of unknown protocol, or one whose ports are ICMP type and code, is left alone.
 */
function protocolPortsEditor(text: string, protocolAttribute: HclAttribute | undefined, from: HclAttribute | undefined, to: HclAttribute | undefined): RuleEditor['setPorts'] {
  return (ranges) => {
    if (ranges.length !== 1 || !protocolAttribute) return undefined;
    const protocol = readProtocol(protocolAttribute.value, protocolAttribute.span);
    if (!protocol.known || (protocol.value !== 'tcp' && protocol.value !== 'udp' && protocol.value !== 'all')) return undefined;
    const [low, high] = ranges[0];
    if (from && to) {
      const edits = [replaceScalar(from.value, low), replaceScalar(to.value, high)];
      if (protocol.value === 'all') edits.push(replaceScalar(protocolAttribute.value, 'tcp'));
      return edits.every((edit) => edit !== undefined) ? edits : undefined;
    }
    // An all-protocol rule often omits its ports (the VPC rule resources forbid them): add both.
    if (from || to || protocol.value !== 'all') return undefined;
    const attribute = (name: string, value: string) => formatAttributeLike(text, protocolAttribute, name, value);
    return [replace(protocolAttribute.span, attribute(protocolAttribute.name, '"tcp"') + linesAfter(text, protocolAttribute, [attribute('from_port', String(low)), attribute('to_port', String(high))]))];
  };
}

/** Ports of a rule that has `from_port`/`to_port`: every port for all protocols, none for ICMP and others. */
function readRulePorts(protocol: Value<Protocol>, protocolAttribute: HclAttribute | undefined, from: HclAttribute | undefined, to: HclAttribute | undefined, fallback: Span): Value<readonly PortRange[]> {
  const portFallback = protocolAttribute?.span ?? fallback;
  if (protocol.known && protocol.value === 'all') return known([[0, 65535]], from && to ? readPortPair(from, to, portFallback).span : portFallback);
  if (protocol.known && protocol.value !== 'tcp' && protocol.value !== 'udp') return known([], portFallback);
  return readPortPair(from, to, portFallback);
}

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
  const ports = readRulePorts(protocol, attr('protocol'), attr('from_port'), attr('to_port'), ruleBlock.headerSpan);
  const peers = readPeers([attr('cidr_blocks'), attr('ipv6_cidr_blocks'), attr('prefix_list_ids'), attr('security_groups'), attr('source_security_group_id')], ruleBlock.headerSpan, REFERENCE_ATTRIBUTES);
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
      setPorts: protocolPortsEditor(text, attr('protocol'), attr('from_port'), attr('to_port')),
      replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr_blocks'), family: 4 }, { attribute: attr('ipv6_cidr_blocks'), family: 6 }]),
      addOwner: ownerTagEditor(text, groupBlock),
    }),
  };
}

interface RuleBlock {
  readonly child: HclBlock;
  readonly direction: Direction;
}

/** `ingress`/`egress` blocks, then the same written as attributes (`ingress = [{ ... }]`). */
function ruleBlocks(block: HclBlock): RuleBlock[] {
  const blocks = block.blocks.flatMap((child): RuleBlock[] => (child.type === 'ingress' || child.type === 'egress' ? [{ child, direction: child.type }] : []));
  const attributes = (['ingress', 'egress'] as const).flatMap((direction) => attributeBlocks(block, direction).map((child) => ({ child, direction })));
  return [...blocks, ...attributes];
}

/** `aws_security_group` and `aws_default_security_group` (which adopts a VPC's default group): the same rule fields. */
const securityGroup: ResourceHandler = (input) => {
  const rules: NetworkRule[] = [];
  for (const { child, direction } of ruleBlocks(input.block)) {
    rules.push(readSecurityGroupRule(input, child, direction, input.block, input.resource.address));
  }
  return rules;
};

const securityGroupRule: ResourceHandler = (input) => {
  const typeValue = input.block.attributes.get('type')?.value;
  if (!typeValue || typeValue.kind !== 'string' || (typeValue.value !== 'ingress' && typeValue.value !== 'egress')) return [];
  const group = attachedGroup(input, 'security_group_id');
  // The rule resource itself carries no tags; its owner lives on the group (or in the description).
  const rule = readSecurityGroupRule(input, input.block, typeValue.value, group.block, group.key);
  return [ownerOutsideDocument(rule, group)];
};

/** `aws_vpc_security_group_ingress_rule`: one CIDR per resource, `ip_protocol`, and its own tags. */
function vpcRule(direction: Direction): ResourceHandler {
  return (input) => {
    const { block, text, options } = input;
    const attr = (name: string) => block.attributes.get(name);
    const protocol = readProtocol(attr('ip_protocol')?.value, block.headerSpan);
    const ports = readRulePorts(protocol, attr('ip_protocol'), attr('from_port'), attr('to_port'), block.headerSpan);
    const group = attachedGroup(input, 'security_group_id');
    return [ownerOutsideDocument({
      ...ruleBase(input),
      groupKey: group.key,
      direction,
      action: 'allow',
      protocol,
      ports,
      peers: readPeers([attr('cidr_ipv4'), attr('cidr_ipv6'), attr('prefix_list_id'), attr('referenced_security_group_id')], block.headerSpan, REFERENCE_ATTRIBUTES),
      ...readAnnotations(options, attr('description'), [block, group.block]),
      span: block.span,
      edit: ruleEditor({
        setPorts: protocolPortsEditor(text, attr('ip_protocol'), attr('from_port'), attr('to_port')),
        replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr_ipv4'), family: 4 }, { attribute: attr('cidr_ipv6'), family: 6 }]),
        addOwner: ownerTagEditor(text, block),
      }),
    }, group)];
  };
}

/**
 * One network ACL entry, inline (`ingress { ... }` in `aws_network_acl`) or standalone
 * (`aws_network_acl_rule`, which names its fields `rule_action` and `rule_number`).
 */
function readAclEntry(
  input: ResourceInput,
  entry: HclBlock,
  direction: Direction,
  names: { readonly action: string; readonly number: string },
  group: { readonly block: HclBlock | undefined; readonly key: string },
): NetworkRule | undefined {
  const { text, options } = input;
  const attr = (name: string) => entry.attributes.get(name);
  const action = readKeyword<Action>(attr(names.action), { allow: 'allow', deny: 'deny' });
  // An action we cannot read could be either: guessing would invent an opening or hide one.
  if (!action) return undefined;
  const protocol = readProtocol(attr('protocol')?.value, entry.headerSpan);
  const number = attr(names.number);
  return {
    ...ruleBase(input),
    groupKey: group.key,
    direction,
    action,
    protocol,
    ports: readRulePorts(protocol, attr('protocol'), attr('from_port'), attr('to_port'), entry.headerSpan),
    peers: readPeers([attr('cidr_block'), attr('ipv6_cidr_block')], entry.headerSpan),
    ...readAnnotations(options, undefined, [group.block]),
    ...(number ? { priority: readInteger(number.value) } : {}),
    span: entry.span,
    edit: ruleEditor({
      setPorts: protocolPortsEditor(text, attr('protocol'), attr('from_port'), attr('to_port')),
      replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr_block'), family: 4 }, { attribute: attr('ipv6_cidr_block'), family: 6 }]),
      addOwner: ownerTagEditor(text, group.block),
    }),
  };
}

const networkAcl: ResourceHandler = (input) => {
  const group = { block: input.block, key: input.resource.address };
  return ruleBlocks(input.block).flatMap(({ child, direction }) => readAclEntry(input, child, direction, { action: 'action', number: 'rule_no' }, group) ?? []);
};

const networkAclRule: ResourceHandler = (input) => {
  const egress = input.block.attributes.get('egress');
  const isEgress = egress ? readBool(egress.value) : false;
  // The direction is no Value: when it is an expression the rule is skipped rather than guessed.
  if (isEgress === undefined) return [];
  const group = attachedGroup(input, 'network_acl_id');
  const rule = readAclEntry(input, input.block, isEgress ? 'egress' : 'ingress', { action: 'rule_action', number: 'rule_number' }, group);
  return rule ? [ownerOutsideDocument(rule, group)] : [];
};

/**
 * The engine id of a database resource. A cluster instance usually copies its cluster's engine
 * (`engine = aws_rds_cluster.main.engine`), which we read when that cluster is in this document.
 */
function readEngineId(input: ResourceInput, attribute: HclAttribute | undefined): Value<string> {
  if (!attribute) return unknown(input.block.headerSpan, 'the engine is not set here');
  const value = attribute.value;
  if (value.kind === 'expression' && /\.engine$/.test(value.text)) {
    const source = input.index.referencedBy(value.text)?.attributes.get('engine')?.value;
    if (source?.kind === 'string') return known(source.value, value.outer, `${value.text} = "${source.value}"`);
  }
  return readString(value);
}

/** A literal port, or the engine's default when none is written; an expression stays unknown. */
function readDatabasePort(portAttribute: HclAttribute | undefined, engineId: Value<string>, engine: DatabaseEngine | undefined): Value<readonly PortRange[]> {
  if (portAttribute) {
    const port = readInteger(portAttribute.value);
    if (!port.known) return port;
    return port.value >= 1 && port.value <= 65535 ? known([[port.value, port.value]], port.span) : unknown(port.span, `port ${port.value} is outside 1-65535`);
  }
  if (!engineId.known) return unknown(engineId.span, `${engineId.why}, so its default port is unknown`);
  return engine ? known([[engine.port, engine.port]], engineId.span) : unknown(engineId.span, `the default port of ${engineId.value} is unknown`);
}

/**
 * `aws_db_instance`, `aws_rds_cluster_instance`, `aws_redshift_cluster`: a database with
 * `publicly_accessible = true` takes connections from any address its security groups let in.
 * That endpoint is modelled as an ingress rule from anywhere, on the database's port.
 */
export function publicDatabase(fixedEngine?: string): ResourceHandler {
  return (input) => {
    const { block, text, options } = input;
    const attr = (name: string) => block.attributes.get(name);
    const switchAttribute = attr('publicly_accessible');
    // Only a literal true is public: an expression may well be false, and absent means private.
    if (!switchAttribute || readBool(switchAttribute.value) !== true) return [];
    const switchSpan = switchAttribute.value.span;
    const engineId = fixedEngine === undefined ? readEngineId(input, attr('engine')) : known(fixedEngine, block.headerSpan);
    const engine = engineId.known ? awsDatabaseEngine(engineId.value) : undefined;
    // A cluster instance has no port of its own: it serves on its cluster's port.
    const clusterId = attr('cluster_identifier')?.value;
    const cluster = clusterId?.kind === 'expression' ? input.index.referencedBy(clusterId.text) : undefined;
    const peer: Peer = { kind: 'anywhere', text: 'publicly_accessible', span: switchSpan };
    return [{
      ...ruleBase(input),
      groupKey: input.resource.address,
      direction: 'ingress',
      action: 'allow',
      protocol: known('tcp', block.headerSpan),
      ports: readDatabasePort(attr('port') ?? cluster?.attributes.get('port'), engineId, engine),
      peers: known([peer], switchSpan),
      ...readAnnotations(options, undefined, [block]),
      service: { kind: 'database', ...(engineId.known ? { engine: engine?.name ?? engineId.value } : {}), switchSpan },
      span: block.span,
      edit: ruleEditor({
        // The endpoint has no list of sources to narrow: the only safe edit turns it off.
        replaceInternetPeers: () => [replace(switchAttribute.value.outer, 'false')],
        addOwner: ownerTagEditor(text, block),
      }),
    }];
  };
}

export const aws: ProviderResources = {
  provider: 'aws',
  resources: {
    aws_security_group: securityGroup,
    aws_default_security_group: securityGroup,
    aws_security_group_rule: securityGroupRule,
    aws_vpc_security_group_ingress_rule: vpcRule('ingress'),
    aws_vpc_security_group_egress_rule: vpcRule('egress'),
    aws_network_acl: networkAcl,
    aws_default_network_acl: networkAcl,
    aws_network_acl_rule: networkAclRule,
    aws_db_instance: publicDatabase(),
    aws_rds_cluster_instance: publicDatabase(),
    aws_redshift_cluster: publicDatabase('redshift'),
  },
};
