import type { Protocol } from '../../../model/network-rule';
import type { PortRange } from '../../../model/ports';
import { known, unknown, type Value } from '../../../model/value';
import type { HclBlock } from '../hcl';
import type { ProviderResources, ResourceHandler, ResourceInput } from '../resource';
import { readPort } from '../values';
import {
  deviceExposure,
  deviceName,
  deviceOf,
  evaluatedOnly,
  exposureFromKeyword,
  forwardRule,
  groupKeysOf,
  internalSwitchEditor,
  natEntryRule,
  readForwardProtocol,
  readSinglePort,
  referencedBlock,
} from './forward-rule';

/** CLB listener protocols; QUIC runs over UDP. */
const LISTENER_PROTOCOLS: Readonly<Record<string, Protocol>> = {
  tcp: 'tcp', http: 'tcp', https: 'tcp', tcp_ssl: 'tcp', udp: 'udp', quic: 'udp',
};

const DNAT_PROTOCOLS: Readonly<Record<string, Protocol>> = { tcp: 'tcp', udp: 'udp' };

/** Security groups of a CVM instance, in the key scheme of the security-group rules. */
const INSTANCE_GROUP_ATTRIBUTES = ['orderly_security_groups', 'security_groups'];

function sameResource(a: HclBlock | undefined, b: HclBlock): boolean {
  return a !== undefined && a.labels[0]?.value === b.labels[0]?.value && a.labels[1]?.value === b.labels[1]?.value;
}

interface Backend {
  readonly ports: Value<readonly PortRange[]>;
  readonly groupKeys: string[];
}

/**
 * The backend ports of a listener: the `targets` of the `tencentcloud_clb_attachment`s bound to it
 * in this document. Unknown when none is, or when a target's port is an expression.
 */
function attachedTargets(input: ResourceInput): Backend {
  const ranges: PortRange[] = [];
  const groupKeys: string[] = [];
  let span = input.block.headerSpan;
  let why: string | undefined = 'no tencentcloud_clb_attachment for this listener is in this document';
  for (const attachment of input.index.ofType('tencentcloud_clb_attachment')) {
    if (!sameResource(referencedBlock(input, attachment.attributes.get('listener_id')?.value), input.block)) continue;
    for (const target of attachment.blocks.filter((block) => block.type === 'targets')) {
      const portAttribute = target.attributes.get('port');
      const port = portAttribute ? readPort(portAttribute.value) : undefined;
      if (!port?.known) return { ports: unknown(portAttribute?.value.outer ?? target.headerSpan, port ? port.why : 'the target has no port'), groupKeys };
      if (ranges.length === 0) span = port.span;
      if (!ranges.some(([from]) => from === port.value)) ranges.push([port.value, port.value]);
      why = undefined;
      for (const key of groupKeysOf(input, referencedBlock(input, target.attributes.get('instance_id')?.value), INSTANCE_GROUP_ATTRIBUTES)) if (!groupKeys.includes(key)) groupKeys.push(key);
    }
  }
  return { ports: why === undefined ? known(ranges, span) : unknown(span, why), groupKeys };
}

/** `tencentcloud_clb_listener` on a `tencentcloud_clb_instance`, public with `network_type = "OPEN"`. */
const listener: ResourceHandler = (input) => {
  const { block, text } = input;
  const device = deviceOf(input, 'clb_id');
  const exposure = deviceExposure(device, (found) => exposureFromKeyword(found, 'network_type', ['open'], 'private'));
  const backend = attachedTargets(input);
  return forwardRule(input, {
    device,
    exposure,
    ruleBlock: block,
    protocol: readForwardProtocol(block.attributes.get('protocol'), LISTENER_PROTOCOLS, 'tcp', block.headerSpan),
    ports: readSinglePort(block.attributes.get('port'), block.headerSpan, 'port'),
    via: `${exposure.kind === 'public' ? 'public ' : ''}CLB ${deviceName(device, ['clb_name'])}`,
    deviceKey: device.key,
    backend: 'instance',
    backendPorts: backend.ports,
    backendGroupKeys: backend.groupKeys,
    internal: { setting: 'network_type = "INTERNAL"', edit: internalSwitchEditor(text, device.block, 'network_type', 'INTERNAL') },
    taggedBlocks: [device.found],
    ownerBlock: device.block,
  });
};

/** `tencentcloud_dnat`: a NAT gateway's elastic IP and port forwarded to a private address and port. */
const dnat: ResourceHandler = (input) => {
  const { block } = input;
  const device = deviceOf(input, 'nat_id');
  return natEntryRule(input, {
    device,
    natName: deviceName(device, ['name']),
    publicIp: 'elastic_ip',
    privateIp: 'private_ip',
    protocol: readForwardProtocol(block.attributes.get('protocol'), DNAT_PROTOCOLS, 'tcp', block.headerSpan),
    ports: readSinglePort(block.attributes.get('elastic_port'), block.headerSpan, 'elastic_port'),
    backendPorts: readSinglePort(block.attributes.get('private_port'), block.headerSpan, 'private_port'),
    description: block.attributes.get('description'),
  });
};

export const tencentLoadBalancers: ProviderResources = {
  provider: 'tencent',
  resources: {
    tencentcloud_clb_listener: listener,
    tencentcloud_dnat: dnat,
    tencentcloud_clb_instance: evaluatedOnly,
    tencentcloud_clb_attachment: evaluatedOnly,
    tencentcloud_nat_gateway: evaluatedOnly,
  },
};
