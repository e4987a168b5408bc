import type { Action, Direction, NetworkRule, Protocol, RuleEditor, TextEdit } from '../../../model/network-rule';
import { isInternetPeer, peerFromText } from '../../../model/peers';
import { MAX_PORT, portTextProblem, type PortRange } from '../../../model/ports';
import type { Span } from '../../../model/span';
import { invalid, known, unknown, type Value } from '../../../model/value';
import { formatAttributeLike, quote, replace, replaceScalar, rewriteTuple } from '../edits';
import type { HclAttribute, HclBlock } from '../hcl';
import { attachedGroup, ownerOutsideDocument, ruleBase, type ProviderResources, type ResourceHandler, type ResourceInput } from '../resource';
import { ownerTagEditor, peerEditor, ruleEditor } from '../rule-editor';
import { parsePortText, readAnnotations, readInteger, readKeyword, readPeers, readProtocol, whyUnknown } from '../values';

/** The attributes that hold a rule's peers: the source of an inbound rule, the destination of an outbound one. */
function peerAttributeNames(direction: Direction): { single: string; list: string; groups: string } {
  const side = direction === 'ingress' ? 'source' : 'destination';
  return { single: `${side}_address_prefix`, list: `${side}_address_prefixes`, groups: `${side}_application_security_group_ids` };
}

function showAzureRange([from, to]: PortRange): string {
  if (from === 0 && to === MAX_PORT) return '*';
  return from === to ? String(from) : `${from}-${to}`;
}

/**
 * `destination_port_range = "*" | "22" | "1000-2000"` and `destination_port_ranges = [...]`.
 * One unreadable item makes the whole set unknown: the missing item could be any port.
 */
function readAzurePorts(protocol: Value<Protocol>, single: HclAttribute | undefined, list: HclAttribute | undefined, fallback: Span): Value<readonly PortRange[]> {
  const present = [single, list].filter((attribute): attribute is HclAttribute => attribute !== undefined);
  const span = present.length === 1 ? present[0].value.span : present.length > 1 ? { start: present[0].span.start, end: present[present.length - 1].span.end } : fallback;
  if (protocol.known && (protocol.value === 'icmp' || protocol.value === 'icmpv6' || protocol.value === 'other')) return known([], span);
  if (present.length === 0) return unknown(fallback, 'destination_port_range is not set');
  const ranges: PortRange[] = [];
  for (const attribute of present) {
    const items = attribute.value.kind === 'tuple' ? attribute.value.items : [attribute.value];
    if (attribute.value.kind === 'expression') return unknown(attribute.value.outer, whyUnknown(attribute.value));
    for (const item of items) {
      if (item.kind !== 'string' && item.kind !== 'number') return unknown(item.outer, whyUnknown(item));
      const parsed = parsePortText(String(item.value));
      const problem = parsed === undefined || parsed === 'invalid' ? portTextProblem(String(item.value)) : undefined;
      if (problem !== undefined) return invalid(item.span, problem);
      if (parsed === undefined || parsed === 'invalid') return unknown(item.span, `"${item.value}" is not a port or a port range`);
      ranges.push(...parsed);
    }
  }
  return known(ranges, span);
}

/**
 * Writes ports as Azure does: one range in `destination_port_range`, several in
 * `destination_port_ranges`. Going from one to several renames the attribute.
 */
function azurePortsEditor(text: string, single: HclAttribute | undefined, list: HclAttribute | undefined): RuleEditor['setPorts'] {
  return (ranges) => {
    if (ranges.length === 0 || (single && list)) return undefined;
    const written = ranges.map(showAzureRange);
    if (list) return list.value.kind === 'tuple' ? [rewriteTuple(text, list.value, written.map(quote))] : undefined;
    if (!single || (single.value.kind !== 'string' && single.value.kind !== 'number')) return undefined;
    if (written.length === 1) {
      const edit = replaceScalar(single.value, written[0]);
      return edit ? [edit] : undefined;
    }
    return [replace(single.span, formatAttributeLike(text, single, 'destination_port_ranges', `[${written.map(quote).join(', ')}]`))];
  };
}

/**
 * Replaces `*`, `Internet`, `Any` or `0.0.0.0/0`. A single prefix that must become several CIDRs
 * turns into the plural attribute; lists are rewritten in place, keeping their other items.
 */
function azurePeerEditor(text: string, single: HclAttribute | undefined, list: HclAttribute | undefined, listName: string): RuleEditor['replaceInternetPeers'] {
  return (cidrs) => {
    if (cidrs.length === 0) return undefined;
    const edits: TextEdit[] = [];
    if (single && single.value.kind === 'string' && isInternetPeer(peerFromText(single.value.value, single.value.span))) {
      if (cidrs.length === 1) edits.push(replace(single.value.outer, quote(cidrs[0])));
      // Azure takes the singular or the plural attribute, never both.
      else if (list) return undefined;
      else edits.push(replace(single.span, formatAttributeLike(text, single, listName, `[${cidrs.map(quote).join(', ')}]`)));
    }
    const listEdits = peerEditor(text, [{ attribute: list }])(cidrs);
    if (listEdits) edits.push(...listEdits);
    return edits.length > 0 ? edits : undefined;
  };
}

/**
 * One security rule, inline (`security_rule { ... }` in `azurerm_network_security_group`) or
 * standalone (`azurerm_network_security_rule`): the two share their field names.
 */
function readSecurityRule(input: ResourceInput, ruleBlock: HclBlock, nsg: { readonly block: HclBlock | undefined; readonly key: string }): NetworkRule | undefined {
  const { text, options } = input;
  const attr = (name: string) => ruleBlock.attributes.get(name);
  // Azure compares `Inbound`/`Outbound` and `Allow`/`Deny` without case.
  const direction = readKeyword<Direction>(attr('direction'), { inbound: 'ingress', outbound: 'egress' });
  const action = readKeyword<Action>(attr('access'), { allow: 'allow', deny: 'deny' });
  // Direction and access are no Values: a rule whose either one is an expression is skipped, not guessed.
  if (!direction || !action) return undefined;
  const names = peerAttributeNames(direction);
  // The other side: the destination of an inbound rule, the source of an outbound one.
  const local = peerAttributeNames(direction === 'ingress' ? 'egress' : 'ingress');
  const localAttributes = [attr(local.single), attr(local.list), attr(local.groups)];
  const protocol = readProtocol(attr('protocol')?.value, ruleBlock.headerSpan);
  const priority = attr('priority');
  return {
    ...ruleBase(input),
    groupKey: nsg.key,
    direction,
    action,
    protocol,
    ports: readAzurePorts(protocol, attr('destination_port_range'), attr('destination_port_ranges'), attr('protocol')?.span ?? ruleBlock.headerSpan),
    peers: readPeers([attr(names.single), attr(names.list), attr(names.groups)], ruleBlock.headerSpan, [names.groups]),
    ...readAnnotations(options, attr('description'), [nsg.block]),
    ...(priority ? { priority: readInteger(priority.value) } : {}),
    ...(localAttributes.some((attribute) => attribute !== undefined) ? { appliesTo: readPeers(localAttributes, ruleBlock.headerSpan, [local.groups]) } : {}),
    span: ruleBlock.span,
    edit: ruleEditor({
      setPorts: azurePortsEditor(text, attr('destination_port_range'), attr('destination_port_ranges')),
      replaceInternetPeers: azurePeerEditor(text, attr(names.single), attr(names.list), names.list),
      addOwner: ownerTagEditor(text, nsg.block),
    }),
  };
}

const networkSecurityGroup: ResourceHandler = (input) => {
  const nsg = { block: input.block, key: input.resource.address };
  return input.block.blocks.flatMap((child) => (child.type === 'security_rule' ? readSecurityRule(input, child, nsg) ?? [] : []));
};

const networkSecurityRule: ResourceHandler = (input) => {
  const nsg = attachedGroup(input, 'network_security_group_name');
  const rule = readSecurityRule(input, input.block, nsg);
  return rule ? [ownerOutsideDocument(rule, nsg)] : [];
};

export const azure: ProviderResources = {
  provider: 'azure',
  resources: {
    azurerm_network_security_group: networkSecurityGroup,
    azurerm_network_security_rule: networkSecurityRule,
  },
};
