import type { CheckContext } from '../define-check';
import type { NetworkRule } from '../../model/network-rule';
import { showRanges, type PortRange } from '../../model/ports';
import { forwardTarget } from '../../model/forwards';
import { headOf, nameOf, relatedTo, showTraffic } from './messages';
import { allCandidates, covers, isFirewallRule, isFullyKnown, isSameWrittenRule, isWrittenAfter, mayIntersect, type Candidate } from './coverage';

type ForwardMessage = 'sharedPublicPort' | 'backendNotAllowed';

/** Two forwards on one device whose public ports and protocols meet: traffic goes to one of them only. */
function sharedPublicPort(own: Candidate, forwards: readonly Candidate[]): Candidate | undefined {
  const forward = own.rule.forward!;
  return forwards.find((other) => other !== own && other.rule.forward!.deviceKey === forward.deviceKey && !isSameWrittenRule(own, other)
    && isWrittenAfter(own, other) && own.rule.protocol.known && other.rule.protocol.known && own.rule.ports.known && other.rule.ports.known
    && own.rule.ports.value.length > 0 && mayIntersectOnPorts(own.rule, other.rule));
}

function mayIntersectOnPorts(a: NetworkRule, b: NetworkRule): boolean {
  // Who may reach the device does not matter: one public port can be forwarded to one place only.
  return mayIntersect({ ...a, peers: b.peers, appliesTo: undefined }, { ...b, appliesTo: undefined });
}

/**
 * A backend port that no ingress allow rule of the backend's groups lets in. Silent unless every
 * group is seen with rules, and every ingress rule of them is fully known: an unresolved rule may
 * allow it.
 */
function blockedBackendPorts(rule: NetworkRule, firewall: readonly Candidate[]): PortRange[] | undefined {
  const forward = rule.forward!;
  const keys = forward.backendGroupKeys ?? [];
  if (keys.length === 0 || !forward.backendPorts.known || forward.backendPorts.value.length === 0 || !rule.protocol.known) return undefined;
  const ingress = firewall.filter(({ rule: other }) => keys.includes(other.groupKey) && other.direction === 'ingress');
  if (keys.some((key) => !ingress.some(({ rule: other }) => other.groupKey === key))) return undefined;
  if (ingress.some(({ rule: other }) => !isFullyKnown(other) || other.action !== 'allow' || other.priority !== undefined)) return undefined;
  const blocked = forward.backendPorts.value.filter((range) => !ingress.some(({ rule: other }) => covers(
    { ...other, peers: rule.peers, appliesTo: undefined },
    { ...rule, ports: { known: true, value: [range], span: rule.span }, appliesTo: undefined },
  )));
  return blocked.length > 0 ? blocked : undefined;
}

/**
 * overlapping-rules on forwards (load-balancer listeners, NAT port forwards): two forwards that
 * publish the same public port on one device, and a forward to a backend port the backend's
 * security groups do not allow. Forwards are never compared with firewall rules for redundancy.
 */
export function forwardFindings(rules: readonly NetworkRule[], ctx: CheckContext<ForwardMessage>): void {
  if (!rules.some((rule) => rule.forward !== undefined)) return;
  const candidates = allCandidates(rules, ctx);
  const forwards = candidates.filter(({ rule }) => rule.forward !== undefined);
  const firewall = candidates.filter(({ rule }) => isFirewallRule(rule));
  for (const own of forwards) {
    if (own.file.path !== undefined) continue;
    const forward = own.rule.forward!;
    const other = sharedPublicPort(own, forwards);
    if (other) {
      ctx.report({
        message: 'sharedPublicPort',
        span: own.rule.ports.span,
        rule: own.rule,
        data: { traffic: showTraffic(own.rule), via: forward.via, other: nameOf(other), otherBackend: forwardTarget(other.rule.forward!) },
        related: [relatedTo(other, `also publishes ${showTraffic(other.rule)} on ${forward.via}`)],
      });
    }
    const blocked = blockedBackendPorts(own.rule, firewall);
    if (blocked) {
      ctx.report({
        message: 'backendNotAllowed',
        span: forward.backendPorts.known ? forward.backendPorts.span : headOf(own.rule, ctx.text),
        rule: own.rule,
        data: { via: forward.via, ports: own.rule.ports.known ? showRanges(own.rule.ports.value) : 'a port', backend: forward.backend, backendPorts: showRanges(blocked), groups: (forward.backendGroupKeys ?? []).join(', ') },
      });
    }
  }
}

