import type { Fix, RelatedInformation } from '../findings';
import { forwardTarget, servicePorts } from '../model/forwards';
import type { NetworkRule } from '../model/network-rule';
import { internetPeers, showPeers } from '../model/peers';
import { showRanges } from '../model/ports';
import { fromOrigin } from '../model/value';
import { portsNamed, showNamedPorts, type NamedPort, type Settings } from '../settings';
import type { Report } from './define-check';
import { internalDeviceFix, loopbackFix, restrictSourceFix } from './fixes';

/** The ports of `table` a rule serves (a forward's backend ports when known), each once, in port order. */
export function namedServices(rule: NetworkRule, table: readonly NamedPort[]): NamedPort[] {
  if (!rule.ports.known) return [];
  // A user's port table may rename a default port; name each port once, first entry wins.
  const byPort = new Map<number, NamedPort>();
  for (const named of portsNamed(table, servicePorts(rule, rule.ports.value))) if (!byPort.has(named.port)) byPort.set(named.port, named);
  return [...byPort.values()].sort((a, b) => a.port - b.port);
}

/**
 * For a listener or forward whose device another file holds (Forward.deviceAt): that file's
 * setting that makes the device public, or its header. The finding itself stays on the rule.
 */
export function deviceRelated(rule: NetworkRule): RelatedInformation[] {
  const at = rule.forward?.deviceAt;
  return at ? [{ message: 'the device, in another file of the module', span: at.span, path: at.path }] : [];
}

/**
 * The report of admin-port-exposed and public-database for named service ports open to the
 * internet: `single`/`plural` for a firewall rule, `forward` with the path for a listener or NAT forward.
 */
export function namedPortReport<MessageId extends string>(
  rule: NetworkRule,
  services: readonly NamedPort[],
  settings: Settings,
  messages: { readonly single: MessageId; readonly plural: MessageId; readonly forward: MessageId },
): Report<MessageId> {
  const fix = restrictSourceFix(rule, settings, true) ?? loopbackFix(rule, true);
  const fixes: Fix[] = fix ? [fix] : [];
  if (rule.forward && rule.ports.known) {
    // Published by a load balancer or NAT: reported whatever the backend's security group says.
    return {
      message: messages.forward,
      span: rule.ports.span,
      rule,
      data: { services: showNamedPorts(services), via: rule.forward.via, ports: showRanges(rule.ports.value) + fromOrigin(rule.ports), target: forwardTarget(rule.forward) },
      fixes: [...fixes, ...internalDeviceFix(rule)],
      related: deviceRelated(rule),
    };
  }
  return {
    message: services.length === 1 ? messages.single : messages.plural,
    span: rule.ports.span,
    rule,
    data: { services: showNamedPorts(services) + fromOrigin(rule.ports), peers: showPeers(internetPeers(rule)) },
    fixes,
  };
}
