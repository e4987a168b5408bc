import type { Action, Direction, NetworkRule } from '../../../model/network-rule';
import { showRange, type PortRange } from '../../../model/ports';
import { known } from '../../../model/value';
import { quote } from '../edits';
import type { HclBlock } from '../hcl';
import { attachedGroup, ownerOutsideDocument, ruleBase, type ProviderResources, type ResourceHandler } from '../resource';
import { attachedOwnerEditor, ruleEditor } from '../rule-editor';
import { portsForProtocol, readAnnotations, readInteger, readKeyword, readPortText, readProtocol } from '../values';
import { DIRECTIONS, portPairSpan, protocolPortsEditor, readPortPairOrAll, readRemote, remoteEditor, writePortPair } from './openstack';

/** Huawei's priority when none is written; 1 matches first. */
const DEFAULT_PRIORITY = 1;

/**
 * Where a narrowed port list goes: the `ports` string (which holds any list), the
 * `port_range_min`/`port_range_max` pair (one range), or a new `ports` string.
 */
function writePorts(block: HclBlock, ranges: readonly PortRange[]): [string, string][] | undefined {
  const list = block.attributes.get('ports');
  if (list) return list.value.kind === 'string' ? [['ports', quote(ranges.map(showRange).join(','))]] : undefined;
  if (!block.attributes.has('port_range_min') && !block.attributes.has('port_range_max')) return [['ports', quote(ranges.map(showRange).join(','))]];
  return writePortPair(block, ranges);
}

/** `huaweicloud_networking_secgroup_rule`: one rule per resource. */
const secgroupRule: ResourceHandler = (input) => {
  const { block, text, options } = input;
  const attr = (name: string) => block.attributes.get(name);
  const direction = readKeyword<Direction>(attr('direction'), DIRECTIONS);
  const action = attr('action') ? readKeyword<Action>(attr('action'), { allow: 'allow', deny: 'deny' }) : 'allow';
  if (!direction || !action) return [];
  const group = attachedGroup(input, 'security_group_id');
  // No protocol means every protocol, and then every port.
  const protocol = readProtocol(attr('protocol')?.value, block.headerSpan);
  const list = attr('ports');
  const impliedSpan = list?.value.span ?? portPairSpan(block) ?? attr('protocol')?.span ?? block.headerSpan;
  const ports = portsForProtocol(protocol, () => (list ? readPortText(list.value) : readPortPairOrAll(block, impliedSpan)), impliedSpan);
  const { peers, isImplied } = readRemote(block);
  const priority = attr('priority');
  const rule: NetworkRule = {
    ...ruleBase(input),
    groupKey: group.key,
    direction,
    action,
    protocol,
    ports,
    peers,
    ...readAnnotations(options, attr('description'), [group.block]),
    priority: priority ? readInteger(priority.value) : known(DEFAULT_PRIORITY, block.headerSpan),
    span: block.span,
    edit: ruleEditor({
      setPorts: protocolPortsEditor(text, block, protocol, (ranges) => writePorts(block, ranges)),
      replaceInternetPeers: remoteEditor(text, block, isImplied),
      addOwner: attachedOwnerEditor(text, group, block),
    }),
  };
  return [ownerOutsideDocument(rule, group)];
};

export const huawei: ProviderResources = {
  provider: 'huawei',
  resources: {
    huaweicloud_networking_secgroup_rule: secgroupRule,
  },
};
