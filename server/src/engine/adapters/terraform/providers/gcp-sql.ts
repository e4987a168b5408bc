import type { NetworkRule } from '../../../model/network-rule';
import { isInternetPeer, peerFromText } from '../../../model/peers';
import type { PortRange } from '../../../model/ports';
import { known, unknown, type Value } from '../../../model/value';
import { replaceScalar } from '../edits';
import type { HclBlock } from '../hcl';
import { ruleBase, type ProviderResources, type ResourceHandler } from '../resource';
import { ownerTagEditor, ruleEditor } from '../rule-editor';
import { readAnnotations, readBool, readString } from '../values';

interface DatabaseEngine {
  readonly name: string;
  readonly port: number;
}

/** `MYSQL_8_0`, `POSTGRES_15`, `SQLSERVER_2019_STANDARD`: the family is the part before the first `_`. */
function databaseEngine(version: string): DatabaseEngine | undefined {
  const family = version.trim().toUpperCase().split('_')[0];
  if (family === 'MYSQL') return { name: 'MySQL', port: 3306 };
  if (family === 'POSTGRES') return { name: 'PostgreSQL', port: 5432 };
  if (family === 'SQLSERVER') return { name: 'SQL Server', port: 1433 };
  return undefined;
}

function childBlock(block: HclBlock | undefined, type: string): HclBlock | undefined {
  return block?.blocks.find((child) => child.type === type);
}

function familyOf(cidr: string): 4 | 6 {
  return cidr.includes(':') ? 6 : 4;
}

/**
 * `google_sql_database_instance`: an instance with a public IP (`ipv4_enabled`, true unless set
 * otherwise) takes connections from its authorized networks. Each internet-wide authorized
 * network is modelled as an ingress rule on the engine's port; narrower networks are not an exposure.
 */
const sqlDatabaseInstance: ResourceHandler = (input) => {
  const { block, text, options } = input;
  const settings = childBlock(block, 'settings');
  const ipConfiguration = childBlock(settings, 'ip_configuration');
  if (!settings || !ipConfiguration) return [];
  const ipv4Enabled = ipConfiguration.attributes.get('ipv4_enabled');
  // Without a public IP the networks are never consulted; an expression might be false, so it counts as off.
  if (ipv4Enabled && readBool(ipv4Enabled.value) !== true) return [];

  const version = block.attributes.get('database_version');
  const versionValue: Value<string> = version ? readString(version.value) : unknown(block.headerSpan, 'database_version is not set');
  const engine = versionValue.known ? databaseEngine(versionValue.value) : undefined;
  const ports: Value<readonly PortRange[]> = !versionValue.known
    ? unknown(versionValue.span, `${versionValue.why}, so its default port is unknown`)
    : engine
      ? known([[engine.port, engine.port]], versionValue.span)
      : unknown(versionValue.span, `the default port of ${versionValue.value} is unknown`);
  const annotations = readAnnotations(options, undefined, [settings], ['user_labels']);

  const rules: NetworkRule[] = [];
  // `dynamic "authorized_networks"` blocks are not read: their values come from for_each.
  for (const network of ipConfiguration.blocks) {
    if (network.type !== 'authorized_networks') continue;
    const value = network.attributes.get('value')?.value;
    if (value?.kind !== 'string') continue;
    const peer = peerFromText(value.value, value.span);
    if (!isInternetPeer(peer)) continue;
    rules.push({
      ...ruleBase(input),
      groupKey: input.resource.address,
      direction: 'ingress',
      action: 'allow',
      protocol: known('tcp', block.headerSpan),
      ports,
      peers: known([peer], value.span),
      ...annotations,
      service: { kind: 'database', ...(versionValue.known ? { engine: engine?.name ?? versionValue.value } : {}), switchSpan: value.span },
      span: network.span,
      edit: ruleEditor({
        // An authorized network holds one CIDR, and Cloud SQL authorizes IPv4 networks only.
        replaceInternetPeers: (cidrs) => {
          const ipv4 = cidrs.filter((cidr) => familyOf(cidr) === 4);
          const edit = ipv4.length === 1 ? replaceScalar(value, ipv4[0]) : undefined;
          return edit ? [edit] : undefined;
        },
        addOwner: ownerTagEditor(text, settings, 'user_labels'),
      }),
    });
  }
  return rules;
};

export const gcpSql: ProviderResources = {
  provider: 'gcp',
  resources: {
    google_sql_database_instance: sqlDatabaseInstance,
  },
};
