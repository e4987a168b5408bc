import { formatCidr, parseCidr, type Cidr } from '../../../model/cidr';
import type { Peer, TextEdit } from '../../../model/network-rule';
import type { PortRange } from '../../../model/ports';
import type { Span } from '../../../model/span';
import { known, unknown, type Value } from '../../../model/value';
import { whitelistRule } from '../database-rules';
import { replaceScalar } from '../edits';
import type { HclAttribute } from '../hcl';
import { attachedGroup, ownerOutsideDocument, type AttachedGroup, type ProviderResources, type ResourceHandler } from '../resource';
import { ownerTagEditor, ruleEditor } from '../rule-editor';
import { originOf, readAnnotations, readBool, readString } from '../values';

/*
 * Firewall rules of Azure's managed databases and caches: each lets one IPv4 range
 * (start-end, inclusive) reach the server's port. 0.0.0.0-255.255.255.255 is every address.
 * 0.0.0.0-0.0.0.0 is Azure's switch "Allow Azure services and resources to access this server":
 * any Azure-hosted address, other customers' included, but not the internet, so it is read as a
 * reference (`AzureServices`), never as a CIDR. Azure Cache for Redis has no such convention: there
 * the range is read as written (the one address 0.0.0.0).
 */

interface FirewallKind {
  readonly engine: string;
  readonly port: number;
  /** The attribute naming the server (or cache) the rule belongs to. */
  readonly server: string;
  readonly start: string;
  readonly end: string;
  /** The database servers read 0.0.0.0-0.0.0.0 as "Azure services"; Redis has no such convention. */
  readonly literalZero?: boolean;
}

const sqlRange = { start: 'start_ip_address', end: 'end_ip_address' } as const;

const IPV4_BITS = 32n;

/** The fewest CIDR blocks that cover `first`-`last` exactly (IPv4, as bigints). */
export function rangeToCidrs(first: bigint, last: bigint): Cidr[] {
  const blocks: Cidr[] = [];
  let start = first;
  while (start <= last) {
    // The largest block aligned on `start` that ends inside the range.
    let size = 1n;
    while (size < 1n << IPV4_BITS && start % (size * 2n) === 0n && start + size * 2n - 1n <= last) size *= 2n;
    const prefix = Number(IPV4_BITS) - size.toString(2).length + 1;
    blocks.push({ version: 4, network: start, prefix });
    start += size;
  }
  return blocks;
}

function addressOf(text: string): bigint | undefined {
  const cidr = parseCidr(text);
  return cidr && cidr.version === 4 && cidr.prefix === 32 && !text.includes('/') ? cidr.network : undefined;
}

/** The peers of a start-end range: CIDR blocks, or the Azure-services reference for 0.0.0.0-0.0.0.0. */
function readRange(start: HclAttribute | undefined, end: HclAttribute | undefined, fallback: Span, literalZero: boolean): { peers: Value<readonly Peer[]>; span: Span } {
  if (!start || !end) return { peers: unknown(fallback, 'the range needs both a start and an end address'), span: fallback };
  const span = { start: Math.min(start.value.span.start, end.value.span.start), end: Math.max(start.value.span.end, end.value.span.end) };
  const first = readString(start.value);
  const last = readString(end.value);
  if (!first.known) return { peers: unknown(first.span, first.why), span };
  if (!last.known) return { peers: unknown(last.span, last.why), span };
  const from = addressOf(first.value);
  const to = addressOf(last.value);
  if (from === undefined || to === undefined) return { peers: unknown(span, `${first.value}-${last.value} is not a range of IPv4 addresses`), span };
  if (from > to) return { peers: unknown(span, `the range ${first.value}-${last.value} starts after it ends`), span };
  const origin = originOf(start.value, end.value);
  const withOrigin = <T extends Peer>(peer: T): T => (origin === undefined ? peer : { ...peer, origin });
  if (from === 0n && to === 0n && !literalZero) return { peers: known([withOrigin({ kind: 'reference', text: 'AzureServices (0.0.0.0-0.0.0.0)', span })], span, origin), span };
  const peers = rangeToCidrs(from, to).map((cidr) => withOrigin({ kind: 'cidr' as const, text: formatCidr(cidr), cidr, span }));
  return { peers: known(peers, span, origin), span };
}

/** Rewrites the range to one trusted IPv4 CIDR's first and last address. */
function rangeEditor(start: HclAttribute | undefined, end: HclAttribute | undefined) {
  return (cidrs: readonly string[]): TextEdit[] | undefined => {
    const ipv4 = cidrs.map((text) => parseCidr(text)).filter((cidr): cidr is Cidr => cidr !== undefined && cidr.version === 4);
    if (!start || !end || ipv4.length !== 1) return undefined;
    const [cidr] = ipv4;
    const last = cidr.network + (1n << BigInt(32 - cidr.prefix)) - 1n;
    const address = (value: bigint) => formatCidr({ version: 4, network: value, prefix: 32 }).replace(/\/32$/, '');
    const edits = [replaceScalar(start.value, address(cidr.network)), replaceScalar(end.value, address(last))];
    return edits.every((edit): edit is TextEdit => edit !== undefined) ? edits : undefined;
  };
}

/**
 * Whether the server (when it is in this document) takes no connection from public addresses, so
 * that its firewall rules are never consulted: public network access turned off, or a flexible
 * server injected into a subnet (private access, where firewall rules do not apply).
 */
function isPrivateServer(server: AttachedGroup): boolean {
  const attributes = server.block?.attributes;
  const delegatedSubnet = attributes?.get('delegated_subnet_id')?.value;
  return readBool(attributes?.get('public_network_access_enabled')?.value) === false || (delegatedSubnet !== undefined && delegatedSubnet.kind !== 'null');
}

function firewallRule(kind: FirewallKind, ports: (server: AttachedGroup) => readonly PortRange[] = () => [[kind.port, kind.port]]): ResourceHandler {
  return (input) => {
    const { block, text, options } = input;
    const server = attachedGroup(input, kind.server);
    if (isPrivateServer(server)) return [];
    const start = block.attributes.get(kind.start);
    const end = block.attributes.get(kind.end);
    const range = readRange(start, end, block.headerSpan, kind.literalZero ?? false);
    const rule = whitelistRule(input, {
      peers: range.peers,
      switchSpan: range.span,
      engine: kind.engine,
      ports: known(ports(server), block.headerSpan),
      span: block.span,
      groupKey: server.key,
      annotations: readAnnotations(options, undefined, [server.block]),
      edit: ruleEditor({
        replaceInternetPeers: rangeEditor(start, end),
        addOwner: ownerTagEditor(text, server.block),
      }),
    });
    return [ownerOutsideDocument(rule, server)];
  };
}

/**
 * Azure Cache for Redis serves TLS on 6380, and plain text on 6379 only when the non-TLS port is
 * turned on (`enable_non_ssl_port`, renamed `non_ssl_port_enabled` in azurerm 4), which we can
 * only see when the cache is in this document.
 */
function redisPorts(cache: AttachedGroup): readonly PortRange[] {
  const nonTls = cache.block?.attributes.get('non_ssl_port_enabled') ?? cache.block?.attributes.get('enable_non_ssl_port');
  return readBool(nonTls?.value) === true ? [[6379, 6380]] : [[6380, 6380]];
}

export const azureDatabaseFirewalls: ProviderResources = {
  provider: 'azure',
  resources: {
    azurerm_sql_firewall_rule: firewallRule({ engine: 'SQL Server', port: 1433, server: 'server_name', ...sqlRange }),
    azurerm_mssql_firewall_rule: firewallRule({ engine: 'SQL Server', port: 1433, server: 'server_id', ...sqlRange }),
    azurerm_mysql_firewall_rule: firewallRule({ engine: 'MySQL', port: 3306, server: 'server_name', ...sqlRange }),
    azurerm_mysql_flexible_server_firewall_rule: firewallRule({ engine: 'MySQL', port: 3306, server: 'server_name', ...sqlRange }),
    azurerm_mariadb_firewall_rule: firewallRule({ engine: 'MariaDB', port: 3306, server: 'server_name', ...sqlRange }),
    azurerm_postgresql_firewall_rule: firewallRule({ engine: 'PostgreSQL', port: 5432, server: 'server_name', ...sqlRange }),
    azurerm_postgresql_flexible_server_firewall_rule: firewallRule({ engine: 'PostgreSQL', port: 5432, server: 'server_id', ...sqlRange }),
    azurerm_redis_firewall_rule: firewallRule({ engine: 'Redis', port: 6380, server: 'redis_cache_name', start: 'start_ip', end: 'end_ip', literalZero: true }, redisPorts),
  },
};
