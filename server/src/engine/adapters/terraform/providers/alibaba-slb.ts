import type { Protocol } from '../../../model/network-rule';
import type { PortRange } from '../../../model/ports';
import { known, unknown, type Value } from '../../../model/value';
import type { HclBlock } from '../hcl';
import type { ProviderResources, ResourceHandler } from '../resource';
import { readBool, readPortText } from '../values';
import {
  addressOf,
  deviceExposure,
  deviceName,
  deviceOf,
  evaluatedOnly,
  exposureFromKeyword,
  forwardRule,
  internalSwitchEditor,
  natEntryRule,
  readForwardProtocol,
  readSinglePort,
  referencedBlock,
  type Device,
  type Exposure,
} from './forward-rule';

const LISTENER_PROTOCOLS: Readonly<Record<string, Protocol>> = { http: 'tcp', https: 'tcp', tcp: 'tcp', udp: 'udp' };
const FORWARD_PROTOCOLS: Readonly<Record<string, Protocol>> = { tcp: 'tcp', udp: 'udp', any: 'all' };

/**
 * Whether an SLB (CLB) is internet-facing. `address_type = "internet"` is; `"intranet"` is not.
 * Without it the two resources differ: the provider creates an `alicloud_slb` as intranet unless
 * the deprecated `internet = true` says otherwise, while `alicloud_slb_load_balancer` leaves the
 * choice to the API, which this document does not show, so it is unknown.
 */
function balancerExposure(device: Device): Exposure {
  return deviceExposure(device, (block) => balancerBlockExposure(block, device.key));
}

function balancerBlockExposure(block: HclBlock, key: string): Exposure {
  if (block.attributes.has('address_type')) return exposureFromKeyword(block, 'address_type', ['internet'], 'private');
  if (block.labels[0].value === 'alicloud_slb') {
    const internet = block.attributes.get('internet');
    if (!internet) return { kind: 'private' };
    const flag = readBool(internet.value);
    if (flag === undefined) return { kind: 'unknown', span: internet.value.outer, why: 'internet is not a literal' };
    return flag ? { kind: 'public', span: internet.span } : { kind: 'private' };
  }
  return { kind: 'unknown', span: block.headerSpan, why: `address_type of ${key} is not set, so the API chooses` };
}

/**
 * The ports of an `alicloud_slb_server_group`'s `servers` blocks (a VServer group): where a
 * listener without `backend_port` sends traffic. Unknown when a port is an expression or none is written.
 */
function serverGroupPorts(group: HclBlock): Value<readonly PortRange[]> {
  const ranges: PortRange[] = [];
  let span = group.headerSpan;
  for (const servers of group.blocks.filter((child) => child.type === 'servers')) {
    const port = readSinglePort(servers.attributes.get('port'), servers.headerSpan, 'port');
    if (!port.known) return port;
    if (ranges.length === 0) span = port.span;
    if (!ranges.some(([from]) => from === port.value[0][0])) ranges.push(port.value[0]);
  }
  return ranges.length > 0 ? known(ranges, span) : unknown(group.headerSpan, `${addressOf(group)} lists no servers here`);
}

/** `alicloud_slb_listener`: `frontend_port` on the SLB to `backend_port` on its servers. */
const listener: ResourceHandler = (input) => {
  const { block, text } = input;
  const device = deviceOf(input, 'load_balancer_id');
  const exposure = balancerExposure(device);
  const backendPort = block.attributes.get('backend_port');
  const serverGroup = block.attributes.get('server_group_id');
  const group = referencedBlock(input, serverGroup?.value);
  const backendPorts: Value<readonly PortRange[]> = backendPort
    ? readSinglePort(backendPort, block.headerSpan, 'backend_port')
    : group ? serverGroupPorts(group)
      : unknown(serverGroup?.value.outer ?? block.headerSpan, serverGroup ? 'the server group is not in this document' : 'backend_port is not set');
  return forwardRule(input, {
    device,
    exposure,
    ruleBlock: block,
    protocol: readForwardProtocol(block.attributes.get('protocol'), LISTENER_PROTOCOLS, 'tcp', block.headerSpan),
    ports: readSinglePort(block.attributes.get('frontend_port'), block.headerSpan, 'frontend_port'),
    via: `${exposure.kind === 'public' ? 'internet-facing ' : ''}SLB ${deviceName(device, ['load_balancer_name', 'name'])}`,
    deviceKey: device.key,
    backend: serverGroup ? 'server group' : 'backend server',
    backendPorts,
    // `address_type` conflicts with the deprecated `internet`: no fix writes one next to the other.
    internal: { setting: 'address_type = "intranet"', edit: device.block?.attributes.has('internet') ? undefined : internalSwitchEditor(text, device.block, 'address_type', 'intranet') },
    description: block.attributes.get('description'),
    taggedBlocks: [device.found],
    ownerBlock: device.block,
  });
};

/**
 * `alicloud_forward_entry`: a NAT gateway's DNAT entry, `external_ip:external_port` to
 * `internal_ip:internal_port`; `"any"` forwards every port and protocol.
 */
const forwardEntry: ResourceHandler = (input) => {
  const { block } = input;
  const device = deviceOf(input, 'forward_table_id');
  const portOf = (name: string): Value<readonly PortRange[]> => {
    const attribute = block.attributes.get(name);
    return attribute ? readPortText(attribute.value) : unknown(block.headerSpan, `${name} is not set`);
  };
  return natEntryRule(input, {
    device,
    natName: device.found ? deviceName(device, ['nat_gateway_name', 'name']) : device.key,
    publicIp: 'external_ip',
    privateIp: 'internal_ip',
    protocol: readForwardProtocol(block.attributes.get('ip_protocol'), FORWARD_PROTOCOLS, 'all', block.headerSpan),
    ports: portOf('external_port'),
    backendPorts: portOf('internal_port'),
  });
};

export const alibabaLoadBalancers: ProviderResources = {
  provider: 'alibaba',
  resources: {
    alicloud_slb_listener: listener,
    alicloud_forward_entry: forwardEntry,
    alicloud_slb: evaluatedOnly,
    alicloud_slb_load_balancer: evaluatedOnly,
    alicloud_nat_gateway: evaluatedOnly,
    alicloud_slb_server_group: evaluatedOnly,
  },
};
