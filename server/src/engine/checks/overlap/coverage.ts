import { cidrContains } from '../../model/cidr';
import type { NetworkRule, Peer, Protocol, Provider, SiblingRules } from '../../model/network-rule';
import { coversRanges, isAllPorts, normalizeRanges, type PortRange } from '../../model/ports';
import { LineMap } from '../../model/span';
import type { Value } from '../../model/value';

/**
 * What overlap checks compare: rules of one group, NSG, firewall or policy whose protocol, ports
 * and peers are all known. A rule read from another file of the module carries that file.
 */
export interface Candidate {
  readonly rule: NetworkRule;
  readonly file: SourceOf;
}

/** The file a rule was read from. */
export interface SourceOf {
  /** Undefined for the linted document. */
  readonly path: string | undefined;
  /** The path that orders files, the document's own included: the tie-break between two identical rules. */
  readonly sortPath: string;
  readonly text: string;
  lines(): LineMap;
}

function sourceOf(path: string | undefined, sortPath: string, text: string): SourceOf {
  let lines: LineMap | undefined;
  return { path, sortPath, text, lines: () => (lines ??= new LineMap(text)) };
}

interface RulesContext {
  readonly path: string;
  readonly text: string;
  readonly siblingRules: readonly SiblingRules[];
}

/** Every rule of the document, then those of the other files of its module, each with its file. */
export function allCandidates(rules: readonly NetworkRule[], ctx: RulesContext): Candidate[] {
  const own = sourceOf(undefined, ctx.path, ctx.text);
  const out: Candidate[] = rules.map((rule) => ({ rule, file: own }));
  for (const sibling of ctx.siblingRules) {
    const file = sourceOf(sibling.path, sibling.path, sibling.text);
    for (const rule of sibling.rules) out.push({ rule, file });
  }
  return out;
}

/** The firewall rules of the document's groups, by group, with those other files of its module add to them. */
export function candidatesByGroup(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  // The document's rules come first: siblings only join groups the document has, nothing is reported on them.
  for (const candidate of candidates) {
    if (!isFirewallRule(candidate.rule)) continue;
    const key = groupOf(candidate.rule);
    const group = groups.get(key);
    if (group) group.push(candidate);
    else if (candidate.file.path === undefined) groups.set(key, [candidate]);
  }
  return groups;
}

/** Whether `a` is written after `b` (by file, then offset): of two identical rules, the later one is reported. */
export function isWrittenAfter(a: Candidate, b: Candidate): boolean {
  if (a.file.sortPath !== b.file.sortPath) return a.file.sortPath > b.file.sortPath;
  return a.rule.span.start > b.rule.span.start;
}

/**
 * Firewall rules only. A database endpoint, a host network, a published port (Compose, a
 * Kubernetes Service or hostPort) or a forward is what a workload exposes, not a rule an author
 * could merge with another or order before another.
 */
export function isFirewallRule(rule: NetworkRule): boolean {
  if (rule.service || rule.forward || rule.format === 'compose') return false;
  return rule.format !== 'kubernetes' || rule.resource.type === 'NetworkPolicy';
}

/** Protocol, ports and peers all known, with no unresolved peer among them. */
export function isFullyKnown(rule: NetworkRule): boolean {
  if (!rule.protocol.known || !rule.ports.known || !rule.peers.known || rule.peers.value.length === 0) return false;
  if (rule.peers.value.some((peer) => peer.kind === 'unknown')) return false;
  return rule.appliesTo === undefined || (rule.appliesTo.known && !rule.appliesTo.value.some((peer) => peer.kind === 'unknown'));
}

/**
 * Groups larger than any provider allows (1,000 rules per Azure NSG or AWS group at most) are not
 * compared: comparing is quadratic, and such a file is generated or hostile.
 */
export const MAX_GROUP_RULES = 1000;

/** Rules of one group, direction and format: only these can hide or repeat each other. */
export function groupOf(rule: NetworkRule): string {
  return `${rule.format}\u0000${rule.direction}\u0000${rule.groupKey}`;
}

/** Two rules read from one written rule (several ports of one list item, instances of one count): never compared. */
export function isSameWrittenRule(a: Candidate, b: Candidate): boolean {
  if (a.file.sortPath !== b.file.sortPath) return false;
  if (a.rule.span.start === b.rule.span.start && a.rule.span.end === b.rule.span.end) return true;
  const written = a.rule.resource.instanceOf;
  return written !== undefined && written === b.rule.resource.instanceOf;
}

const CARRIES_PORTS: ReadonlySet<Protocol> = new Set(['tcp', 'udp', 'all']);

/**
 * Every packet `inner` matches, `outer` matches on protocol and port. ICMP types and the number
 * of an `other` protocol are not in the model: only an all-protocol, all-port rule covers those.
 */
/** coversRanges, without sorting when one range of `outer` holds each range of `inner` (the usual case). */
function rangesCover(outer: readonly PortRange[], inner: readonly PortRange[]): boolean {
  return inner.every(([from, to]) => outer.some(([low, high]) => from >= low && to <= high)) || coversRanges(outer, inner);
}

export function coversTraffic(outer: NetworkRule, inner: NetworkRule): boolean {
  if (!outer.protocol.known || !inner.protocol.known || !outer.ports.known || !inner.ports.known) return false;
  const [op, ip] = [outer.protocol.value, inner.protocol.value];
  if (op === 'all') return CARRIES_PORTS.has(ip) ? rangesCover(outer.ports.value, inner.ports.value) : isAllPorts(outer.ports.value);
  if (op !== ip || (op !== 'tcp' && op !== 'udp')) return false;
  return rangesCover(outer.ports.value, inner.ports.value);
}

/**
 * Azure's `Internet` tag is the public address space only: it stands for the whole internet in
 * exposure checks, but covers neither `*` nor a private network, so here it is covered, never covering.
 */
export function isPublicOnly(peer: Peer): boolean {
  return peer.kind === 'anywhere' && peer.text.toLowerCase() === 'internet';
}

/** The address families a peer spans: `::` only IPv6, `0.0.0.0` only IPv4, `*` or `Internet` both. */
export function familiesOf(peer: Peer): readonly (4 | 6)[] {
  if (peer.kind === 'cidr') return [peer.cidr.version];
  if (peer.kind !== 'anywhere') return [];
  if (peer.text === '::') return [6];
  if (peer.text === '0.0.0.0') return [4];
  return [4, 6];
}

function isWholeFamily(peer: Peer, family: 4 | 6): boolean {
  return (peer.kind === 'anywhere' && !isPublicOnly(peer) && familiesOf(peer).includes(family)) || (peer.kind === 'cidr' && peer.cidr.version === family && peer.cidr.prefix === 0);
}

/**
 * Whether `outers` hold every address `inner` stands for. A reference (another group, a tag) is
 * covered only by the same reference: which addresses it holds is not in the file.
 */
export function peerCovered(outers: readonly Peer[], inner: Peer): boolean {
  switch (inner.kind) {
    case 'cidr':
      return outers.some((outer) => (outer.kind === 'cidr' && cidrContains(outer.cidr, inner.cidr)) || isWholeFamily(outer, inner.cidr.version));
    case 'anywhere':
      return (isPublicOnly(inner) && outers.some(isPublicOnly)) || familiesOf(inner).every((family) => outers.some((outer) => isWholeFamily(outer, family)));
    case 'reference':
      return outers.some((outer) => outer.kind === 'reference' && outer.text === inner.text);
    case 'self':
      return outers.some((outer) => outer.kind === 'self');
    case 'unknown':
      return false;
  }
}

export function peersCover(outer: Value<readonly Peer[]> | undefined, inner: Value<readonly Peer[]> | undefined): boolean {
  // No appliesTo is the whole group: it covers any part of it, and only the whole group covers it.
  if (outer === undefined) return true;
  if (inner === undefined || !outer.known || !inner.known) return false;
  return inner.value.length > 0 && inner.value.every((peer) => peerCovered(outer.value, peer));
}

/** Every packet `inner` matches, `outer` matches too (protocol, ports, peers, and the part of the group). */
export function covers(outer: NetworkRule, inner: NetworkRule): boolean {
  return coversTraffic(outer, inner) && peersCover(outer.peers, inner.peers) && peersCover(outer.appliesTo, inner.appliesTo);
}

function peersMayMeet(a: Peer, b: Peer): boolean {
  if (a.kind === 'cidr' && b.kind === 'cidr') return cidrContains(a.cidr, b.cidr) || cidrContains(b.cidr, a.cidr);
  if (a.kind === 'cidr' && b.kind === 'anywhere') return familiesOf(b).includes(a.cidr.version);
  if (a.kind === 'anywhere' && b.kind === 'cidr') return familiesOf(a).includes(b.cidr.version);
  if (a.kind === 'anywhere' && b.kind === 'anywhere') return familiesOf(a).some((family) => familiesOf(b).includes(family));
  // References, self and unknowns may hold any address.
  return true;
}

function peerSetsMayMeet(a: Value<readonly Peer[]> | undefined, b: Value<readonly Peer[]> | undefined): boolean {
  if (!a || !b || !a.known || !b.known) return true;
  return a.value.some((x) => b.value.some((y) => peersMayMeet(x, y)));
}

function rangesMeet(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return a.some(([from, to]) => b.some(([low, high]) => from <= high && low <= to));
}

/** Whether some packet may match both rules; true whenever a value is unknown. */
export function mayIntersect(a: NetworkRule, b: NetworkRule): boolean {
  if (a.protocol.known && b.protocol.known && a.protocol.value !== 'all' && b.protocol.value !== 'all') {
    if (a.protocol.value !== b.protocol.value) return false;
    if (CARRIES_PORTS.has(a.protocol.value) && a.ports.known && b.ports.known && !rangesMeet(a.ports.value, b.ports.value)) return false;
  } else if (a.protocol.known && b.protocol.known && a.ports.known && b.ports.known) {
    const aPorts = CARRIES_PORTS.has(a.protocol.value) ? a.ports.value : [];
    const bPorts = CARRIES_PORTS.has(b.protocol.value) ? b.ports.value : [];
    // One side is all protocols: they meet on ports when both carry ports, else on the portless protocol.
    if (aPorts.length > 0 && bPorts.length > 0 && !rangesMeet(aPorts, bPorts)) return false;
  }
  return peerSetsMayMeet(a.peers, b.peers) && peerSetsMayMeet(a.appliesTo, b.appliesTo);
}

function peerKey(peer: Peer): string {
  switch (peer.kind) {
    case 'cidr':
      return `cidr:${peer.cidr.version}:${peer.cidr.network}/${peer.cidr.prefix}`;
    case 'anywhere':
      return isPublicOnly(peer) ? 'internet' : `anywhere:${familiesOf(peer).join('+')}`;
    case 'reference':
      return `reference:${peer.text}`;
    case 'self':
      return 'self';
    case 'unknown':
      return `unknown:${peer.span.start}`;
  }
}

const peerSetKeys = new WeakMap<object, string>();

function peerSetKey(peers: Value<readonly Peer[]> | undefined): string {
  if (!peers) return '*';
  let key = peerSetKeys.get(peers);
  if (key === undefined) {
    key = peers.known ? [...new Set(peers.value.map(peerKey))].sort().join(' ') : `?${peers.span.start}`;
    peerSetKeys.set(peers, key);
  }
  return key;
}

/** Same protocol, same peers, same part of the group: two such rules differ in their ports only. */
export function samePeersAndProtocol(a: NetworkRule, b: NetworkRule): boolean {
  return a.protocol.known && b.protocol.known && a.protocol.value === b.protocol.value && CARRIES_PORTS.has(a.protocol.value)
    && peerSetKey(a.peers) === peerSetKey(b.peers) && peerSetKey(a.appliesTo) === peerSetKey(b.appliesTo);
}

/** Port ranges that overlap or adjoin (80-89 and 90-99): their union is written as fewer ranges. */
export function rangesJoin(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return normalizeRanges([...a, ...b]).length < normalizeRanges(a).length + normalizeRanges(b).length;
}

/**
 * Providers that break a tie of priorities: at the same priority a deny wins over an allow (GCP
 * firewall rules, Alibaba and Huawei security groups). The others refuse two rules of one
 * priority (Azure, network ACL rule numbers) or number them apart (Tencent policy indexes).
 */
const DENY_WINS_TIES: ReadonlySet<Provider> = new Set(['gcp', 'alibaba', 'huawei']);

const INDEXED_PER_RESOURCE: ReadonlySet<Provider> = new Set(['tencent']);

export function priorityOf(rule: NetworkRule): number | undefined {
  return rule.priority?.known ? rule.priority.value : undefined;
}

/** Whether `first` is evaluated before `second` in an ordered group; undefined when the order is not known. */
export function comesFirst(first: NetworkRule, second: NetworkRule): boolean | undefined {
  const [a, b] = [priorityOf(first), priorityOf(second)];
  if (a === undefined || b === undefined) return undefined;
  // Tencent numbers the rules of each rule set or lite-rule resource from 0: two resources' numbers do not compare.
  if (INDEXED_PER_RESOURCE.has(first.resource.provider) && first.resource.address !== second.resource.address) return undefined;
  if (a !== b) return a < b;
  if (first.action !== second.action && DENY_WINS_TIES.has(first.resource.provider)) return first.action === 'deny';
  return undefined;
}

/**
 * Whether a rule of the other action may decide some of `rule`'s packets before `over` would:
 * then `rule` is not simply repeated by `over`. With no order known, any such rule may.
 */
export function hasInterveningOpposite(rule: NetworkRule, over: NetworkRule, group: readonly Candidate[]): boolean {
  const low = Math.min(priorityOf(rule) ?? -Infinity, priorityOf(over) ?? -Infinity);
  const high = Math.max(priorityOf(rule) ?? Infinity, priorityOf(over) ?? Infinity);
  return byAction(group)[rule.action === 'allow' ? 'deny' : 'allow'].some(({ rule: other }) => {
    if (!mayIntersect(other, rule)) return false;
    const at = priorityOf(other);
    return at === undefined || (at >= low && at <= high);
  });
}

const actionsOf = new WeakMap<readonly Candidate[], Readonly<Record<'allow' | 'deny', readonly Candidate[]>>>();

/** A group's rules by action, kept per group: most groups have no deny at all, so the search above is short. */
function byAction(group: readonly Candidate[]): Readonly<Record<'allow' | 'deny', readonly Candidate[]>> {
  let split = actionsOf.get(group);
  if (!split) {
    split = { allow: group.filter(({ rule }) => rule.action === 'allow'), deny: group.filter(({ rule }) => rule.action === 'deny') };
    actionsOf.set(group, split);
  }
  return split;
}
