import type { Protocol } from '../../../model/network-rule';
import type { PortRange } from '../../../model/ports';
import { unknown, type Value } from '../../../model/value';
import type { HclBlock } from '../hcl';
import type { ProviderResources, ResourceHandler, ResourceInput } from '../resource';
import { readString } from '../values';
import {
  addressOf,
  deviceName,
  deviceExposure,
  deviceOf,
  evaluatedOnly,
  exposureFromBool,
  forwardRule,
  groupKeysOf,
  internalSwitchEditor,
  ownDevice,
  readForwardProtocol,
  readSinglePort,
  referencedBlock,
  type Device,
  type Exposure,
} from './forward-rule';

/** Listener protocols of ALBs, NLBs and classic ELBs. TCP_UDP carries both on one port. */
const LISTENER_PROTOCOLS: Readonly<Record<string, Protocol>> = {
  http: 'tcp', https: 'tcp', tcp: 'tcp', tls: 'tcp', ssl: 'tcp', udp: 'udp', tcp_udp: 'all', geneve: 'other',
};

/** Security groups of an EC2 instance, in the key scheme of the security-group rules. */
const INSTANCE_GROUP_ATTRIBUTES = ['vpc_security_group_ids', 'security_groups'];

function balancerKind(block: HclBlock | undefined): string {
  const type = block?.attributes.get('load_balancer_type')?.value;
  const word = type?.kind === 'string' ? type.value.toLowerCase() : 'application';
  return word === 'network' ? 'NLB' : word === 'gateway' ? 'GWLB' : word === 'application' ? 'ALB' : 'load balancer';
}

/**
 * An `aws_lb` is internet-facing unless `internal = true`. A gateway load balancer has no
 * listener port of its own (it passes whole packets on to appliances), so it publishes nothing.
 */
function balancerExposure(device: Device): Exposure {
  return deviceExposure(device, (block) => (balancerKind(block) === 'GWLB' ? { kind: 'private' } : exposureFromBool(block, 'internal', false, true)));
}

interface Backend {
  readonly name: string;
  readonly ports: Value<readonly PortRange[]>;
  readonly groupKeys: string[];
}

/** The target group a `forward` action sends traffic to: its expression, in either spelling. */
function forwardTarget(action: HclBlock) {
  const direct = action.attributes.get('target_group_arn');
  if (direct) return direct.value;
  const group = action.blocks.find((block) => block.type === 'forward')?.blocks.find((block) => block.type === 'target_group');
  return group?.attributes.get('arn')?.value;
}

/**
 * Where the listener's default action sends traffic: a target group's port, and the security
 * groups of the instances attached to it in this document. Undefined when no default action
 * forwards (a redirect or a fixed response answers at the load balancer itself).
 */
function listenerBackend(input: ResourceInput): Backend | undefined {
  const actions = input.block.blocks.filter((block) => block.type === 'default_action');
  const forward = actions.find((action) => {
    const type = action.attributes.get('type');
    const word = type ? readString(type.value) : undefined;
    return !word || !word.known || word.value.toLowerCase() === 'forward';
  });
  if (actions.length > 0 && !forward) return undefined;
  const target = forward ? forwardTarget(forward) : undefined;
  const group = referencedBlock(input, target);
  if (!group) {
    const written = target ? (target.kind === 'string' ? target.value : input.text.slice(target.outer.start, target.outer.end)) : 'its targets';
    // `aws_lb_target_group.ssh.arn` names the target group `aws_lb_target_group.ssh`, in another file.
    const name = /^([A-Za-z][\w-]*\.[\w-]+)\.arn$/.exec(written)?.[1] ?? written;
    return { name: `target group ${name}`, ports: unknown(target?.outer ?? input.block.headerSpan, 'the target group is not in this document'), groupKeys: [] };
  }
  const address = addressOf(group);
  const groupKeys: string[] = [];
  for (const attachment of input.index.ofType('aws_lb_target_group_attachment', 'aws_alb_target_group_attachment')) {
    if (referencedBlock(input, attachment.attributes.get('target_group_arn')?.value) !== group) continue;
    const instance = referencedBlock(input, attachment.attributes.get('target_id')?.value);
    for (const key of groupKeysOf(input, instance, INSTANCE_GROUP_ATTRIBUTES)) if (!groupKeys.includes(key)) groupKeys.push(key);
  }
  return { name: `target group ${address}`, ports: readSinglePort(group.attributes.get('port'), group.headerSpan, `the port of ${address}`), groupKeys };
}

/** `aws_lb_listener` / `aws_alb_listener`: one public port of an ALB or NLB. */
const listener: ResourceHandler = (input) => {
  const { block, text } = input;
  const device = deviceOf(input, 'load_balancer_arn');
  const backend = listenerBackend(input);
  if (!backend) return [];
  const exposure = balancerExposure(device);
  const kind = balancerKind(device.found);
  return forwardRule(input, {
    device,
    exposure,
    ruleBlock: block,
    protocol: readForwardProtocol(block.attributes.get('protocol'), LISTENER_PROTOCOLS, 'tcp', block.headerSpan),
    ports: readSinglePort(block.attributes.get('port'), block.headerSpan, 'port'),
    via: `${exposure.kind === 'public' ? 'internet-facing ' : ''}${kind} ${deviceName(device, ['name'])}`,
    deviceKey: device.key,
    backend: backend.name,
    backendPorts: backend.ports,
    backendGroupKeys: backend.groupKeys,
    internal: { setting: 'internal = true', edit: internalSwitchEditor(text, device.block, 'internal', true) },
    taggedBlocks: [block, device.found],
    ownerBlock: device.block ?? block,
  });
};

/** Classic `aws_elb`: each inline `listener` forwards `lb_port` to `instance_port`. */
const classicBalancer: ResourceHandler = (input) => {
  const { block, text } = input;
  const device = ownDevice(input);
  const exposure = exposureFromBool(block, 'internal', false, true);
  const instances = block.attributes.get('instances')?.value;
  const groupKeys: string[] = [];
  for (const item of instances?.kind === 'tuple' ? instances.items : instances ? [instances] : []) {
    for (const key of groupKeysOf(input, referencedBlock(input, item), INSTANCE_GROUP_ATTRIBUTES)) if (!groupKeys.includes(key)) groupKeys.push(key);
  }
  const name = deviceName(device, ['name']);
  return block.blocks.filter((child) => child.type === 'listener').flatMap((listenerBlock) => forwardRule(input, {
    device,
    exposure,
    ruleBlock: listenerBlock,
    protocol: readForwardProtocol(listenerBlock.attributes.get('lb_protocol'), LISTENER_PROTOCOLS, 'tcp', listenerBlock.headerSpan),
    ports: readSinglePort(listenerBlock.attributes.get('lb_port'), listenerBlock.headerSpan, 'lb_port'),
    via: `${exposure.kind === 'public' ? 'internet-facing ' : ''}ELB ${name}`,
    deviceKey: device.key,
    backend: 'instance',
    backendPorts: readSinglePort(listenerBlock.attributes.get('instance_port'), listenerBlock.headerSpan, 'instance_port'),
    backendGroupKeys: groupKeys,
    internal: { setting: 'internal = true', edit: internalSwitchEditor(text, block, 'internal', true) },
    taggedBlocks: [block],
    ownerBlock: block,
  }));
};

export const awsLoadBalancers: ProviderResources = {
  provider: 'aws',
  resources: {
    aws_lb_listener: listener,
    aws_alb_listener: listener,
    aws_elb: classicBalancer,
    aws_lb: evaluatedOnly,
    aws_alb: evaluatedOnly,
    aws_lb_target_group: evaluatedOnly,
    aws_alb_target_group: evaluatedOnly,
    aws_lb_target_group_attachment: evaluatedOnly,
    aws_alb_target_group_attachment: evaluatedOnly,
  },
};
