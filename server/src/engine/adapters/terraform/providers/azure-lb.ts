import type { Protocol } from '../../../model/network-rule';
import { normalizeRanges, type PortRange } from '../../../model/ports';
import { known, unknown, type Value } from '../../../model/value';
import type { HclAttribute, HclBlock } from '../hcl';
import type { ProviderResources, ResourceHandler, ResourceInput } from '../resource';
import { peerEditor } from '../rule-editor';
import { parsePortText, readPeers, readString, whyUnknown } from '../values';
import { deviceExposure, deviceName, deviceOf, evaluatedOnly, exposureOutsideDocument, forwardRule, readForwardProtocol, readSinglePort, type Device, type Exposure } from './forward-rule';

const LB_PROTOCOLS: Readonly<Record<string, Protocol>> = { tcp: 'tcp', udp: 'udp', all: 'all' };

/**
 * Whether the frontend a rule uses has a public address: a `frontend_ip_configuration` with
 * `public_ip_address_id` or `public_ip_prefix_id` is public; one with a subnet is private.
 */
function frontendExposure(input: ResourceInput, device: Device): { exposure: Exposure; name: string } {
  const nameAttribute = input.block.attributes.get('frontend_ip_configuration_name');
  const nameValue = nameAttribute ? readString(nameAttribute.value) : undefined;
  const name = nameValue?.known ? nameValue.value : '?';
  if (!device.found) return { exposure: exposureOutsideDocument(), name };
  if (!nameValue?.known) return { exposure: { kind: 'unknown', span: nameValue?.span ?? input.block.headerSpan, why: nameValue ? nameValue.why : 'frontend_ip_configuration_name is not set' }, name };
  const frontend = device.found.blocks.find((block) => {
    if (block.type !== 'frontend_ip_configuration') return false;
    const value = block.attributes.get('name')?.value;
    return value?.kind === 'string' && value.value === nameValue.value;
  });
  // A dynamic block or a name from an expression: the frontend cannot be found.
  if (!frontend) return { exposure: { kind: 'unknown', span: nameValue.span, why: `frontend ${nameValue.value} is not written literally in ${device.key}` }, name };
  const publicAddress = frontend.attributes.get('public_ip_address_id') ?? frontend.attributes.get('public_ip_prefix_id');
  // The frontend's spans are the device's file's, which deviceExposure places in this document.
  return { exposure: deviceExposure(device, () => (publicAddress && publicAddress.value.kind !== 'null' ? { kind: 'public', span: publicAddress.span } : { kind: 'private' })), name };
}

/** `frontend_port` (0 with protocol All: every port, an HA-ports rule), else `frontend_port_start`-`frontend_port_end`. */
function frontendPorts(block: HclBlock, protocol: Value<Protocol>): Value<readonly PortRange[]> {
  const start = block.attributes.get('frontend_port_start');
  const end = block.attributes.get('frontend_port_end');
  if (!block.attributes.has('frontend_port') && (start || end)) {
    const from = readSinglePort(start, block.headerSpan, 'frontend_port_start');
    const to = readSinglePort(end, block.headerSpan, 'frontend_port_end');
    const span = { start: (start ?? end)!.span.start, end: (end ?? start)!.span.end };
    if (!from.known) return from;
    if (!to.known) return to;
    if (from.value[0][0] > to.value[0][0]) return unknown(span, 'the range starts after it ends');
    return known([[from.value[0][0], to.value[0][0]]], span);
  }
  return portOrAll(block.attributes.get('frontend_port'), block, protocol, 'frontend_port');
}

function portOrAll(attribute: HclAttribute | undefined, block: HclBlock, protocol: Value<Protocol>, what: string): Value<readonly PortRange[]> {
  const ports = readSinglePort(attribute, block.headerSpan, what);
  if (ports.known && ports.value[0][0] === 0 && protocol.known && protocol.value === 'all') return known([[0, 65535]], ports.span);
  return ports;
}

function lbRuleHandler(kind: 'rule' | 'nat'): ResourceHandler {
  return (input) => {
    const { block } = input;
    const device = deviceOf(input, 'loadbalancer_id');
    const { exposure, name } = frontendExposure(input, device);
    const protocol = readForwardProtocol(block.attributes.get('protocol'), LB_PROTOCOLS, 'tcp', block.headerSpan);
    return forwardRule(input, {
      device,
      exposure,
      ruleBlock: block,
      protocol,
      ports: frontendPorts(block, protocol),
      via: `${exposure.kind === 'public' ? 'public ' : ''}load balancer ${deviceName(device, ['name'])} (frontend ${name})`,
      deviceKey: `${device.key}/${name}`,
      backend: kind === 'rule' ? 'backend pool' : 'backend VM',
      backendPorts: portOrAll(block.attributes.get('backend_port'), block, protocol, 'backend_port'),
      taggedBlocks: [device.found],
      ownerBlock: device.block,
    });
  };
}

/** Firewall protocols: TCP, UDP, Any (both), ICMP; a list of them. */
function firewallProtocol(attribute: HclAttribute | undefined, fallback: HclBlock): Value<Protocol> {
  if (!attribute) return unknown(fallback.headerSpan, 'protocols is not set');
  const value = attribute.value;
  if (value.kind !== 'tuple') return unknown(value.outer, whyUnknown(value));
  const words = new Set<string>();
  for (const item of value.items) {
    if (item.kind !== 'string') return unknown(item.outer, whyUnknown(item));
    words.add(item.value.trim().toLowerCase());
  }
  const carriesTcp = words.has('tcp') || words.has('any');
  const carriesUdp = words.has('udp') || words.has('any');
  const protocol: Protocol = carriesTcp && carriesUdp ? 'all' : carriesTcp ? 'tcp' : carriesUdp ? 'udp' : words.has('icmp') ? 'icmp' : 'other';
  return known(protocol, value.span);
}

/** `destination_ports = ["22", "8000-8010", "*"]`. */
function firewallPorts(attribute: HclAttribute | undefined, fallback: HclBlock): Value<readonly PortRange[]> {
  if (!attribute) return unknown(fallback.headerSpan, 'destination_ports is not set');
  const value = attribute.value;
  const items = value.kind === 'tuple' ? value.items : [value];
  const ranges: PortRange[] = [];
  for (const item of items) {
    if (item.kind !== 'string' && item.kind !== 'number') return unknown(item.outer, whyUnknown(item));
    const parsed = parsePortText(String(item.value));
    if (parsed === undefined || parsed === 'invalid') return unknown(item.span, `"${item.value}" is not a port list`);
    ranges.push(...parsed);
  }
  return known(normalizeRanges(ranges), value.span);
}

function stringOf(attribute: HclAttribute | undefined): string | undefined {
  const value = attribute ? readString(attribute.value) : undefined;
  return value?.known ? value.value : undefined;
}

/** One DNAT rule block of an Azure Firewall, in either resource's spelling. */
function firewallDnatRule(input: ResourceInput, device: Device, rule: HclBlock, destinationName: string, deviceWord: string) {
  const attr = (name: string) => rule.attributes.get(name);
  const destination = attr(destinationName);
  const destinationValue = destination?.value;
  const destinationText = destinationValue?.kind === 'string' ? destinationValue.value
    : destinationValue?.kind === 'tuple' ? destinationValue.items.map((item) => (item.kind === 'string' ? item.value : '?')).join(', ')
      : destinationValue ? input.text.slice(destinationValue.outer.start, destinationValue.outer.end) : '';
  const translated = stringOf(attr('translated_address')) ?? stringOf(attr('translated_fqdn'));
  const ruleName = stringOf(attr('name'));
  const translatedPort = attr('translated_port');
  return forwardRule(input, {
    device,
    // The firewall's public address takes the traffic; `source_addresses` say who may use the rule.
    exposure: { kind: 'public', span: destination?.span ?? rule.headerSpan },
    ruleBlock: rule,
    protocol: firewallProtocol(attr('protocols'), rule),
    ports: firewallPorts(attr('destination_ports'), rule),
    peers: readPeers([attr('source_addresses'), attr('source_ip_groups')], rule.headerSpan, ['source_ip_groups']),
    replaceInternetPeers: peerEditor(input.text, [{ attribute: attr('source_addresses') }]),
    via: `${deviceWord} ${deviceName(device, ['name'])}${ruleName ? ` DNAT rule ${ruleName}` : ''}`,
    deviceKey: `${device.key} ${destinationText}`.trim(),
    backend: translated ?? 'the translated address',
    backendPorts: translatedPort ? readSinglePort(translatedPort, rule.headerSpan, 'translated_port') : unknown(rule.headerSpan, 'translated_port is not set'),
    taggedBlocks: [device.found],
    ownerBlock: device.block,
  });
}

function isDnat(block: HclBlock): boolean {
  const action = stringOf(block.attributes.get('action'));
  return action === undefined || action.toLowerCase() === 'dnat';
}

/** `azurerm_firewall_nat_rule_collection`: its `rule` blocks, when the collection's action is Dnat. */
const firewallNatCollection: ResourceHandler = (input) => {
  if (!isDnat(input.block)) return [];
  const device = deviceOf(input, 'azure_firewall_name');
  return input.block.blocks.filter((block) => block.type === 'rule').flatMap((rule) => firewallDnatRule(input, device, rule, 'destination_addresses', 'Azure Firewall'));
};

/** `azurerm_firewall_policy_rule_collection_group`: the rules of its `nat_rule_collection` blocks. */
const policyRuleCollectionGroup: ResourceHandler = (input) => {
  const device = deviceOf(input, 'firewall_policy_id');
  return input.block.blocks
    .filter((block) => block.type === 'nat_rule_collection' && isDnat(block))
    .flatMap((collection) => collection.blocks.filter((block) => block.type === 'rule').flatMap((rule) => firewallDnatRule(input, device, rule, 'destination_address', 'Azure Firewall policy')));
};

export const azureLoadBalancers: ProviderResources = {
  provider: 'azure',
  resources: {
    azurerm_lb_rule: lbRuleHandler('rule'),
    azurerm_lb_nat_rule: lbRuleHandler('nat'),
    azurerm_firewall_nat_rule_collection: firewallNatCollection,
    azurerm_firewall_policy_rule_collection_group: policyRuleCollectionGroup,
    azurerm_lb: evaluatedOnly,
    azurerm_firewall: evaluatedOnly,
    azurerm_firewall_policy: evaluatedOnly,
  },
};
