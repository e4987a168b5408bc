import { cidrContains, isPrivateCidr, parseCidr, type Cidr } from '../model/cidr';
import { isInternetPeer } from '../model/peers';
import type { Peer } from '../model/network-rule';

/**
 * Who a rule lets in (or out to), widest first:
 * - `internet`: every address (`0.0.0.0/0`, `::/0`, `*`, `Internet`, a public database endpoint);
 * - `external`: a public network that is neither the whole internet nor one of the trusted CIDRs;
 * - `unknown`: an expression not resolved yet;
 * - `trusted`: inside `trustedCidrs`;
 * - `group`: another security group, a network or service tag, a prefix list, the group itself;
 * - `private`: RFC 1918, carrier-grade NAT, loopback, link-local or unique-local addresses.
 */
export const REACHES = ['internet', 'external', 'unknown', 'trusted', 'group', 'private'] as const;
export type Reach = (typeof REACHES)[number];

/** The trusted CIDRs of the settings, parsed once per document. */
export function trustedNetworks(trustedCidrs: readonly string[]): Cidr[] {
  return trustedCidrs.map((text) => parseCidr(text)).filter((cidr): cidr is Cidr => cidr !== undefined);
}

export function peerReach(peer: Peer, trusted: readonly Cidr[]): Reach {
  if (isInternetPeer(peer)) return 'internet';
  switch (peer.kind) {
    case 'cidr':
      // A trusted range the user named wins over "private": it is what they vouch for.
      if (trusted.some((network) => cidrContains(network, peer.cidr))) return 'trusted';
      return isPrivateCidr(peer.cidr) ? 'private' : 'external';
    case 'reference':
    case 'self':
      return 'group';
    case 'unknown':
      return 'unknown';
    case 'anywhere':
      return 'internet';
  }
}

/** The widest of several reaches; `unknown` for none, as for a rule whose peers are an expression. */
export function widestReach(reaches: readonly Reach[]): Reach {
  let widest: Reach | undefined;
  for (const reach of reaches) if (widest === undefined || REACHES.indexOf(reach) < REACHES.indexOf(widest)) widest = reach;
  return widest ?? 'unknown';
}
