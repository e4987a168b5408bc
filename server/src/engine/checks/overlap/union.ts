import type { NetworkRule, Peer } from '../../model/network-rule';
import { normalizeRanges, type PortRange } from '../../model/ports';
import {
  comesFirst, coversTraffic, familiesOf, isPublicOnly, isSameWrittenRule, mayIntersect, peerCovered, peersCover, priorityOf,
  type Candidate,
} from './coverage';

/**
 * Shadowing by several earlier rules together: `rule` never matches when the rules evaluated
 * before it match, between them, every (peer, port) pair it matches. Each earlier rule is a box
 * (its peers x its ports); the later rule's box is cut into peer segments at every address
 * where an earlier rule's networks start or end, and in each segment the earlier rules' ports are
 * taken away from the later rule's, in the order the provider evaluates them. Whatever is left is
 * a packet the later rule decides, so nothing is claimed then. overlapping-rules uses the same
 * computation, in written order, for unordered groups.
 *
 * Kept sound rather than complete: the union is taken over ports (tcp and udp rules only) and
 * over addresses; references (another group, a tag) and `self` are covered only by the same
 * reference in one rule, Azure's `Internet` only by one rule that covers it alone, and each
 * earlier rule must cover the later rule's target (appliesTo) and protocol alone.
 */

/** Addresses of one family, as an inclusive range of integers. */
interface Interval {
  readonly family: 4 | 6;
  readonly low: bigint;
  readonly high: bigint;
}

const FAMILY_BITS = { 4: 32n, 6: 128n } as const;

function wholeFamily(family: 4 | 6): Interval {
  return { family, low: 0n, high: (1n << FAMILY_BITS[family]) - 1n };
}

/** The address ranges a peer stands for; empty for references, `self` and `Internet`, which are compared as tokens. */
function intervalsOf(peer: Peer): Interval[] {
  if (peer.kind === 'cidr') {
    const size = 1n << (FAMILY_BITS[peer.cidr.version] - BigInt(peer.cidr.prefix));
    return [{ family: peer.cidr.version, low: peer.cidr.network, high: peer.cidr.network + size - 1n }];
  }
  if (peer.kind === 'anywhere' && !isPublicOnly(peer)) return familiesOf(peer).map(wholeFamily);
  return [];
}

/**
 * The work allowed per group, counted in (segment, earlier rule) steps: a group of 1,000 rules
 * that all overlap would otherwise cost billions of steps. Past it, no more rules of the group
 * are compared by union (single covering rules are still found), so nothing false is reported.
 */
export const UNION_WORK_PER_GROUP = 2_000_000;

export interface Budget {
  left: number;
}

export function newBudget(): Budget {
  return { left: UNION_WORK_PER_GROUP };
}

/** The ports of `rule` that `earlier` matches for the same protocol; undefined when it matches none as a whole. */
function portsMatched(earlier: NetworkRule, rule: NetworkRule): readonly PortRange[] | undefined {
  if (!earlier.protocol.known || !rule.protocol.known || !earlier.ports.known || !rule.ports.known) return undefined;
  const [outer, inner] = [earlier.protocol.value, rule.protocol.value];
  // Ports add up for tcp and udp only; an `all` rule, ICMP or another protocol must be covered by one rule's traffic.
  if ((inner === 'tcp' || inner === 'udp') && (outer === inner || outer === 'all')) return earlier.ports.value;
  return coversTraffic(earlier, rule) ? WHOLE : undefined;
}

/** Stands for "every port of the rule" where the later rule's traffic is not split by port. */
const WHOLE: readonly PortRange[] = [[0, 0]];

function subtract(from: readonly PortRange[], taken: readonly PortRange[]): PortRange[] {
  let left: PortRange[] = [...from];
  for (const [low, high] of taken) {
    const next: PortRange[] = [];
    for (const [a, b] of left) {
      if (high < a || low > b) next.push([a, b]);
      else {
        if (a < low) next.push([a, low - 1]);
        if (b > high) next.push([high + 1, b]);
      }
    }
    left = next;
    if (left.length === 0) break;
  }
  return left;
}

/** Evaluation order of the earlier rules among themselves: priority, then a deny that wins a tie, then as written. */
function byOrder(a: Candidate, b: Candidate): number {
  const [pa, pb] = [priorityOf(a.rule) ?? 0, priorityOf(b.rule) ?? 0];
  if (pa !== pb) return pa - pb;
  if (comesFirst(a.rule, b.rule) === true) return -1;
  if (comesFirst(b.rule, a.rule) === true) return 1;
  return 0;
}

const sortedGroups = new WeakMap<readonly Candidate[], readonly Candidate[]>();

/** The group in evaluation order, sorted once per group rather than once per rule compared. */
function inOrder(known: readonly Candidate[]): readonly Candidate[] {
  let sorted = sortedGroups.get(known);
  if (!sorted) {
    sorted = [...known].sort(byOrder);
    sortedGroups.set(known, sorted);
  }
  return sorted;
}

interface Earlier {
  readonly candidate: Candidate;
  readonly ports: readonly PortRange[];
  readonly intervals: readonly Interval[];
}

/** A piece of the later rule's peers: an address segment, or a peer compared as a token. */
type Piece = { readonly kind: 'segment'; readonly family: 4 | 6; readonly low: bigint } | { readonly kind: 'token'; readonly peer: Peer };

function holds(earlier: Earlier, piece: Piece): boolean {
  if (piece.kind === 'token') return peerCovered(earlier.candidate.rule.peers.known ? earlier.candidate.rule.peers.value : [], piece.peer);
  return earlier.intervals.some((interval) => interval.family === piece.family && interval.low <= piece.low && piece.low <= interval.high);
}

/** The later rule's peers cut at every boundary of the earlier rules' networks: each piece is in or out of each earlier rule whole. */
function piecesOf(rule: NetworkRule, earlier: readonly Earlier[]): Piece[] {
  const pieces: Piece[] = [];
  const peers = rule.peers.known ? rule.peers.value : [];
  for (const peer of peers) {
    const own = intervalsOf(peer);
    if (own.length === 0) {
      pieces.push({ kind: 'token', peer });
      continue;
    }
    for (const interval of own) {
      const cuts = new Set<bigint>([interval.low]);
      for (const other of earlier) {
        for (const { family, low, high } of other.intervals) {
          if (family !== interval.family || high < interval.low || low > interval.high) continue;
          if (low > interval.low) cuts.add(low);
          if (high < interval.high) cuts.add(high + 1n);
        }
      }
      for (const low of [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) pieces.push({ kind: 'segment', family: interval.family, low });
    }
  }
  return pieces;
}

/**
 * The earlier rules that together decide every packet of `own`, in evaluation order; each one
 * named decides some of them. Undefined when some packet reaches `own`, or when the work left
 * in the budget does not suffice to tell.
 */
export function unionWinners(own: Candidate, known: readonly Candidate[], budget: Budget): Candidate[] | undefined {
  const at = priorityOf(own.rule) ?? 0;
  const earlier: Candidate[] = [];
  for (const other of inOrder(known)) {
    // In evaluation order: past the rule's own priority, nothing comes before it.
    if ((priorityOf(other.rule) ?? 0) > at) break;
    if (other !== own && !isSameWrittenRule(own, other) && comesFirst(other.rule, own.rule) === true) earlier.push(other);
  }
  return coveringUnion(own.rule, earlier, budget);
}

/**
 * The rules of `others` (in the order given, none of them `own`'s written rule) that together
 * match every packet `own` matches, each named matching some packet no rule before it in the
 * order matches. Undefined when some packet is left, or when the budget does not suffice to tell.
 */
export function coveringUnion(rule: NetworkRule, others: readonly Candidate[], budget: Budget): Candidate[] | undefined {
  if (!rule.ports.known || !rule.protocol.known || budget.left <= 0) return undefined;
  const ownPorts = rule.protocol.value === 'tcp' || rule.protocol.value === 'udp' ? normalizeRanges(rule.ports.value) : WHOLE;
  if (ownPorts.length === 0) return undefined;
  const earlier: Earlier[] = [];
  for (const other of others) {
    if (!peersCover(other.rule.appliesTo, rule.appliesTo) || !mayIntersect(other.rule, rule)) continue;
    const ports = portsMatched(other.rule, rule);
    if (!ports) continue;
    const peers = other.rule.peers.known ? other.rule.peers.value : [];
    earlier.push({ candidate: other, ports: ports === WHOLE ? ownPorts : ports, intervals: peers.flatMap(intervalsOf) });
  }
  if (earlier.length < 2) return undefined;
  const winners = new Set<Candidate>();
  for (const piece of piecesOf(rule, earlier)) {
    let left: readonly PortRange[] = ownPorts;
    for (const other of earlier) {
      if (--budget.left < 0) return undefined;
      if (!holds(other, piece)) continue;
      const next = subtract(left, other.ports);
      if (next.length !== left.length || next.some(([a, b], i) => a !== left[i][0] || b !== left[i][1])) winners.add(other.candidate);
      left = next;
      if (left.length === 0) break;
    }
    if (left.length > 0) return undefined;
  }
  return earlier.map((other) => other.candidate).filter((candidate) => winners.has(candidate));
}
