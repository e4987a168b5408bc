import { fromOrigin } from '../model/value';
import { carriesPorts, internetPeers, isInternetIngress, showPeers } from '../model/peers';
import { countPorts, showCount, showRanges } from '../model/ports';
import { defineCheck } from './define-check';
import type { Fix } from '../findings';
import type { NetworkRule } from '../model/network-rule';
import { internalDeviceFix, loopbackFix, narrowingFixes } from './fixes';
import { forwardTarget } from '../model/forwards';
import { deviceRelated } from './named-port-report';

/** Not preferred: the workload may need the host's network (a CNI agent, a node exporter). */
function turnOffFix(rule: NetworkRule): Fix[] {
  const edits = rule.edit.turnOffService?.();
  return edits ? [{ title: 'Turn off host networking', edits }] : [];
}

export const check = defineCheck({
  id: 'full-range-exposure',
  title: 'Wide port range open to the internet',
  severity: 'error',
  fixable: true,
  messages: {
    wide: '{count} ports ({ranges}) are open to {peers}',
    hostNetwork: '{resource} uses the host\'s network: every port it listens on is open to {peers}',
    forward: '{count} ports ({ranges}) are open on {via} and forward to {target}',
  },
  docs: {
    why: 'A rule that opens every port, or a wide range of them, to the whole internet exposes every service on the host, including the ones nobody meant to publish: databases, admin consoles, debug ports. Scanners find them within minutes.',
    howToFix: 'Open only the ports the workload serves (often 443 and 80), and restrict everything else to trusted networks. The threshold is `maxPortRange` in `.portwarden.yaml` (default 1024). A load balancer or NAT forwarding a wide range (`all_ports = true` on a GCP forwarding rule, `external_port = "any"` on an Alibaba forward entry, an Azure HA-ports rule on a public frontend) is reported too.',
    example: 'examples/terraform/bad/aws.tf',
  },
  run(rule, ctx) {
    if (!isInternetIngress(rule) || !carriesPorts(rule) || !rule.ports.known) return;
    const count = countPorts(rule.ports.value);
    if (count <= ctx.settings.maxPortRange) return;
    if (rule.service?.kind === 'host-network') {
      const peers = showPeers(internetPeers(rule));
      ctx.report({ message: 'hostNetwork', span: rule.service.switchSpan, rule, data: { resource: rule.resource.address, peers }, fixes: turnOffFix(rule) });
      return;
    }
    if (rule.forward) {
      ctx.report({
        message: 'forward',
        span: rule.ports.span,
        rule,
        data: { count: showCount(count), ranges: showRanges(rule.ports.value) + fromOrigin(rule.ports), via: rule.forward.via, target: forwardTarget(rule.forward) },
        fixes: [...narrowingFixes(rule, ctx.settings), ...internalDeviceFix(rule)],
        related: deviceRelated(rule),
      });
      return;
    }
    const loopback = loopbackFix(rule, false);
    ctx.report({
      message: 'wide',
      span: rule.ports.span,
      rule,
      data: { count: showCount(count), ranges: showRanges(rule.ports.value) + fromOrigin(rule.ports), peers: showPeers(internetPeers(rule)) },
      fixes: [...narrowingFixes(rule, ctx.settings), ...(loopback ? [loopback] : [])],
    });
  },
});
