import type { Action, Direction, NetworkRule, Peer, Protocol, RuleEditor } from '../../../model/network-rule';
import { isInternetPeer, peerFromText } from '../../../model/peers';
import { portTextProblem, type PortRange } from '../../../model/ports';
import type { Span } from '../../../model/span';
import { invalid, known, unknown, type Value } from '../../../model/value';
import { indentationAt, quote, replace, setAttributes } from '../edits';
import type { HclAttribute, HclBlock, HclValue } from '../hcl';
import { attachedGroup, ownerOutsideDocument, ruleBase, type AttachedGroup, type ProviderResources, type ResourceHandler, type ResourceInput } from '../resource';
import { attachedOwnerEditor, ownerTagEditor, peerEditor, ruleEditor } from '../rule-editor';
import { lookupKeyword, parsePortText, portsForProtocol, protocolFromWord, readAnnotations, readKeyword, readPeers, readPortText, readProtocol } from '../values';

const DIRECTIONS = { ingress: 'ingress', egress: 'egress' } as const;
const POLICIES = { accept: 'allow', drop: 'deny' } as const;

/**
 * Ports as Tencent writes them: "443", "80,443" or one range "8000-9000". A list of several
 * ranges has no spelling, so it gives undefined.
 */
function formatPorts(ranges: readonly PortRange[]): string | undefined {
  if (ranges.length === 0) return undefined;
  if (ranges.every(([from, to]) => from === to)) return ranges.map(([port]) => String(port)).join(',');
  return ranges.length === 1 ? `${ranges[0][0]}-${ranges[0][1]}` : undefined;
}

/** "TCP", or "tcp" where the protocol being replaced was written in lower case. */
function tcpLike(written: string | undefined): string {
  return written !== undefined && written === written.toLowerCase() && written !== written.toUpperCase() ? 'tcp' : 'TCP';
}

function protocolText(attribute: HclAttribute | undefined): string | undefined {
  return attribute?.value.kind === 'string' ? attribute.value.value : undefined;
}

/**
 * Sets the port attribute of a rule or rule-set block. Tencent needs port ALL with protocol ALL,
 * so an all-protocol rule also becomes TCP: otherwise the fix would narrow nothing.
 */
function portAttributeEditor(text: string, block: HclBlock, protocolName: string, portName: string, protocol: Value<Protocol>): RuleEditor['setPorts'] {
  return (ranges) => {
    const written = formatPorts(ranges);
    if (written === undefined || !protocol.known) return undefined;
    if (protocol.value !== 'tcp' && protocol.value !== 'udp' && protocol.value !== 'all') return undefined;
    const port = block.attributes.get(portName);
    if (port && port.value.kind !== 'string' && port.value.kind !== 'number') return undefined;
    const protocolAttribute = block.attributes.get(protocolName);
    const values: [string, string][] = [[portName, quote(written)]];
    if (protocol.value === 'all') values.unshift([protocolName, quote(tcpLike(protocolText(protocolAttribute)))]);
    return setAttributes(text, block, values, protocolAttribute);
  };
}

/** A group in this document keeps the owner in its tags; otherwise the rule's own description does. */
/** `tencentcloud_security_group_rule`: one rule per resource. */
const securityGroupRule: ResourceHandler = (input) => {
  const { block, text, options } = input;
  const attr = (name: string) => block.attributes.get(name);
  const direction = readKeyword<Direction>(attr('type'), DIRECTIONS);
  const action = readKeyword<Action>(attr('policy'), POLICIES);
  if (!direction || !action) return [];
  const group = attachedGroup(input, 'security_group_id');
  const template = block.blocks.find((child) => child.type === 'protocol_template');
  const protocol = template ? unknown(template.span, 'protocol_template sets the protocol') : readProtocol(attr('ip_protocol')?.value, block.headerSpan);
  const portRange = attr('port_range');
  const impliedSpan = portRange?.value.span ?? attr('ip_protocol')?.span ?? block.headerSpan;
  const ports = template
    ? unknown(template.span, 'protocol_template sets the ports')
    : portsForProtocol(protocol, () => (portRange ? readPortText(portRange.value) : known([[0, 65535]], impliedSpan)), impliedSpan);
  const addressTemplate = block.blocks.find((child) => child.type === 'address_template');
  const peers: Value<readonly Peer[]> = addressTemplate
    ? readPeers([addressTemplate.attributes.get('template_id'), addressTemplate.attributes.get('group_id')], addressTemplate.span, ['template_id', 'group_id'])
    : readPeers([attr('cidr_ip'), attr('source_sgid')], block.headerSpan, ['source_sgid']);
  return [ownerOutsideDocument({
    ...ruleBase(input),
    groupKey: group.key,
    direction,
    action,
    protocol,
    ports,
    peers,
    ...readAnnotations(options, attr('description'), [group.block]),
    span: block.span,
    edit: ruleEditor({
      setPorts: template ? undefined : portAttributeEditor(text, block, 'ip_protocol', 'port_range', protocol),
      replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr_ip') }]),
      addOwner: attachedOwnerEditor(text, group, block),
    }),
  }, group)];
};

/** `tencentcloud_security_group_rule_set`: `ingress`/`egress` blocks, first block first. */
const securityGroupRuleSet: ResourceHandler = (input) => {
  const { text, options } = input;
  const group = attachedGroup(input, 'security_group_id');
  const rules: NetworkRule[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    input.block.blocks.filter((child) => child.type === direction).forEach((ruleBlock, index) => {
      const attr = (name: string) => ruleBlock.attributes.get(name);
      const action = readKeyword<Action>(attr('action'), POLICIES);
      if (!action) return;
      const service = attr('service_template_id') ?? attr('service_template_group');
      const protocol = service ? unknown(service.span, `${service.name} sets the protocol`) : readProtocol(attr('protocol')?.value, ruleBlock.headerSpan);
      const port = attr('port');
      const impliedSpan = port?.value.span ?? attr('protocol')?.span ?? ruleBlock.headerSpan;
      const ports = service
        ? unknown(service.span, `${service.name} sets the ports`)
        : portsForProtocol(protocol, () => (port ? readPortText(port.value) : known([[0, 65535]], impliedSpan)), impliedSpan);
      const referenceNames = ['source_security_id', 'address_template_id', 'address_template_group'];
      rules.push(ownerOutsideDocument({
        ...ruleBase(input),
        groupKey: group.key,
        direction,
        action,
        protocol,
        ports,
        peers: readPeers([attr('cidr_block'), attr('ipv6_cidr_block'), ...referenceNames.map(attr)], ruleBlock.headerSpan, referenceNames),
        ...readAnnotations(options, attr('description'), [group.block]),
        // The API numbers a group's rules from 0 in the order written (PolicyIndex).
        priority: known(index, ruleBlock.headerSpan),
        span: ruleBlock.span,
        edit: ruleEditor({
          setPorts: service ? undefined : portAttributeEditor(text, ruleBlock, 'protocol', 'port', protocol),
          replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr_block'), family: 4 }, { attribute: attr('ipv6_cidr_block'), family: 6 }]),
          addOwner: attachedOwnerEditor(text, group, ruleBlock),
        }),
      }, group));
    });
  }
  return rules;
};

/** One `#`-separated field of a lite rule, with its exact span in the document. */
interface LiteField {
  readonly text: string;
  readonly span: Span;
  /** Holds an interpolation or an escape, so its text is not its value. */
  readonly isDynamic: boolean;
}

/** Index just past the `}` closing a template sequence whose body starts at `i`, or -1. */
function skipTemplate(source: string, i: number): number {
  let depth = 1;
  while (i < source.length) {
    const char = source[i];
    if (char === '"') {
      i = skipString(source, i + 1);
      if (i < 0) return -1;
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

/** Index just past the `"` closing a string whose content starts at `i`, or -1. */
function skipString(source: string, i: number): number {
  while (i < source.length) {
    const char = source[i];
    if (char === '\\') i += 2;
    else if ((char === '$' || char === '%') && source[i + 1] === char && source[i + 2] === '{') i += 3;
    else if ((char === '$' || char === '%') && source[i + 1] === '{') {
      i = skipTemplate(source, i + 2);
      if (i < 0) return -1;
    } else if (char === '"') return i + 1;
    else i++;
  }
  return -1;
}

/**
 * Splits the source of one quoted string (`"ACCEPT#${var.cidr}#22#TCP"`) on the `#` outside
 * interpolations. Undefined when the source is not exactly one quoted string, or holds a
 * directive (`%{ if }`), whose branches could hide or add separators.
 */
function splitLiteRule(source: string, offset: number): LiteField[] | undefined {
  if (source[0] !== '"') return undefined;
  const fields: LiteField[] = [];
  let fieldStart = 1;
  let isDynamic = false;
  const push = (end: number) => {
    fields.push({ text: source.slice(fieldStart, end), span: { start: offset + fieldStart, end: offset + end }, isDynamic });
    fieldStart = end + 1;
    isDynamic = false;
  };
  let i = 1;
  while (i < source.length) {
    const char = source[i];
    if (char === '\\') {
      isDynamic = true;
      i += 2;
    } else if ((char === '$' || char === '%') && source[i + 1] === char && source[i + 2] === '{') {
      isDynamic = true;
      i += 3;
    } else if (char === '%' && source[i + 1] === '{') {
      return undefined;
    } else if (char === '$' && source[i + 1] === '{') {
      isDynamic = true;
      i = skipTemplate(source, i + 2);
      if (i < 0) return undefined;
    } else if (char === '"') {
      if (i !== source.length - 1) return undefined;
      push(i);
      return fields;
    } else {
      if (char === '#') push(i);
      i++;
    }
  }
  return undefined;
}

function notLiteral(field: LiteField): string {
  return `${field.text} is not a literal`;
}

function readLitePorts(field: LiteField): Value<readonly PortRange[]> {
  if (field.isDynamic) return unknown(field.span, notLiteral(field));
  const parsed = parsePortText(field.text);
  const problem = parsed === undefined || parsed === 'invalid' ? portTextProblem(field.text) : undefined;
  if (problem !== undefined) return invalid(field.span, problem);
  if (parsed === undefined) return unknown(field.span, `"${field.text}" is not a port list`);
  if (parsed === 'invalid') return unknown(field.span, `"${field.text}" holds a port outside 0-65535`);
  return known(parsed, field.span);
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Swaps the address of a lite rule. Several addresses become several copies of the item, side by
 * side, since one item holds one address; a multi-line list gets one item per line.
 */
function litePeerEditor(text: string, item: HclValue, peerField: LiteField, peers: Value<readonly Peer[]>): RuleEditor['replaceInternetPeers'] {
  return (cidrs) => {
    if (!peers.known || !peers.value.some(isInternetPeer) || cidrs.length === 0) return undefined;
    if (cidrs.length === 1) return [replace(peerField.span, cidrs[0])];
    const source = text.slice(item.outer.start, item.outer.end);
    const before = source.slice(0, peerField.span.start - item.outer.start);
    const after = source.slice(peerField.span.end - item.outer.start);
    const lineStart = text.lastIndexOf('\n', item.outer.start - 1) + 1;
    const isOwnLine = /^[ \t]*$/.test(text.slice(lineStart, item.outer.start));
    const separator = isOwnLine ? `,${eolOf(text)}${indentationAt(text, item.outer.start)}` : ', ';
    return [replace(item.outer, cidrs.map((cidr) => `${before}${cidr}${after}`).join(separator))];
  };
}

/** One item of a lite rule list, `ACTION#ADDRESS#PORTS#PROTOCOL`; undefined when it cannot be read. */
function readLiteItem(input: ResourceInput, item: HclValue, index: number, direction: Direction, group: AttachedGroup): NetworkRule | undefined {
  const { text, options } = input;
  if (item.kind !== 'string' && item.kind !== 'expression') return undefined;
  const fields = splitLiteRule(text.slice(item.outer.start, item.outer.end), item.outer.start);
  if (!fields || fields.length !== 4) return undefined;
  const [actionField, peerField, portField, protocolField] = fields;
  const action = actionField.isDynamic ? undefined : lookupKeyword<Action>(POLICIES, actionField.text);
  if (!action) return undefined;
  const protocol: Value<Protocol> = protocolField.isDynamic ? unknown(protocolField.span, notLiteral(protocolField)) : known(protocolFromWord(protocolField.text), protocolField.span);
  const peers: Value<readonly Peer[]> = peerField.isDynamic ? unknown(peerField.span, notLiteral(peerField)) : known([peerFromText(peerField.text, peerField.span)], peerField.span);
  const setPorts: RuleEditor['setPorts'] = (ranges) => {
    const written = formatPorts(ranges);
    if (written === undefined || portField.isDynamic || !protocol.known) return undefined;
    if (protocol.value === 'tcp' || protocol.value === 'udp') return [replace(portField.span, written)];
    if (protocol.value !== 'all') return undefined;
    return [replace(portField.span, written), replace(protocolField.span, tcpLike(protocolField.text))];
  };
  return {
    ...ruleBase(input),
    groupKey: group.key,
    direction,
    action,
    protocol,
    ports: portsForProtocol(protocol, () => readLitePorts(portField), portField.span),
    peers,
    ...readAnnotations(options, undefined, [group.block]),
    priority: known(index, item.outer),
    span: item.outer,
    edit: ruleEditor({
      setPorts,
      replaceInternetPeers: litePeerEditor(text, item, peerField, peers),
      addOwner: group.block ? ownerTagEditor(text, group.block) : undefined,
    }),
  };
}

/** `tencentcloud_security_group_lite_rule`: `ingress`/`egress` lists of strings, first item first. */
const securityGroupLiteRule: ResourceHandler = (input) => {
  const group = attachedGroup(input, 'security_group_id');
  const rules: NetworkRule[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    const list = input.block.attributes.get(direction)?.value;
    if (!list || list.kind !== 'tuple') continue;
    list.items.forEach((item, index) => {
      const rule = readLiteItem(input, item, index, direction, group);
      if (rule) rules.push(ownerOutsideDocument(rule, group));
    });
  }
  return rules;
};

export const tencent: ProviderResources = {
  provider: 'tencent',
  resources: {
    tencentcloud_security_group_rule: securityGroupRule,
    tencentcloud_security_group_rule_set: securityGroupRuleSet,
    tencentcloud_security_group_lite_rule: securityGroupLiteRule,
  },
};
