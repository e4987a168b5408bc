import type { PortRange } from '../../../model/ports';
import { isInternetPeer } from '../../../model/peers';
import { known, unknown, type Value } from '../../../model/value';
import { publicEndpointRule, whitelistRule } from '../database-rules';
import type { HclBlock } from '../hcl';
import type { ProviderResources, ResourceHandler } from '../resource';
import { ownerTagEditor, peerEditor, ruleEditor } from '../rule-editor';
import { readAnnotations, readBool, readPeers, readString } from '../values';
import { publicDatabase } from './aws';

/*
 * AWS data stores beyond RDS and Redshift (those are in aws.ts): Amazon MQ brokers, MSK (Kafka)
 * clusters, Neptune instances, and the EC2-Classic DB security groups. Each becomes a rule with a
 * `database` service, so public-database reports it and the inventory lists it.
 */

function childBlock(block: HclBlock | undefined, type: string): HclBlock | undefined {
  return block?.blocks.find((child) => child.type === type);
}

const ports = (...numbers: readonly number[]): PortRange[] => numbers.map((port): PortRange => [port, port]);

/**
 * The ports an Amazon MQ broker serves on: the web console and every wire protocol it enables
 * (ActiveMQ: OpenWire, AMQP, STOMP, MQTT, WSS; RabbitMQ: AMQPS and the HTTPS console).
 */
const MQ_ENGINES: Readonly<Record<string, { readonly name: string; readonly ports: readonly PortRange[] }>> = {
  activemq: { name: 'ActiveMQ', ports: ports(5671, 8162, 8883, 61614, 61617, 61619) },
  rabbitmq: { name: 'RabbitMQ', ports: ports(443, 5671) },
};

/** `aws_mq_broker` with `publicly_accessible = true`: its endpoints get public addresses. */
const mqBroker: ResourceHandler = (input) => {
  const { block } = input;
  const switchAttribute = block.attributes.get('publicly_accessible');
  // Only a literal true is public: absent means private, an expression may be false.
  if (!switchAttribute || readBool(switchAttribute.value) !== true) return [];
  const engineAttribute = block.attributes.get('engine_type');
  const engineId: Value<string> = engineAttribute ? readString(engineAttribute.value) : unknown(block.headerSpan, 'engine_type is not set');
  const engine = engineId.known ? MQ_ENGINES[engineId.value.trim().toLowerCase()] : undefined;
  const brokerPorts: Value<readonly PortRange[]> = !engineId.known
    ? unknown(engineId.span, `${engineId.why}, so its ports are unknown`)
    : engine ? known(engine.ports, engineId.span) : unknown(engineId.span, `the ports of engine ${engineId.value} are unknown`);
  return [publicEndpointRule(input, { value: switchAttribute.value, name: 'publicly_accessible', offText: 'false' }, engine?.name ?? (engineId.known ? engineId.value : undefined), brokerPorts)];
};

/**
 * `aws_msk_cluster` whose brokers take public addresses (`public_access { type =
 * "SERVICE_PROVIDED_EIPS" }`): Kafka clients connect on the public listener ports, 9194 (SASL/SCRAM),
 * 9195 (TLS) and 9196 (IAM).
 */
const mskCluster: ResourceHandler = (input) => {
  const publicAccess = childBlock(childBlock(childBlock(input.block, 'broker_node_group_info'), 'connectivity_info'), 'public_access');
  const type = publicAccess?.attributes.get('type');
  if (!type || type.value.kind !== 'string' || type.value.value.trim().toUpperCase() !== 'SERVICE_PROVIDED_EIPS') return [];
  return [publicEndpointRule(input, { value: type.value, name: 'public_access', offText: '"DISABLED"' }, 'Kafka', known([[9194, 9196]], type.value.span))];
};

/**
 * `aws_db_security_group` (EC2-Classic): each `ingress` entry lets a CIDR or an EC2 security group
 * reach every DB instance that names the group, on that instance's port.
 */
const dbSecurityGroup: ResourceHandler = (input) => {
  const { block, text, options } = input;
  const annotations = readAnnotations(options, undefined, [block]);
  return block.blocks.flatMap((entry) => {
    if (entry.type !== 'ingress') return [];
    const attr = (name: string) => entry.attributes.get(name);
    const peers = readPeers([attr('cidr'), attr('security_group_name'), attr('security_group_id')], entry.headerSpan, ['security_group_name', 'security_group_id']);
    const internet = peers.known ? peers.value.find(isInternetPeer) : undefined;
    return [whitelistRule(input, {
      peers,
      switchSpan: internet?.span ?? entry.headerSpan,
      engine: undefined,
      ports: unknown(entry.headerSpan, 'a DB security group opens the port of each DB instance that uses it'),
      span: entry.span,
      groupKey: input.resource.address,
      annotations,
      edit: ruleEditor({
        replaceInternetPeers: peerEditor(text, [{ attribute: attr('cidr'), family: 4 }]),
        addOwner: ownerTagEditor(text, block),
      }),
    })];
  });
};

export const awsDatabases: ProviderResources = {
  provider: 'aws',
  resources: {
    aws_mq_broker: mqBroker,
    aws_msk_cluster: mskCluster,
    aws_neptune_cluster_instance: publicDatabase('neptune'),
    aws_db_security_group: dbSecurityGroup,
  },
};
