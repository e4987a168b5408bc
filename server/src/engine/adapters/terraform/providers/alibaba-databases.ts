import { parseCidr } from '../../../model/cidr';
import type { Peer, TextEdit } from '../../../model/network-rule';
import { isInternetPeer, peerFromText } from '../../../model/peers';
import type { PortRange } from '../../../model/ports';
import type { Span } from '../../../model/span';
import { known, unknown, type Value } from '../../../model/value';
import { whitelistRule } from '../database-rules';
import { quote, rewriteTuple } from '../edits';
import type { HclAttribute, HclValue } from '../hcl';
import type { ProviderResources, ResourceHandler, ResourceInput } from '../resource';
import { ownerTagEditor, ruleEditor } from '../rule-editor';
import { readAnnotations, readInteger, readString, whyUnknown, withPeerOrigin } from '../values';

/*
 * Alibaba Cloud databases guard every endpoint (VPC and public) with an IP whitelist written on
 * the instance: `security_ips` (RDS, Redis/Memcache, PolarDB) or `security_ip_list` (MongoDB).
 * The whitelist is modelled as one rule whose peers are its entries; `0.0.0.0/0` and `%` admit
 * every address (Alibaba's documented spellings), and so does a bare `0.0.0.0`, read as the engine
 * reads it everywhere (peers.ts).
 */

interface Engine {
  readonly name: string;
  readonly port: number;
}

const ENGINES: Readonly<Record<string, Engine>> = {
  mysql: { name: 'MySQL', port: 3306 },
  mariadb: { name: 'MariaDB', port: 3306 },
  postgresql: { name: 'PostgreSQL', port: 5432 },
  sqlserver: { name: 'SQL Server', port: 1433 },
  oracle: { name: 'Oracle', port: 1521 },
  redis: { name: 'Redis', port: 6379 },
  memcache: { name: 'Memcache', port: 11211 },
  // ApsaraDB for MongoDB listens on 3717, not MongoDB's usual 27017.
  mongodb: { name: 'MongoDB', port: 3717 },
};

interface WhitelistKind {
  /** The attribute holding the whitelist. */
  readonly list: string;
  /** The attribute naming the engine, and the engine when it is not written. */
  readonly engineAttribute?: string;
  readonly defaultEngine?: string;
  /** An attribute that moves the private port, when the resource has one. */
  readonly portAttribute?: string;
}

const EVERY_IPV4 = parseCidr('0.0.0.0/0');
const EVERY_IPV6 = parseCidr('::/0');

/**
 * A whitelist entry. `%` and the words for every address become the /0 CIDR they stand for, so
 * that the fix restricts the entry (a CIDR) rather than turning a switch off.
 */
function whitelistPeer(text: string, span: Span): Peer {
  const trimmed = text.trim();
  const peer = trimmed === '%' ? { kind: 'anywhere' as const, text: trimmed, span } : peerFromText(trimmed, span);
  const cidr = trimmed.includes(':') ? EVERY_IPV6 : EVERY_IPV4;
  return peer.kind === 'anywhere' && cidr ? { kind: 'cidr', text: trimmed, cidr, span } : peer;
}

/** Entries of one string item: Alibaba also takes a comma-separated list in one string. */
function itemPeers(item: HclValue): Peer[] {
  if (item.kind !== 'string') return item.kind === 'null' ? [] : [{ kind: 'unknown', why: whyUnknown(item), span: item.outer }];
  // Offsets inside the string are exact only when it holds no escape sequence.
  const raw = item.span.end - item.span.start === item.value.length;
  const peers: Peer[] = [];
  let offset = 0;
  for (const part of item.value.split(',')) {
    const leading = part.length - part.trimStart().length;
    const span = raw ? { start: item.span.start + offset + leading, end: item.span.start + offset + part.trimEnd().length } : item.span;
    if (part.trim() !== '') peers.push(withPeerOrigin(whitelistPeer(part, span), item));
    offset += part.length + 1;
  }
  return peers;
}

function readWhitelist(attribute: HclAttribute): Value<readonly Peer[]> {
  const value = attribute.value;
  if (value.kind === 'expression') return unknown(value.outer, whyUnknown(value));
  const items = value.kind === 'tuple' ? value.items : [value];
  return known(items.flatMap(itemPeers), value.outer);
}

const isInternetEntry = (item: HclValue): boolean => itemPeers(item).some((peer) => isInternetPeer(peer));

/** Replaces internet-wide entries of the list with `cidrs`; an entry joined with others by commas is left to a person. */
function whitelistEditor(text: string, attribute: HclAttribute) {
  return (cidrs: readonly string[]): TextEdit[] | undefined => {
    const value = attribute.value;
    if (value.kind !== 'tuple' || !value.items.some(isInternetEntry)) return undefined;
    if (value.items.some((item) => isInternetEntry(item) && item.kind === 'string' && item.value.includes(','))) return undefined;
    const kept = value.items.filter((item) => !isInternetEntry(item));
    const existing = new Set(kept.flatMap((item) => (item.kind === 'string' ? [item.value.trim()] : [])));
    const items = kept.map((item) => text.slice(item.outer.start, item.outer.end));
    const firstInternet = value.items.findIndex(isInternetEntry);
    const added = cidrs.filter((cidr) => !existing.has(cidr)).map(quote);
    items.splice(value.items.slice(0, firstInternet).filter((item) => !isInternetEntry(item)).length, 0, ...added);
    return [rewriteTuple(text, value, items)];
  };
}

function engineOf(input: ResourceInput, kind: WhitelistKind): Value<Engine> {
  const attribute = kind.engineAttribute ? input.block.attributes.get(kind.engineAttribute) : undefined;
  const id: Value<string> = attribute ? readString(attribute.value) : kind.defaultEngine ? known(kind.defaultEngine, input.block.headerSpan) : unknown(input.block.headerSpan, 'the engine is not set');
  if (!id.known) return id;
  const engine = ENGINES[id.value.trim().toLowerCase()];
  return engine ? known(engine, id.span) : unknown(id.span, `the port of engine ${id.value} is unknown`);
}

function portsOf(input: ResourceInput, kind: WhitelistKind, engine: Value<Engine>): Value<readonly PortRange[]> {
  const portAttribute = kind.portAttribute ? input.block.attributes.get(kind.portAttribute) : undefined;
  if (portAttribute) {
    const port = readInteger(portAttribute.value);
    if (!port.known) return port;
    return port.value >= 1 && port.value <= 65535 ? known([[port.value, port.value]], port.span) : unknown(port.span, `port ${port.value} is outside 1-65535`);
  }
  return engine.known ? known([[engine.value.port, engine.value.port]], engine.span) : unknown(engine.span, `${engine.why}, so its port is unknown`);
}

function whitelistedDatabase(kind: WhitelistKind): ResourceHandler {
  return (input) => {
    const { block, text, options } = input;
    const attribute = block.attributes.get(kind.list);
    // No whitelist written: Alibaba's default (127.0.0.1) lets nobody in.
    if (!attribute) return [];
    const peers = readWhitelist(attribute);
    const engine = engineOf(input, kind);
    const internet = peers.known ? peers.value.find(isInternetPeer) : undefined;
    return [whitelistRule(input, {
      peers,
      switchSpan: internet?.span ?? attribute.value.outer,
      engine: engine.known ? engine.value.name : undefined,
      ports: portsOf(input, kind, engine),
      span: attribute.span,
      groupKey: input.resource.address,
      annotations: readAnnotations(options, undefined, [block]),
      edit: ruleEditor({
        replaceInternetPeers: whitelistEditor(text, attribute),
        addOwner: ownerTagEditor(text, block),
      }),
    })];
  };
}

export const alibabaDatabases: ProviderResources = {
  provider: 'alibaba',
  resources: {
    alicloud_db_instance: whitelistedDatabase({ list: 'security_ips', engineAttribute: 'engine', portAttribute: 'port' }),
    alicloud_kvstore_instance: whitelistedDatabase({ list: 'security_ips', engineAttribute: 'instance_type', defaultEngine: 'Redis', portAttribute: 'private_connection_port' }),
    alicloud_polardb_cluster: whitelistedDatabase({ list: 'security_ips', engineAttribute: 'db_type' }),
    alicloud_mongodb_instance: whitelistedDatabase({ list: 'security_ip_list', defaultEngine: 'MongoDB' }),
    alicloud_mongodb_sharding_instance: whitelistedDatabase({ list: 'security_ip_list', defaultEngine: 'MongoDB' }),
  },
};
