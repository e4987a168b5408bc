import type { NetworkRule, Peer, ResourceRef, RuleEditor } from '../../model/network-rule';
import { ALL_PORTS, portTextProblem, type PortRange } from '../../model/ports';
import { coverSpans, type Span } from '../../model/span';
import { invalid, known, unknown, type Value } from '../../model/value';
import type { AdapterOptions } from '../adapter';
import { bindPeer, findKey, protocolFromWord, readPort, readProtocol, whyNotLiteral } from '../document/read';
import { fullSpan, get, itemsOf, textOf, type MapEntry, type MapNode, type TreeNode } from '../document/tree';
import { setPath, type TreeWriter } from '../document/writer';
import { loopbackSpec, parsePortSpec } from './port-spec';

export interface ServiceInput {
  readonly entry: MapEntry;
  readonly service: MapNode;
  readonly writer: TreeWriter;
  readonly options: AdapterOptions;
}

const never = (): undefined => undefined;

function editor(parts: Partial<RuleEditor>): RuleEditor {
  return {
    setPorts: never,
    replaceInternetPeers: never,
    addOwner: parts.addOwner ?? never,
    ...(parts.bindToLoopback ? { bindToLoopback: parts.bindToLoopback } : {}),
  };
}

/** `labels` as a map, or as a list of `key=value` strings. */
function findLabel(labels: TreeNode | undefined, keys: readonly string[]): Value<string> | undefined {
  if (labels?.kind !== 'seq') return findKey(labels, keys);
  for (const key of keys) {
    for (const item of labels.items) {
      const text = textOf(item);
      if (text === undefined || !text.startsWith(`${key}=`)) continue;
      const exact = item.span.end - item.span.start === text.length;
      const start = item.span.start + key.length + 1;
      return known(text.slice(key.length + 1), exact ? { start, end: item.span.end } : item.span);
    }
  }
  return undefined;
}

function ownerEditor(input: ServiceInput): RuleEditor['addOwner'] {
  return (key, owner) => {
    const labels = get(input.service, 'labels');
    if (labels?.kind === 'seq') return input.writer.append(labels, `${key}=${owner}`);
    return setPath(input.writer, input.service, ['labels', key], owner);
  };
}

/**
 * The rules of one Compose service: each published port (a port without a host address binds
 * every interface of the host), and `network_mode: host`, which puts every port on the host.
 */
export function readService(input: ServiceInput): NetworkRule[] {
  const { entry, service } = input;
  const address = `services.${entry.key}`;
  const resource: ResourceRef = { type: 'service', name: entry.key, address, provider: 'docker', headerSpan: entry.keySpan, span: entry.span };
  const labels = get(service, 'labels');
  const owner = findLabel(labels, input.options.ownerKeys);
  const expires = findLabel(labels, input.options.expiryKeys);
  const base = { format: 'compose' as const, resource, groupKey: address, direction: 'ingress' as const, action: 'allow' as const, ...(owner ? { owner } : {}), ...(expires ? { expires } : {}) };
  const addOwner = ownerEditor(input);
  const rules: NetworkRule[] = [];
  const networkMode = get(service, 'network_mode');
  if (networkMode && textOf(networkMode) === 'host') {
    rules.push({
      ...base,
      protocol: known('all', networkMode.span),
      ports: known([ALL_PORTS], networkMode.span),
      peers: known([bindPeer(undefined, networkMode.span)], networkMode.span),
      service: { kind: 'host-network', switchSpan: networkMode.span },
      span: networkMode.outer,
      // Leaving host networking needs published ports in its place: that is for a person to write.
      edit: editor({ addOwner }),
    });
  }
  for (const item of itemsOf(get(service, 'ports'))) {
    const fields = item.kind === 'map' ? longSyntax(input, item) : shortSyntax(input, item);
    rules.push({ ...base, ...fields, span: item.outer, edit: editor({ addOwner, bindToLoopback: fields.bindToLoopback }) });
  }
  return rules;
}

type PortFields = Pick<NetworkRule, 'protocol' | 'ports' | 'peers'> & { readonly bindToLoopback?: () => ReturnType<NonNullable<RuleEditor['bindToLoopback']>> };

/**
 * `"127.0.0.1:8080:80/tcp"`. The container port names the service (`2222:22` publishes SSH), so
 * the rule's ports are the container's, on the span of the whole spec.
 */
function shortSyntax(input: ServiceInput, item: TreeNode): PortFields {
  const text = textOf(item);
  if (text === undefined) {
    const span = fullSpan(item);
    return { protocol: unknown(span, whyNotLiteral(item)), ports: unknown(span, whyNotLiteral(item)), peers: unknown(span, whyNotLiteral(item)) };
  }
  const spec = parsePortSpec(text);
  if (typeof spec === 'string') {
    // "65536:80" is a mistake Compose rejects, not a mapping to guess at: reported where it is written.
    const problem = text.includes('$') ? undefined : portTextProblem(text);
    return { protocol: known('tcp', item.span), ports: problem === undefined ? unknown(item.span, spec) : invalid(item.span, problem), peers: unknown(item.span, spec) };
  }
  // Sub-spans are exact only when the scalar is written as its value (no escapes).
  const exact = item.span.end - item.span.start === text.length;
  const sub = (part: { start: number; end: number } | undefined): Span => (part && exact ? { start: item.span.start + part.start, end: item.span.start + part.end } : item.span);
  const range: PortRange = spec.containerPorts.value;
  const peer: Peer = bindPeer(spec.hostIp?.value, spec.hostIp ? sub(spec.hostIp) : item.span);
  return {
    protocol: spec.protocol ? known(protocolFromWord(spec.protocol.value), sub(spec.protocol)) : known('tcp', item.span),
    ports: known([range], item.span),
    peers: known([peer], peer.span),
    bindToLoopback: () => input.writer.replace(item, loopbackSpec(text, spec)),
  };
}

/** `{ target: 80, published: "8080", host_ip: 127.0.0.1, protocol: tcp }`. */
function longSyntax(input: ServiceInput, item: MapNode): PortFields {
  const target = get(item, 'target');
  const published = get(item, 'published');
  const anchor = target ?? published ?? item;
  const span = target && published ? coverSpans(fullSpan(target), fullSpan(published)) : fullSpan(anchor);
  const publishedText = published ? textOf(published) : undefined;
  const publishedProblem = publishedText === undefined || publishedText.includes('$') ? undefined : portTextProblem(publishedText);
  const port = publishedProblem !== undefined && published ? invalid(published.span, publishedProblem) : target ? readPort(target) : unknown(item.outer, 'target is missing');
  const hostIp = get(item, 'host_ip');
  const peer = hostIp ? bindPeer(textOf(hostIp), hostIp.span) : bindPeer(undefined, span);
  return {
    protocol: readProtocol(get(item, 'protocol'), 'tcp', item.outer),
    ports: port.known ? known([[port.value, port.value]], span) : port.invalid ? port : { ...port, span },
    peers: hostIp && textOf(hostIp) === undefined ? unknown(fullSpan(hostIp), whyNotLiteral(hostIp)) : known([peer], peer.span),
    bindToLoopback: () => input.writer.set(item, 'host_ip', '127.0.0.1'),
  };
}
