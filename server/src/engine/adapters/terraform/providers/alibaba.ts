import type { Action, Direction, NetworkRule, Protocol, RuleEditor } from '../../../model/network-rule';
import { known, unknown, type Value } from '../../../model/value';
import { quote, setAttributes } from '../edits';
import type { HclBlock } from '../hcl';
import { attachedGroup, ownerOutsideDocument, ruleBase, type ProviderResources, type ResourceHandler } from '../resource';
import { attachedOwnerEditor, peerEditor, ruleEditor } from '../rule-editor';
import { portsForProtocol, readAnnotations, readInteger, readKeyword, readPeers, readPortText, readProtocol } from '../values';

/** Alibaba's priority when none is written; 1 matches first. */
const DEFAULT_PRIORITY = 1;

const REFERENCES = ['source_security_group_id', 'prefix_list_id'];

/**
 * Writes `port_range = "from/to"`, which holds one range. Alibaba needs "-1/-1" for protocol
 * all, so such a rule also becomes tcp: otherwise the fix would narrow nothing.
 */
function portRangeEditor(text: string, block: HclBlock, protocol: Value<Protocol>): RuleEditor['setPorts'] {
  return (ranges) => {
    if (ranges.length !== 1 || !protocol.known) return undefined;
    if (protocol.value !== 'tcp' && protocol.value !== 'udp' && protocol.value !== 'all') return undefined;
    const portRange = block.attributes.get('port_range');
    if (portRange && portRange.value.kind !== 'string') return undefined;
    const values: [string, string][] = [['port_range', quote(`${ranges[0][0]}/${ranges[0][1]}`)]];
    if (protocol.value === 'all') values.unshift(['ip_protocol', quote('tcp')]);
    return setAttributes(text, block, values, block.attributes.get('ip_protocol'));
  };
}

/** `alicloud_security_group_rule`: one rule per resource. */
const securityGroupRule: ResourceHandler = (input) => {
  const { block, text, options } = input;
  const attr = (name: string) => block.attributes.get(name);
  const direction = readKeyword<Direction>(attr('type'), { ingress: 'ingress', egress: 'egress' });
  const action = attr('policy') ? readKeyword<Action>(attr('policy'), { accept: 'allow', drop: 'deny' }) : 'allow';
  if (!direction || !action) return [];
  const group = attachedGroup(input, 'security_group_id');
  const protocolAttribute = attr('ip_protocol');
  const protocol = protocolAttribute ? readProtocol(protocolAttribute.value, protocolAttribute.span) : unknown(block.headerSpan, 'ip_protocol is missing');
  const portRange = attr('port_range');
  const impliedSpan = portRange?.value.span ?? protocolAttribute?.span ?? block.headerSpan;
  // tcp and udp need a port range: Alibaba's default "-1/-1" is refused for them.
  const ports = portsForProtocol(protocol, () => (portRange ? readPortText(portRange.value) : unknown(block.headerSpan, 'port_range is missing')), impliedSpan);
  const priority = attr('priority');
  const rule: NetworkRule = {
    ...ruleBase(input),
    groupKey: group.key,
    direction,
    action,
    protocol,
    ports,
    peers: readPeers([attr('cidr_ip'), attr('ipv6_cidr_ip'), ...REFERENCES.map(attr)], block.headerSpan, REFERENCES),
    ...readAnnotations(options, attr('description'), [group.block]),
    priority: priority ? readInteger(priority.value) : known(DEFAULT_PRIORITY, block.headerSpan),
    span: block.span,
    edit: ruleEditor({
      setPorts: portRangeEditor(text, block, protocol),
      replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr_ip'), family: 4 }, { attribute: attr('ipv6_cidr_ip'), family: 6 }]),
      addOwner: attachedOwnerEditor(text, group, block),
    }),
  };
  return [ownerOutsideDocument(rule, group)];
};

export const alibaba: ProviderResources = {
  provider: 'alibaba',
  resources: {
    alicloud_security_group_rule: securityGroupRule,
  },
};
