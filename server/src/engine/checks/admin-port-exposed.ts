import { carriesPorts, isInternetIngress } from '../model/peers';
import { countPorts } from '../model/ports';
import { defineCheck } from './define-check';
import { namedPortReport, namedServices } from './named-port-report';

export const check = defineCheck({
  id: 'admin-port-exposed',
  title: 'Remote administration port open to the internet',
  severity: 'error',
  fixable: true,
  messages: {
    one: '{services} is open to {peers}',
    several: '{services} are open to {peers}',
    forward: '{services}: {via} port {ports} forwards to {target}',
  },
  docs: {
    why: 'SSH, RDP, WinRM, VNC, Telnet, FTP, SMB, the Docker API, the kubelet and the Kubernetes API hand out control of a machine or a cluster. Open to the internet they are scanned and brute-forced around the clock, and one weak password, leaked key or unpatched service is enough to take over the host.',
    howToFix: 'Allow these ports only from trusted networks (an office range, a VPN, a bastion host), or reach the hosts through a session manager or VPN instead of a public port. Trusted ranges for the fix come from `trustedCidrs` in `.portwarden.yaml`, and the list of ports from `ports.admin`. Ranges wider than `maxPortRange` are reported by full-range-exposure instead. A load-balancer listener or NAT port forward (DNAT) on an internet-facing device is reported whatever the security groups behind it say, naming the device, the public port and the backend port; the service is named by the backend port when the document gives it (a listener on 2222 forwarding to 22 publishes SSH). Remove the listener or forward, or reach the host another way; the fix makes the device internal where one setting does it (`internal = true`, `network_type = "INTERNAL"`, `address_type = "intranet"`, `load_balancing_scheme = "INTERNAL"`), never preferred since it also hides the ports the device should publish.',
    example: 'examples/terraform/bad/aws.tf',
  },
  run(rule, ctx) {
    // A public database endpoint serves the database whatever its port number: public-database's finding.
    if (rule.service || !isInternetIngress(rule) || !carriesPorts(rule) || !rule.ports.known) return;
    // A wider range is full-range-exposure's finding; naming a few admin ports in it would repeat it.
    if (countPorts(rule.ports.value) > ctx.settings.maxPortRange) return;
    const services = namedServices(rule, ctx.settings.adminPorts);
    if (services.length === 0) return;
    ctx.report(namedPortReport(rule, services, ctx.settings, { single: 'one', plural: 'several', forward: 'forward' }));
  },
});
