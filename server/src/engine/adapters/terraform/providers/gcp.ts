import type { Direction, NetworkRule, Peer, Protocol, RuleEditor } from '../../../model/network-rule';
import { parseCidr } from '../../../model/cidr';
import { showRange, type PortRange } from '../../../model/ports';
import type { Span } from '../../../model/span';
import { known, unknown, type Value } from '../../../model/value';
import { quote, rewriteTuple, setAttributes } from '../edits';
import type { HclAttribute, HclBlock } from '../hcl';
import { ruleBase, type ProviderResources, type ResourceHandler, type ResourceInput } from '../resource';
import { ownerDescriptionEditor, peerEditor, ruleEditor } from '../rule-editor';
import { portsForProtocol, readAnnotations, readBool, readInteger, readKeyword, readPeers, readPortText, readProtocol, whyUnknown } from '../values';

/** GCP's priority when none is written; lower numbers match first. */
const DEFAULT_PRIORITY = 1000;

/** An empty list or null counts as not written: GCP then falls back to its default range. */
function isWritten(attribute: HclAttribute | undefined): attribute is HclAttribute {
  if (!attribute) return false;
  const value = attribute.value;
  return value.kind !== 'null' && !(value.kind === 'tuple' && value.items.length === 0);
}

/**
 * The other side of a firewall: ranges are addresses, tags and service accounts are references.
 * With none of them written GCP uses 0.0.0.0/0 (for ingress too, see
 * hashicorp/terraform-provider-google#6789), which points at the resource's header.
 */
function readFirewallPeers(block: HclBlock, direction: Direction): { peers: Value<readonly Peer[]>; isDefault: boolean } {
  const rangeNames = direction === 'ingress' ? ['source_ranges'] : ['destination_ranges'];
  const referenceNames = direction === 'ingress' ? ['source_tags', 'source_service_accounts'] : [];
  const present = [...rangeNames, ...referenceNames].map((name) => block.attributes.get(name)).filter(isWritten);
  if (present.length === 0) {
    const cidr = parseCidr('0.0.0.0/0')!;
    // Messages say where the address came from: nothing in the file reads 0.0.0.0/0.
    const names = [...rangeNames, ...referenceNames];
    const missing = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
    const text = `0.0.0.0/0 (GCP's default with no ${missing})`;
    return { peers: known([{ kind: 'cidr', text, cidr, span: block.headerSpan }], block.headerSpan), isDefault: true };
  }
  // A network tag named "all" or "internet" is still a tag, never every address.
  return { peers: readPeers(present, block.headerSpan, referenceNames), isDefault: false };
}

/** `ports = ["22", "8000-9000"]`; omitted, null or empty means every port. */
function readFirewallPorts(ports: HclAttribute | undefined, fallback: Span): Value<readonly PortRange[]> {
  if (!ports || ports.value.kind === 'null') return known([[0, 65535]], fallback);
  const value = ports.value;
  if (value.kind !== 'tuple') return unknown(value.outer, whyUnknown(value));
  if (value.items.length === 0) return known([[0, 65535]], value.outer);
  const ranges: PortRange[] = [];
  for (const item of value.items) {
    const read = readPortText(item);
    // An invalid item keeps its own span, so the report points at it; another unknown item makes the list unknown.
    if (!read.known) return read.invalid ? read : unknown(value.outer, read.why);
    ranges.push(...read.value);
  }
  return known(ranges, value.outer);
}

/**
 * Rewrites the `ports` list of an allow/deny block, or adds one after `protocol`. GCP ignores
 * ports for protocol "all", so such a block also becomes tcp: otherwise the fix narrows nothing.
 */
function firewallPortsEditor(text: string, ruleBlock: HclBlock, protocol: Value<Protocol>): RuleEditor['setPorts'] {
  return (ranges) => {
    const protocolAttribute = ruleBlock.attributes.get('protocol');
    if (!protocolAttribute || !protocol.known || ranges.length === 0) return undefined;
    if (protocol.value !== 'tcp' && protocol.value !== 'udp' && protocol.value !== 'all') return undefined;
    const ports = ruleBlock.attributes.get('ports');
    const items = ranges.map((range) => quote(showRange(range)));
    if (ports && ports.value.kind === 'tuple' && protocol.value !== 'all') return [rewriteTuple(text, ports.value, items)];
    if (ports && ports.value.kind !== 'tuple' && ports.value.kind !== 'null') return undefined;
    const values: [string, string][] = [['ports', `[${items.join(', ')}]`]];
    if (protocol.value === 'all') values.unshift(['protocol', quote('tcp')]);
    return setAttributes(text, ruleBlock, values, protocolAttribute);
  };
}

/** Replaces internet-wide ranges, or writes the range list when GCP's default 0.0.0.0/0 applies. */
function firewallPeerEditor(text: string, block: HclBlock, direction: Direction, isDefault: boolean): RuleEditor['replaceInternetPeers'] {
  const name = direction === 'ingress' ? 'source_ranges' : 'destination_ranges';
  const explicit = peerEditor(text, [{ attribute: block.attributes.get(name) }]);
  return (cidrs) => {
    if (!isDefault) return explicit(cidrs);
    if (cidrs.length === 0) return undefined;
    const list = block.attributes.get(name);
    if (list && list.value.kind === 'tuple') return [rewriteTuple(text, list.value, cidrs.map(quote))];
    return setAttributes(text, block, [[name, `[${cidrs.map(quote).join(', ')}]`]]);
  };
}

/** `google_compute_firewall`: each `allow` and `deny` block is a rule; the ranges, priority and description are shared. */
const firewall: ResourceHandler = (input: ResourceInput) => {
  const { block, text, options } = input;
  const attr = (name: string) => block.attributes.get(name);
  // A disabled rule does not apply; one that may be disabled (an expression) cannot be shown to apply.
  const disabled = attr('disabled');
  if (disabled && readBool(disabled.value) !== false) return [];
  const direction = attr('direction') ? readKeyword<Direction>(attr('direction'), { ingress: 'ingress', egress: 'egress' }) : 'ingress';
  if (!direction) return [];
  const { peers, isDefault } = readFirewallPeers(block, direction);
  const priorityAttribute = attr('priority');
  const priority = priorityAttribute ? readInteger(priorityAttribute.value) : known(DEFAULT_PRIORITY, block.headerSpan);
  const network = attr('network')?.value;
  const groupKey = !network ? input.resource.address : network.kind === 'string' ? network.value : text.slice(network.outer.start, network.outer.end);
  const annotations = readAnnotations(options, attr('description'), []);
  // Target tags or service accounts narrow the firewall to some instances of its network.
  const targets = ['target_tags', 'target_service_accounts'].map(attr).filter(isWritten);
  const appliesTo = targets.length > 0 ? { appliesTo: readPeers(targets, block.headerSpan, ['target_tags', 'target_service_accounts']) } : {};
  const rules: NetworkRule[] = [];
  for (const ruleBlock of block.blocks) {
    if (ruleBlock.type !== 'allow' && ruleBlock.type !== 'deny') continue;
    const protocolAttribute = ruleBlock.attributes.get('protocol');
    const protocol = protocolAttribute ? readProtocol(protocolAttribute.value, protocolAttribute.span) : unknown(ruleBlock.headerSpan, 'protocol is missing');
    const portsAttribute = ruleBlock.attributes.get('ports');
    const impliedSpan = portsAttribute?.value.span ?? protocolAttribute?.span ?? ruleBlock.headerSpan;
    rules.push({
      ...ruleBase(input),
      groupKey,
      direction,
      action: ruleBlock.type === 'allow' ? 'allow' : 'deny',
      protocol,
      ports: portsForProtocol(protocol, () => readFirewallPorts(portsAttribute, impliedSpan), impliedSpan),
      peers,
      ...annotations,
      priority,
      ...appliesTo,
      span: ruleBlock.span,
      edit: ruleEditor({
        setPorts: firewallPortsEditor(text, ruleBlock, protocol),
        replaceInternetPeers: firewallPeerEditor(text, block, direction, isDefault),
        addOwner: ownerDescriptionEditor(text, block),
      }),
    });
  }
  return rules;
};

export const gcp: ProviderResources = {
  provider: 'gcp',
  resources: {
    google_compute_firewall: firewall,
  },
};
