import type { Fix } from '../findings';
import type { NetworkRule } from '../model/network-rule';
import { showRanges, type PortRange } from '../model/ports';
import type { Settings } from '../settings';

/**
 * "Narrow port range to ..." fixes: first the ports the workload is known to use (`candidates`,
 * e.g. listener ports), then each configured public port. Only a workload port is preferred:
 * narrowing to 443 on a guess could cut a service off, so that one waits for a person.
 */
export function narrowingFixes(rule: NetworkRule, settings: Settings, candidates: readonly (readonly PortRange[])[] = []): Fix[] {
  const publicPorts = [...settings.publicPorts].sort((a, b) => b - a).map((port): PortRange[] => [[port, port]]);
  const options: (readonly PortRange[])[] = [...candidates, ...publicPorts];
  const fixes: Fix[] = [];
  const seen = new Set<string>();
  for (const ranges of options) {
    const label = showRanges(ranges);
    if (seen.has(label)) continue;
    seen.add(label);
    const edits = rule.edit.setPorts(ranges);
    if (edits) fixes.push({ title: `Narrow port range to ${label}`, edits, ...(fixes.length === 0 && candidates.length > 0 ? { preferred: true } : {}) });
  }
  return fixes;
}

/** What replaces an internet-wide source: the trusted CIDRs when configured, otherwise the private 10.0.0.0/8. */
export function trustedOrPrivate(settings: Settings): readonly string[] {
  return settings.trustedCidrs.length > 0 ? settings.trustedCidrs : ['10.0.0.0/8'];
}

/** "Restrict source to ...". */
export function restrictSourceFix(rule: NetworkRule, settings: Settings, preferred: boolean): Fix | undefined {
  const cidrs = trustedOrPrivate(settings);
  const edits = rule.edit.replaceInternetPeers(cidrs);
  if (!edits) return undefined;
  return { title: `Restrict source to ${cidrs.join(', ')}`, edits, ...(preferred ? { preferred: true } : {}) };
}

/**
 * "Bind to 127.0.0.1": for a port published on a host (Compose, a Kubernetes hostPort), where no
 * source list exists to restrict; the host itself keeps its access.
 */
export function loopbackFix(rule: NetworkRule, preferred: boolean): Fix | undefined {
  const edits = rule.edit.bindToLoopback?.();
  if (!edits) return undefined;
  return { title: 'Bind to 127.0.0.1', edits, ...(preferred ? { preferred: true } : {}) };
}

/**
 * The fix for a port published through a load balancer or NAT: make the device internal, where one
 * switch does it (Forward.internalSwitch). Never preferred: an internal device also cuts off the
 * ports it should publish (443 next to 22), so a person decides. A forward with its own source
 * list is restricted instead, by the checks' usual fix.
 */
export function internalDeviceFix(rule: NetworkRule): Fix[] {
  const setting = rule.forward?.internalSwitch;
  const edits = setting ? rule.edit.turnOffService?.() : undefined;
  if (!setting || !edits) return [];
  const device = /\bNAT\b/.test(rule.forward?.via ?? '') ? 'NAT gateway' : 'load balancer';
  return [{ title: `Make the ${device} internal (${setting})`, edits }];
}
