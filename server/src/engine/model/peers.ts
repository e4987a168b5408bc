import { cidrProblem, isWholeInternet, parseCidr } from './cidr';
import type { NetworkRule, Peer } from './network-rule';
import type { Span } from './span';

/** Words providers use for "every address". Compared case-insensitively. */
const ANYWHERE_WORDS = new Set(['*', 'internet', 'any', 'all', '0.0.0.0', '::']);

/**
 * Reads a source/destination written as text: a CIDR, a provider's word for anywhere, or a
 * reference (a group id, a service tag, a network tag).
 */
export function peerFromText(text: string, span: Span): Peer {
  const trimmed = text.trim();
  if (ANYWHERE_WORDS.has(trimmed.toLowerCase())) return { kind: 'anywhere', text: trimmed, span };
  const cidr = parseCidr(trimmed);
  if (cidr) return { kind: 'cidr', text: trimmed, cidr, span };
  // "10.0.0.0/8,0.0.0.0/0" is not a group id either: providers reject it (one address per item), so
  // it opens nothing, and it is noted. A module that splits such text first is evaluated as written.
  if (isCommaJoinedAddresses(trimmed)) return { kind: 'unknown', why: `"${trimmed}" is several addresses joined by commas, where the provider takes one per item`, span, invalid: true };
  // "0.0.0.0/33" is a typo, not a group id: neither the internet nor a reference, and reported.
  const problem = cidrProblem(trimmed);
  if (problem !== undefined) return { kind: 'unknown', why: problem, span, invalid: true };
  return { kind: 'reference', text: trimmed, span };
}

function isCommaJoinedAddresses(text: string): boolean {
  const parts = text.split(',').map((part) => part.trim());
  return parts.length > 1 && parts.every((part) => ANYWHERE_WORDS.has(part.toLowerCase()) || parseCidr(part) !== undefined);
}

export function isInternetPeer(peer: Peer): boolean {
  return peer.kind === 'anywhere' || (peer.kind === 'cidr' && isWholeInternet(peer.cidr));
}

/** The literal peers of a rule that stand for the whole internet (unknown peers never count). */
export function internetPeers(rule: NetworkRule): Peer[] {
  return rule.peers.known ? rule.peers.value.filter(isInternetPeer) : [];
}

/** An allow rule that lets the internet in. */
export function isInternetIngress(rule: NetworkRule): boolean {
  return rule.direction === 'ingress' && rule.action === 'allow' && internetPeers(rule).length > 0;
}

/** Whether the rule's protocol carries ports at all (tcp, udp or every protocol). */
export function carriesPorts(rule: NetworkRule): boolean {
  return rule.protocol.known && (rule.protocol.value === 'tcp' || rule.protocol.value === 'udp' || rule.protocol.value === 'all');
}

/** Peers as messages name them; an evaluated one says where it was written ("0.0.0.0/0 from var.x default, variables.tf:3"). */
export function showPeers(peers: readonly Peer[]): string {
  return peers.map((peer) => ('text' in peer ? peer.text : peer.kind) + ('origin' in peer && peer.origin !== undefined ? ` from ${peer.origin}` : '')).join(', ');
}
