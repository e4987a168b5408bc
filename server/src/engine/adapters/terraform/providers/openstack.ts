import { parseCidr } from '../../../model/cidr';
import type { Direction, NetworkRule, Peer, Protocol, RuleEditor } from '../../../model/network-rule';
import type { PortRange } from '../../../model/ports';
import { coverSpans, type Span } from '../../../model/span';
import { known, unknown, type Value } from '../../../model/value';
import { quote, setAttributes } from '../edits';
import type { HclAttribute, HclBlock } from '../hcl';
import { attachedGroup, ownerOutsideDocument, ruleBase, type ProviderResources, type ResourceHandler } from '../resource';
import { ownerDescriptionEditor, peerEditor, ruleEditor } from '../rule-editor';
import { portsForProtocol, readAnnotations, readKeyword, readPeers, readPortPair, readProtocol } from '../values';

/*
 * Neutron security-group rules. Huawei Cloud's rules are the same API with a few more fields, so
 * huawei.ts reuses the readers exported here.
 */

export const DIRECTIONS = { ingress: 'ingress', egress: 'egress' } as const;

const REMOTE_REFERENCES = ['remote_group_id', 'remote_address_group_id'];

/** An empty string or null counts as not written, as Neutron treats them. */
function isWritten(attribute: HclAttribute | undefined): attribute is HclAttribute {
  if (!attribute) return false;
  const value = attribute.value;
  return value.kind !== 'null' && !(value.kind === 'string' && value.value.trim() === '');
}

/** 4 or 6 from `ethertype` (IPv4 when omitted); undefined when it is an expression. */
export function readFamily(block: HclBlock): 4 | 6 | undefined {
  const ethertype = block.attributes.get('ethertype');
  return ethertype ? readKeyword<4 | 6>(ethertype, { ipv4: 4, ipv6: 6 }) : 4;
}

/**
 * The remote side of a rule. With no remote prefix or group, Neutron matches every address of the
 * rule's family; that implied peer points at the resource's header.
 */
export function readRemote(block: HclBlock): { peers: Value<readonly Peer[]>; isImplied: boolean } {
  const present = ['remote_ip_prefix', ...REMOTE_REFERENCES].map((name) => block.attributes.get(name)).filter(isWritten);
  if (present.length > 0) return { peers: readPeers(present, block.headerSpan, REMOTE_REFERENCES), isImplied: false };
  const family = readFamily(block);
  const text = family === 6 ? '::/0' : '0.0.0.0/0';
  const cidr = parseCidr(text)!;
  const peer: Peer = family === undefined
    ? { kind: 'anywhere', text: 'any', span: block.headerSpan }
    : { kind: 'cidr', text, cidr, span: block.headerSpan };
  return { peers: known([peer], block.headerSpan), isImplied: true };
}

/** Replaces an internet-wide `remote_ip_prefix`, or writes one where every address is implied. */
export function remoteEditor(text: string, block: HclBlock, isImplied: boolean): RuleEditor['replaceInternetPeers'] {
  const family = readFamily(block);
  const explicit = peerEditor(text, [{ attribute: block.attributes.get('remote_ip_prefix'), family }]);
  return (cidrs) => {
    if (!isImplied) return explicit(cidrs);
    const matching = cidrs.filter((cidr) => (cidr.includes(':') ? 6 : 4) === family);
    // One rule holds one prefix; a fix with several would need new resources.
    if (matching.length !== 1) return undefined;
    return setAttributes(text, block, [['remote_ip_prefix', quote(matching[0])]]);
  };
}

/** The span of `port_range_min`/`port_range_max`, or undefined when neither is written. */
export function portPairSpan(block: HclBlock): Span | undefined {
  const spans = [block.attributes.get('port_range_min'), block.attributes.get('port_range_max')].filter((a) => a !== undefined).map((a) => a.span);
  return spans.length > 0 ? coverSpans(spans[0], ...spans.slice(1)) : undefined;
}

/** Ports from `port_range_min`/`port_range_max`; neither written means every port. */
export function readPortPairOrAll(block: HclBlock, fallback: Span): Value<readonly PortRange[]> {
  return readPortPair(block.attributes.get('port_range_min'), block.attributes.get('port_range_max'), fallback);
}

/**
 * Writes `protocol`-dependent port fields. A rule of every protocol becomes tcp, since Neutron
 * needs a protocol for ports: otherwise the fix would narrow nothing. `write` returns the port
 * attributes to set, or undefined when the ranges do not fit.
 */
export function protocolPortsEditor(
  text: string,
  block: HclBlock,
  protocol: Value<Protocol>,
  write: (ranges: readonly PortRange[]) => [string, string][] | undefined,
): RuleEditor['setPorts'] {
  return (ranges) => {
    if (!protocol.known || (protocol.value !== 'tcp' && protocol.value !== 'udp' && protocol.value !== 'all')) return undefined;
    const values = write(ranges);
    if (!values) return undefined;
    const protocolAttribute = block.attributes.get('protocol');
    if (protocol.value === 'all') values.unshift(['protocol', quote('tcp')]);
    return setAttributes(text, block, values, protocolAttribute);
  };
}

/** `port_range_min`/`port_range_max` hold one range; both must be literal or absent to be rewritten. */
export function writePortPair(block: HclBlock, ranges: readonly PortRange[]): [string, string][] | undefined {
  const pair = [block.attributes.get('port_range_min'), block.attributes.get('port_range_max')];
  if (ranges.length !== 1 || pair.some((a) => a !== undefined && a.value.kind !== 'number' && a.value.kind !== 'string')) return undefined;
  const [from, to] = ranges[0];
  const asWritten = (attribute: HclAttribute | undefined, port: number) => (attribute?.value.kind === 'string' ? quote(String(port)) : String(port));
  return [['port_range_min', asWritten(pair[0], from)], ['port_range_max', asWritten(pair[1], to)]];
}

/**
 * A tag such as "owner=team-k8s" in a list of strings (OpenStack tags are strings, not a map).
 * Tags built by an expression may hold one: unknown, not missing.
 */
function findListTag(block: HclBlock | undefined, keys: readonly string[]): Value<string> | undefined {
  const tags = block?.attributes.get('tags')?.value;
  if (!tags) return undefined;
  if (tags.kind === 'expression') return unknown(tags.outer, `tags come from ${tags.text}`);
  if (tags.kind !== 'tuple') return undefined;
  let maybe: Value<string> | undefined;
  for (const item of tags.items) {
    if (item.kind === 'expression') maybe ??= unknown(item.outer, `${item.text} is not a literal`);
    if (item.kind !== 'string') continue;
    const match = /^\s*([^=:\s]+)\s*[=:]\s*(\S.*?)\s*$/.exec(item.value);
    if (!match || !keys.includes(match[1])) continue;
    // Offsets inside the string are exact only when it has no escape sequences.
    const isRaw = item.span.end - item.span.start === item.value.length;
    const start = item.span.start + item.value.lastIndexOf(match[2]);
    return known(match[2], isRaw ? { start, end: start + match[2].length } : item.span);
  }
  return maybe;
}

/** `openstack_networking_secgroup_rule_v2`: one rule per resource. */
const secgroupRule: ResourceHandler = (input) => {
  const { block, text, options } = input;
  const attr = (name: string) => block.attributes.get(name);
  const direction = readKeyword<Direction>(attr('direction'), DIRECTIONS);
  if (!direction) return [];
  const group = attachedGroup(input, 'security_group_id');
  const protocol = readProtocol(attr('protocol')?.value, block.headerSpan);
  const impliedSpan = portPairSpan(block) ?? attr('protocol')?.span ?? block.headerSpan;
  const { peers, isImplied } = readRemote(block);
  const annotations = readAnnotations(options, attr('description'), []);
  const rule: NetworkRule = {
    ...ruleBase(input),
    groupKey: group.key,
    direction,
    action: 'allow',
    protocol,
    ports: portsForProtocol(protocol, () => readPortPairOrAll(block, impliedSpan), impliedSpan),
    peers,
    ...annotations,
    owner: annotations.owner ?? findListTag(group.block, options.ownerKeys),
    expires: annotations.expires ?? findListTag(group.block, options.expiryKeys),
    span: block.span,
    edit: ruleEditor({
      setPorts: protocolPortsEditor(text, block, protocol, (ranges) => writePortPair(block, ranges)),
      replaceInternetPeers: remoteEditor(text, block, isImplied),
      addOwner: ownerDescriptionEditor(text, block),
    }),
  };
  return [ownerOutsideDocument(rule, group)];
};

export const openstack: ProviderResources = {
  provider: 'openstack',
  resources: {
    openstack_networking_secgroup_rule_v2: secgroupRule,
  },
};
