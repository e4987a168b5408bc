import { fromOrigin } from '../model/value';
import { carriesPorts, internetPeers, isInternetIngress, showPeers } from '../model/peers';
import { countPorts } from '../model/ports';
import { portsNamed, showNamedPorts, type NamedPort } from '../settings';
import { defineCheck } from './define-check';
import { loopbackFix, restrictSourceFix } from './fixes';

export const check = defineCheck({
  id: 'admin-port-exposed',
  title: 'Remote administration port open to the internet',
  severity: 'error',
  fixable: true,
  messages: {
    one: '{services} is open to {peers}',
    several: '{services} are open to {peers}',
  },
  docs: {
    why: 'SSH, RDP, WinRM, VNC, Telnet, FTP, SMB, the Docker API, the kubelet and the Kubernetes API hand out control of a machine or a cluster. Open to the internet they are scanned and brute-forced around the clock, and one weak password, leaked key or unpatched service is enough to take over the host.',
    howToFix: 'Allow these ports only from trusted networks (an office range, a VPN, a bastion host), or reach the hosts through a session manager or VPN instead of a public port. Trusted ranges for the fix come from `trustedCidrs` in `.portwarden.yaml`, and the list of ports from `ports.admin`. Ranges wider than `maxPortRange` are reported by full-range-exposure instead.',
    example: 'examples/terraform/bad/aws.tf',
  },
  run(rule, ctx) {
    // A public database endpoint serves the database whatever its port number: public-database's finding.
    if (rule.service || !isInternetIngress(rule) || !carriesPorts(rule) || !rule.ports.known) return;
    // A wider range is full-range-exposure's finding; naming a few admin ports in it would repeat it.
    if (countPorts(rule.ports.value) > ctx.settings.maxPortRange) return;
    // A user's adminPorts may rename a default port; name each port once, first entry wins.
    const byPort = new Map<number, NamedPort>();
    for (const named of portsNamed(ctx.settings.adminPorts, rule.ports.value)) if (!byPort.has(named.port)) byPort.set(named.port, named);
    const services = [...byPort.values()].sort((a, b) => a.port - b.port);
    if (services.length === 0) return;
    const fix = restrictSourceFix(rule, ctx.settings, true) ?? loopbackFix(rule, true);
    ctx.report({
      message: services.length === 1 ? 'one' : 'several',
      span: rule.ports.span,
      rule,
      data: { services: showNamedPorts(services) + fromOrigin(rule.ports), peers: showPeers(internetPeers(rule)) },
      fixes: fix ? [fix] : [],
    });
  },
});
