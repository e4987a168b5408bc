import { awsDatabaseEngine } from '../../model/databases';
import type { Peer } from '../../model/network-rule';
import { known, unknown, type Value } from '../../model/value';
import { readPort, readText } from '../document/read';
import { boolOf, get } from '../document/tree';
import { resourceRef, ruleEditor, tagEditor, type ResourceReader } from './rules';
import { isLiteralField, readField, readOwnership } from './values';

/**
 * `AWS::RDS::DBInstance` with `PubliclyAccessible: true`: the endpoint takes connections from any
 * address its security groups let in, modelled as an ingress rule from anywhere on its port.
 */
export const readDatabase: ResourceReader = (input) => {
  const { template, options } = input;
  const properties = input.resource.properties;
  const switchNode = get(properties, 'PubliclyAccessible');
  // Only a literal true is public: a parameter may well be false, and absent means private.
  if (!properties || !switchNode || !isLiteralField(template, switchNode) || boolOf(switchNode) !== true) return [];
  const engineNode = get(properties, 'Engine');
  const engineId: Value<string> = engineNode ? readField(template, engineNode, readText) : unknown(input.resource.entry.keySpan, 'the engine is not set here');
  const engine = engineId.known ? awsDatabaseEngine(engineId.value) : undefined;
  const portNode = get(properties, 'Port');
  const port = portNode ? readField(template, portNode, readPort) : undefined;
  const ports = port
    ? port.known ? known([[port.value, port.value] as const], port.span, port.origin) : port
    : engine ? known([[engine.port, engine.port] as const], engineId.span) : unknown(engineId.span, engineId.known ? `the default port of ${engineId.value} is unknown` : `${engineId.why}, so its default port is unknown`);
  const peer: Peer = { kind: 'anywhere', text: 'PubliclyAccessible', span: switchNode.span };
  return [{
    format: 'cloudformation',
    resource: resourceRef(input.resource),
    groupKey: input.resource.logicalId,
    direction: 'ingress',
    action: 'allow',
    protocol: known('tcp', input.resource.entry.keySpan),
    ports,
    peers: known([peer], switchNode.span),
    ...readOwnership(template, undefined, [get(properties, 'Tags')], options.ownerKeys, options.expiryKeys),
    service: { kind: 'database', ...(engineId.known ? { engine: engine?.name ?? engineId.value } : {}), switchSpan: switchNode.span },
    span: input.resource.entry.span,
    edit: ruleEditor({
      // The endpoint has no list of sources to narrow: the only safe edit turns it off.
      replaceInternetPeers: () => template.writer.replace(switchNode, false),
      addOwner: tagEditor(template, input.resource),
    }),
  }];
};
