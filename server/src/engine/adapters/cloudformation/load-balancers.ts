import type { Forward, NetworkRule, Peer, Protocol } from '../../model/network-rule';
import type { PortRange } from '../../model/ports';
import type { Span } from '../../model/span';
import { known, unknown, type Value } from '../../model/value';
import { readPort } from '../document/read';
import { asMap, get, itemsOf, textOf, type MapNode, type TreeNode } from '../document/tree';
import { referencedResource, resourceRef, tagEditor, type ResourceInput, type ResourceReader } from './rules';
import type { TemplateResource } from './template';
import { isLiteralField, readField, readOwnership } from './values';

/*
 * Elastic Load Balancing in CloudFormation: each listener of an internet-facing load balancer
 * (`Scheme: internet-facing`, the default) is an ingress from the internet on its port, with the
 * path to its backend (Forward). The checks report an admin or database port published this way
 * whatever the security groups say; the fix (never preferred) writes `Scheme: internal`.
 */

const LISTENER_PROTOCOLS: Readonly<Record<string, Protocol>> = {
  http: 'tcp', https: 'tcp', tcp: 'tcp', tls: 'tcp', ssl: 'tcp', udp: 'udp', tcp_udp: 'all', geneve: 'other',
};

type Exposure =
  /** `origin`: the parameter default the scheme comes from, for the message. */
  | { readonly kind: 'public'; readonly span: Span; readonly origin?: string }
  | { readonly kind: 'private' }
  | { readonly kind: 'unknown'; readonly span: Span; readonly why: string };

/** A text field, literal or a parameter's default. */
function readTextField(input: ResourceInput, node: TreeNode): Value<string> {
  return readField(input.template, node, (field) => (textOf(field) === undefined ? unknown(field.outer, 'not a literal') : known(textOf(field) ?? '', field.span)));
}

/** `Scheme`: internet-facing unless `internal`; a parameter's default counts, anything else is unknown. */
function schemeExposure(input: ResourceInput, balancer: TemplateResource): Exposure {
  const properties = balancer.properties;
  const scheme = get(properties, 'Scheme');
  if (!scheme) return { kind: 'public', span: balancer.entry.keySpan };
  const value = readTextField(input, scheme);
  if (!value.known) return { kind: 'unknown', span: value.span, why: `Scheme: ${value.why}` };
  if (value.value.trim().toLowerCase() === 'internal') return { kind: 'private' };
  return value.origin === undefined ? { kind: 'public', span: value.span } : { kind: 'public', span: value.span, origin: `Scheme from ${value.origin}` };
}

function singlePort(input: ResourceInput, node: TreeNode | undefined, fallback: Span, what: string): Value<readonly PortRange[]> {
  if (!node) return unknown(fallback, `${what} is not set`);
  const port = readField(input.template, node, readPort);
  return port.known ? known([[port.value, port.value]], port.span, port.origin) : port;
}

function protocolOf(input: ResourceInput, node: TreeNode | undefined, fallback: Span): Value<Protocol> {
  if (!node) return known('tcp', fallback);
  const text = readTextField(input, node);
  if (!text.known) return text;
  const word = text.value.trim().toLowerCase();
  return known(Object.hasOwn(LISTENER_PROTOCOLS, word) ? LISTENER_PROTOCOLS[word] : 'other', text.span, text.origin);
}

/** Security groups of the EC2 instances a field lists (`Instances`, a target group's `Targets`). */
function instanceGroups(input: ResourceInput, instances: readonly (TreeNode | undefined)[]): string[] {
  const keys: string[] = [];
  for (const node of instances) {
    const instance = referencedResource(input, node);
    if (instance?.type !== 'AWS::EC2::Instance') continue;
    for (const name of ['SecurityGroupIds', 'SecurityGroups']) {
      for (const item of itemsOf(get(instance.properties, name))) {
        const group = referencedResource(input, item);
        const key = group?.logicalId ?? textOf(item);
        if (key !== undefined && !keys.includes(key)) keys.push(key);
      }
    }
  }
  return keys;
}

function balancerName(balancer: TemplateResource, nameKey: string): string {
  return textOf(get(balancer.properties, nameKey)) ?? balancer.logicalId;
}

interface ListenerSpec {
  readonly balancer: TemplateResource;
  readonly exposure: Exposure;
  readonly ruleSpan: Span;
  readonly protocol: Value<Protocol>;
  readonly ports: Value<readonly PortRange[]>;
  readonly via: string;
  readonly backend: string;
  readonly backendPorts: Value<readonly PortRange[]>;
  readonly backendGroupKeys: readonly string[];
  readonly tagged: readonly (TreeNode | undefined)[];
}

function listenerRule(input: ResourceInput, spec: ListenerSpec): NetworkRule[] {
  const { exposure, balancer } = spec;
  if (exposure.kind === 'private') return [];
  const { template, options } = input;
  const internet: Peer = { kind: 'anywhere', text: 'internet', span: exposure.span };
  const scheme = get(balancer.properties, 'Scheme');
  const canSwitch = balancer.properties !== undefined && (!scheme || isLiteralField(template, scheme));
  const forward: Forward = {
    via: exposure.kind === 'public' && exposure.origin !== undefined ? `${spec.via} (${exposure.origin})` : spec.via,
    deviceKey: balancer.logicalId,
    backend: spec.backend,
    backendPorts: spec.backendPorts,
    ...(spec.backendGroupKeys.length > 0 ? { backendGroupKeys: spec.backendGroupKeys } : {}),
    exposureSpan: exposure.span,
    ...(canSwitch ? { internalSwitch: 'Scheme: internal' } : {}),
  };
  const properties = balancer.properties;
  return [{
    format: 'cloudformation',
    resource: resourceRef(input.resource),
    groupKey: balancer.logicalId,
    direction: 'ingress',
    action: 'allow',
    protocol: spec.protocol,
    ports: spec.ports,
    peers: exposure.kind === 'unknown' ? unknown(exposure.span, exposure.why) : known([internet], exposure.span),
    ...readOwnership(template, undefined, spec.tagged, options.ownerKeys, options.expiryKeys),
    forward,
    span: spec.ruleSpan,
    edit: {
      setPorts: () => undefined,
      replaceInternetPeers: () => undefined,
      addOwner: tagEditor(template, balancer),
      ...(canSwitch && properties ? { turnOffService: () => (scheme ? template.writer.replace(scheme, 'internal') : template.writer.set(properties, 'Scheme', 'internal')) } : {}),
    },
  }];
}

/** The target group a default action forwards to, in either spelling. */
function forwardTarget(action: MapNode | undefined): TreeNode | undefined {
  const direct = get(action, 'TargetGroupArn');
  if (direct) return direct;
  return get(asMap(itemsOf(get(get(action, 'ForwardConfig'), 'TargetGroups'))[0]), 'TargetGroupArn');
}

/** `AWS::ElasticLoadBalancingV2::Listener` on an `AWS::ElasticLoadBalancingV2::LoadBalancer`. */
export const readListener: ResourceReader = (input) => {
  const properties = input.resource.properties;
  if (!properties) return [];
  const balancer = referencedResource(input, get(properties, 'LoadBalancerArn'));
  const keySpan = input.resource.entry.keySpan;
  const actions = itemsOf(get(properties, 'DefaultActions')).map(asMap);
  const forwardAction = actions.find((action) => {
    const type = textOf(get(action, 'Type'));
    return type === undefined || type.toLowerCase() === 'forward';
  });
  // A redirect or a fixed response answers at the load balancer: nothing reaches a backend.
  if (actions.length > 0 && !forwardAction) return [];
  const targetField = forwardTarget(forwardAction);
  const group = referencedResource(input, targetField);
  // The load balancer is another stack's (an import, a parameter): nothing about it can be said here.
  if (!balancer || balancer.type !== 'AWS::ElasticLoadBalancingV2::LoadBalancer') return [];
  const typeField = get(balancer.properties, 'Type');
  const typeValue = typeField ? readTextField(input, typeField) : undefined;
  // A gateway load balancer has no listener port of its own; a type that is not known is taken as an ALB's, the default.
  const type = typeValue?.known ? typeValue.value.toLowerCase() : 'application';
  if (type === 'gateway') return [];
  const exposure = schemeExposure(input, balancer);
  const kind = type === 'network' ? 'NLB' : 'ALB';
  return listenerRule(input, {
    balancer,
    exposure,
    ruleSpan: input.resource.entry.span,
    protocol: protocolOf(input, get(properties, 'Protocol'), keySpan),
    ports: singlePort(input, get(properties, 'Port'), keySpan, 'Port'),
    via: `${exposure.kind === 'public' ? 'internet-facing ' : ''}${kind} ${balancerName(balancer, 'Name')}`,
    backend: group ? `target group ${group.logicalId}` : 'its target group',
    backendPorts: group ? singlePort(input, get(group.properties, 'Port'), group.entry.keySpan, `the Port of ${group.logicalId}`) : unknown(targetField?.outer ?? keySpan, 'the target group is not in this template'),
    backendGroupKeys: group ? instanceGroups(input, itemsOf(get(group.properties, 'Targets')).map((target) => get(target, 'Id'))) : [],
    tagged: [get(balancer.properties, 'Tags')],
  });
};

/** Classic `AWS::ElasticLoadBalancing::LoadBalancer`: each of its `Listeners`. */
export const readClassicLoadBalancer: ResourceReader = (input) => {
  const balancer = input.resource;
  const properties = balancer.properties;
  if (!properties) return [];
  const exposure = schemeExposure(input, balancer);
  const groups = instanceGroups(input, itemsOf(get(properties, 'Instances')));
  return itemsOf(get(properties, 'Listeners')).flatMap((item) => {
    const listener = asMap(item);
    if (!listener) return [];
    return listenerRule(input, {
      balancer,
      exposure,
      ruleSpan: listener.outer,
      protocol: protocolOf(input, get(listener, 'Protocol'), listener.outer),
      ports: singlePort(input, get(listener, 'LoadBalancerPort'), listener.outer, 'LoadBalancerPort'),
      via: `${exposure.kind === 'public' ? 'internet-facing ' : ''}ELB ${balancerName(balancer, 'LoadBalancerName')}`,
      backend: 'instance',
      backendPorts: singlePort(input, get(listener, 'InstancePort'), listener.outer, 'InstancePort'),
      backendGroupKeys: groups,
      tagged: [get(properties, 'Tags')],
    });
  });
};
