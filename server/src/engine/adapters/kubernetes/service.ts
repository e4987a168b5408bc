import type { NetworkRule, Peer, TextEdit } from '../../model/network-rule';
import { isInternetPeer, peerFromText } from '../../model/peers';
import type { Span } from '../../model/span';
import { known, unknown, type Value } from '../../model/value';
import { bindPeer, impliedInternet, readPeer, readPort, readProtocol } from '../document/read';
import { asMap, asSeq, get, itemsOf, textOf, type MapNode, type ScalarNode, type TreeNode } from '../document/tree';
import { ownerLabelEditor, ruleEditor } from './editing';
import { readOwnership, type ObjectInput } from './objects';

/**
 * Annotations that make a cloud's load balancer internal (reachable from the VPC only), with the
 * values that mean "internal". `undefined` accepts any value but "false".
 */
const INTERNAL_ANNOTATIONS: readonly (readonly [key: string, values: readonly string[] | undefined])[] = [
  // AWS: the in-tree controller (older docs use "0.0.0.0/0" as the value) and the AWS Load Balancer Controller.
  ['service.beta.kubernetes.io/aws-load-balancer-internal', undefined],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', ['internal']],
  // GCP: GKE, current and legacy key.
  ['networking.gke.io/load-balancer-type', ['internal']],
  ['cloud.google.com/load-balancer-type', ['internal']],
  // Azure AKS.
  ['service.beta.kubernetes.io/azure-load-balancer-internal', ['true']],
  // Tencent TKE: an internal CLB in the given subnet.
  ['service.kubernetes.io/qcloud-loadbalancer-internal-subnetid', undefined],
  ['service.cloud.tencent.com/qcloud-loadbalancer-internal-subnetid', undefined],
  // Alibaba ACK.
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', ['intranet']],
  ['service.beta.kubernetes.io/alicloud-loadbalancer-address-type', ['intranet']],
  // OpenStack and Oracle Cloud.
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', ['true']],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', ['true']],
];

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/** The annotation value that makes the load balancer internal, if any. */
function internalAnnotation(annotations: TreeNode | undefined): ScalarNode | undefined {
  const map = asMap(annotations);
  if (!map) return undefined;
  for (const [key, values] of INTERNAL_ANNOTATIONS) {
    const value = map.entries.find((entry) => entry.key === key)?.value;
    const text = textOf(value)?.trim().toLowerCase();
    if (value?.kind !== 'scalar' || text === undefined || text === '') continue;
    if (values === undefined ? text !== 'false' : values.includes(text)) return value;
  }
  return undefined;
}

/** "10.0.0.0/8, 192.168.0.0/16" in one annotation, each CIDR with its own span when the value has no escapes. */
function rangesInAnnotation(node: ScalarNode): Peer[] {
  const text = String(node.value);
  const exact = node.span.end - node.span.start === text.length;
  const peers: Peer[] = [];
  let offset = 0;
  for (const part of text.split(',')) {
    const lead = part.length - part.trimStart().length;
    const start = node.span.start + offset + lead;
    const span: Span = exact ? { start, end: start + part.trim().length } : node.span;
    if (part.trim() !== '') peers.push(peerFromText(part, span));
    offset += part.length + 1;
  }
  return peers;
}

interface Sources {
  readonly peers: Value<readonly Peer[]>;
  /** Where "Restrict source to ..." writes, when it can: `spec.loadBalancerSourceRanges`. */
  readonly restrict?: (cidrs: readonly string[]) => TextEdit[] | undefined;
}

/** Who reaches a LoadBalancer or NodePort Service: its source ranges, or everyone. */
function exposedSources(input: ObjectInput, spec: MapNode, type: ScalarNode): Sources | undefined {
  const annotations = get(input.object.metadata, 'annotations');
  const internal = internalAnnotation(annotations);
  const isLoadBalancer = type.value === 'LoadBalancer';
  if (isLoadBalancer && internal) {
    return { peers: known([{ kind: 'reference', text: 'internal load balancer', span: internal.span }], internal.span) };
  }
  if (!isLoadBalancer) return { peers: known([impliedInternet(type.span)], type.span) };
  const ranges = get(spec, 'loadBalancerSourceRanges');
  const annotated = asMap(annotations)?.entries.find((entry) => entry.key === SOURCE_RANGES_ANNOTATION)?.value;
  if (ranges && itemsOf(ranges).length > 0) {
    const seq = asSeq(ranges);
    if (!seq) return { peers: unknown(ranges.outer, 'loadBalancerSourceRanges is not a list') };
    return {
      peers: known(seq.items.map(readPeer), seq.outer),
      restrict: (cidrs) => {
        const kept = seq.items.filter((item) => !isInternetPeer(readPeer(item))).map((item) => textOf(item) ?? '');
        return input.writer.replace(seq, [...kept, ...cidrs.filter((cidr) => !kept.includes(cidr))]);
      },
    };
  }
  if (annotated?.kind === 'scalar' && typeof annotated.value === 'string') return { peers: known(rangesInAnnotation(annotated), annotated.span) };
  // Without source ranges, cloud load balancers accept every address (the API's default is 0.0.0.0/0).
  return { peers: known([impliedInternet(type.span)], type.span), restrict: (cidrs) => input.writer.set(spec, 'loadBalancerSourceRanges', [...cidrs]) };
}

/** Addresses in `externalIPs` that the internet can route to, as peers. */
function externalSources(spec: MapNode): Peer[] {
  return itemsOf(get(spec, 'externalIPs'))
    .map((item) => bindPeer(textOf(item), item.span))
    .filter(isInternetPeer);
}

/**
 * A Service of type LoadBalancer or NodePort, or with public `externalIPs`: one ingress rule per
 * entry of `ports`, on its `port` (the port clients connect to).
 */
export const readService = (input: ObjectInput): NetworkRule[] => {
  const { object } = input;
  const spec = asMap(get(object.node, 'spec'));
  if (!spec) return [];
  const typeNode = get(spec, 'type');
  const type = typeNode?.kind === 'scalar' && (typeNode.value === 'LoadBalancer' || typeNode.value === 'NodePort') ? typeNode : undefined;
  const external = externalSources(spec);
  if (!type && external.length === 0) return [];
  const sources = type ? exposedSources(input, spec, type) : undefined;
  const peers: Value<readonly Peer[]> = !sources
    ? known(external, external[0].span)
    : sources.peers.known && external.length > 0 ? known([...sources.peers.value, ...external], sources.peers.span) : sources.peers;
  // Restricting the load balancer's sources leaves a public external IP open: then no fix.
  const restrict = external.length === 0 ? sources?.restrict : undefined;
  const ownership = readOwnership([object.metadata], input.options);
  const rules: NetworkRule[] = [];
  for (const item of itemsOf(get(spec, 'ports'))) {
    const port = get(item, 'port');
    if (!port || item.kind !== 'map') continue;
    const value = readPort(port);
    rules.push({
      format: 'kubernetes',
      resource: object.resource,
      groupKey: object.groupKey,
      direction: 'ingress',
      action: 'allow',
      protocol: readProtocol(get(item, 'protocol'), 'tcp', item.outer),
      ports: value.known ? known([[value.value, value.value]], value.span) : value,
      peers,
      ...ownership,
      span: item.outer,
      edit: ruleEditor({ replaceInternetPeers: restrict, addOwner: ownerLabelEditor(input) }),
    });
  }
  return rules;
};
