import type { Forward, NetworkRule } from './network-rule';
import { showRanges, type PortRange } from './ports';

/** Where a forward sends traffic, as messages say it: `instance port 22`, `target group x (port not resolved)`. */
export function forwardTarget(forward: Forward): string {
  const ports = forward.backendPorts;
  return ports.known ? `${forward.backend} port ${showRanges(ports.value)}` : `${forward.backend} (port not resolved)`;
}

/**
 * The ports whose service a rule exposes: for a forward, the backend's when known (a listener on
 * 2222 forwarding to 22 publishes SSH; one on 22 forwarding to 8080 publishes a web server), else
 * the rule's own ports.
 */
export function servicePorts(rule: NetworkRule, ports: readonly PortRange[]): readonly PortRange[] {
  const backend = rule.forward?.backendPorts;
  return backend?.known && backend.value.length > 0 ? backend.value : ports;
}
