import type { NetworkRule, Peer } from '../../model/network-rule';
import type { PortRange } from '../../model/ports';
import { known, unknown, type Value } from '../../model/value';
import { findKey, readPort, readText } from '../document/read';
import { at, boolOf, get, textOf, type TreeNode } from '../document/tree';
import type { JsonValue } from '../document/writer';
import { resourceRef, ruleEditor, tagEditor, type ResourceInput, type ResourceReader } from './rules';
import { isLiteralField, readField, readOwnership } from './values';

/*
 * Managed data stores other than RDS (database.ts) whose endpoint one property makes public:
 * Amazon MQ brokers, MSK (Kafka) clusters and Redshift clusters. Each public endpoint is an
 * ingress rule from anywhere on the store's ports, with a `database` service; the fix turns the
 * property off.
 */

interface EndpointKind {
  /** Where the switch sits under Properties. */
  readonly path: readonly string[];
  /** Whether the switch's literal value makes the endpoint public. */
  readonly isPublic: (node: TreeNode) => boolean;
  /** What the fix writes instead. */
  readonly off: JsonValue;
  /** The engine's name and ports, read from the resource's properties. */
  readonly engine: (input: ResourceInput, properties: TreeNode) => { readonly name: string | undefined; readonly ports: Value<readonly PortRange[]> };
  /** `list` for `[{ Key, Value }]` tags, `map` for `{ key: value }` (MSK). */
  readonly tags: 'list' | 'map';
}

const ports = (...numbers: readonly number[]): PortRange[] => numbers.map((port): PortRange => [port, port]);

function publicEndpoint(kind: EndpointKind): ResourceReader {
  return (input) => {
    const { template, options } = input;
    const properties = input.resource.properties;
    const switchNode = at(properties, ...kind.path);
    // Only a literal is read: a parameter may well be off, and absent means private.
    if (!properties || !switchNode || !isLiteralField(template, switchNode) || !kind.isPublic(switchNode)) return [];
    const engine = kind.engine(input, properties);
    const peer: Peer = { kind: 'anywhere', text: kind.path[kind.path.length - 1], span: switchNode.span };
    const tags = get(properties, 'Tags');
    const owner = findKey(tags, options.ownerKeys);
    const expires = findKey(tags, options.expiryKeys);
    const ownership = kind.tags === 'list'
      ? readOwnership(template, undefined, [tags], options.ownerKeys, options.expiryKeys)
      : { ...(owner ? { owner } : {}), ...(expires ? { expires } : {}) };
    const rule: NetworkRule = {
      format: 'cloudformation',
      resource: resourceRef(input.resource),
      groupKey: input.resource.logicalId,
      direction: 'ingress',
      action: 'allow',
      protocol: known('tcp', input.resource.entry.keySpan),
      ports: engine.ports,
      peers: known([peer], switchNode.span),
      ...ownership,
      service: { kind: 'database', ...(engine.name === undefined ? {} : { engine: engine.name }), switchSpan: switchNode.span },
      span: input.resource.entry.span,
      edit: ruleEditor({
        replaceInternetPeers: () => template.writer.replace(switchNode, kind.off),
        // A map of tags is not the list tagEditor writes.
        ...(kind.tags === 'list' ? { addOwner: tagEditor(template, input.resource) } : {}),
      }),
    };
    return [rule];
  };
}

/** ActiveMQ: console, OpenWire, AMQP, STOMP, MQTT, WSS; RabbitMQ: AMQPS and the HTTPS console. */
const MQ_PORTS: Readonly<Record<string, { readonly name: string; readonly ports: readonly PortRange[] }>> = {
  activemq: { name: 'ActiveMQ', ports: ports(5671, 8162, 8883, 61614, 61617, 61619) },
  rabbitmq: { name: 'RabbitMQ', ports: ports(443, 5671) },
};

/** `AWS::AmazonMQ::Broker` with `PubliclyAccessible: true`. */
export const readMqBroker = publicEndpoint({
  path: ['PubliclyAccessible'],
  isPublic: (node) => boolOf(node) === true,
  off: false,
  tags: 'list',
  engine: ({ template, resource }, properties) => {
    const node = get(properties, 'EngineType');
    const id: Value<string> = node ? readField(template, node, readText) : unknown(resource.entry.keySpan, 'EngineType is not set');
    if (!id.known) return { name: undefined, ports: unknown(id.span, `${id.why}, so its ports are unknown`) };
    const engine = MQ_PORTS[id.value.trim().toLowerCase()];
    return engine ? { name: engine.name, ports: known(engine.ports, id.span) } : { name: id.value, ports: unknown(id.span, `the ports of engine ${id.value} are unknown`) };
  },
});

/** `AWS::MSK::Cluster` whose brokers take public addresses: the public listeners 9194-9196. */
export const readMskCluster = publicEndpoint({
  path: ['BrokerNodeGroupInfo', 'ConnectivityInfo', 'PublicAccess', 'Type'],
  isPublic: (node) => textOf(node)?.trim().toUpperCase() === 'SERVICE_PROVIDED_EIPS',
  off: 'DISABLED',
  tags: 'map',
  engine: ({ resource }, properties) => ({ name: 'Kafka', ports: known([[9194, 9196]], at(properties, 'BrokerNodeGroupInfo', 'ConnectivityInfo', 'PublicAccess', 'Type')?.span ?? resource.entry.keySpan) }),
});

/**
 * `AWS::Redshift::Cluster` with `PubliclyAccessible: true`. Left out, a new cluster has been private
 * since AWS changed the default in January 2025.
 */
export const readRedshiftCluster = publicEndpoint({
  path: ['PubliclyAccessible'],
  isPublic: (node) => boolOf(node) === true,
  off: false,
  tags: 'list',
  engine: ({ template, resource }, properties) => {
    const node = get(properties, 'Port');
    if (!node) return { name: 'Redshift', ports: known([[5439, 5439]], resource.entry.keySpan) };
    const port = readField(template, node, readPort);
    return { name: 'Redshift', ports: port.known ? known([[port.value, port.value]], port.span, port.origin) : port };
  },
});
