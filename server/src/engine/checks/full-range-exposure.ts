import { carriesPorts, internetPeers, isInternetIngress, showPeers } from '../model/peers';
import { countPorts, showCount, showRanges } from '../model/ports';
import { defineCheck } from './define-check';
import { narrowingFixes } from './fixes';

export const check = defineCheck({
  id: 'full-range-exposure',
  title: 'Wide port range open to the internet',
  severity: 'error',
  fixable: true,
  messages: {
    wide: '{count} ports ({ranges}) are open to {peers}',
  },
  docs: {
    why: 'A rule that opens every port, or a wide range of them, to the whole internet exposes every service on the host, including the ones nobody meant to publish: databases, admin consoles, debug ports. Scanners find them within minutes.',
    howToFix: 'Open only the ports the workload serves (often 443 and 80), and restrict everything else to trusted networks. The threshold is `maxPortRange` in `.portwarden.yaml` (default 1024).',
    example: 'examples/terraform/bad/aws.tf',
  },
  run(rule, ctx) {
    if (!isInternetIngress(rule) || !carriesPorts(rule) || !rule.ports.known) return;
    const count = countPorts(rule.ports.value);
    if (count <= ctx.settings.maxPortRange) return;
    ctx.report({
      message: 'wide',
      span: rule.ports.span,
      rule,
      data: { count: showCount(count), ranges: showRanges(rule.ports.value), peers: showPeers(internetPeers(rule)) },
      fixes: narrowingFixes(rule, ctx.settings),
    });
  },
});
