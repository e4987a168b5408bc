import type { Fix } from '../findings';
import type { NetworkRule } from '../model/network-rule';
import { internetPeers, isInternetIngress } from '../model/peers';
import { countPorts } from '../model/ports';
import type { Settings } from '../settings';
import { defineCheck } from './define-check';
import { restrictSourceFix, trustedOrPrivate } from './fixes';
import { namedPortReport, namedServices } from './named-port-report';

/**
 * The fix for a database's own public endpoint. A switch (`publicly_accessible`) has no address to
 * narrow, so the fix turns it off; an address the user wrote (an authorized network) is restricted.
 */
function endpointFix(rule: NetworkRule, settings: Settings): Fix | undefined {
  if (internetPeers(rule).some((peer) => peer.kind === 'cidr')) return restrictSourceFix(rule, settings, true);
  const edits = rule.edit.replaceInternetPeers(trustedOrPrivate(settings));
  return edits ? { title: 'Turn off public access', edits, preferred: true } : undefined;
}

export const check = defineCheck({
  id: 'public-database',
  title: 'Database open to the internet',
  severity: 'error',
  fixable: true,
  messages: {
    port: '{services} is open to {peers}',
    ports: '{services} are open to {peers}',
    endpoint: 'Database {resource} ({engine}) is publicly accessible',
    endpointUnknownEngine: 'Database {resource} is publicly accessible',
    forward: '{services}: {via} port {ports} forwards to {target}',
  },
  docs: {
    why: 'Databases, caches, search engines and message queues are found by internet-wide scanners within hours of getting a public address. Many ship without authentication or with default credentials, and even a well-configured one exposes its login to brute force and every future vulnerability in its network protocol. Ransom campaigns against MongoDB, Elasticsearch and Redis have wiped tens of thousands of instances whose only mistake was a port open to 0.0.0.0/0.',
    howToFix: 'Keep data stores on private networks: allow their ports only from the application tier (a security group, an application security group, a private range), and turn off the public endpoint of managed databases (`publicly_accessible = false` on RDS and Redshift, no `0.0.0.0/0` authorized network on Cloud SQL). Reach them from outside through a VPN, a bastion or a private link. Trusted ranges for the fix come from `trustedCidrs` in `.portwarden.yaml`, and the list of ports from `ports.database`. Ranges wider than `maxPortRange` (such as every port) are reported by full-range-exposure instead, so one rule is not reported twice. Load-balancer listeners and NAT port forwards on a database port are reported as admin-port-exposed reports them: whatever the security groups say, with the path in the message.',
    example: 'examples/terraform/bad/aws.tf',
  },
  run(rule, ctx) {
    // Every port of a host-network workload is full-range-exposure's finding.
    if (!isInternetIngress(rule) || rule.service?.kind === 'host-network') return;
    if (rule.service) {
      const fix = endpointFix(rule, ctx.settings);
      const resource = rule.resource.address;
      ctx.report({
        ...(rule.service.engine === undefined
          ? { message: 'endpointUnknownEngine', data: { resource } }
          : { message: 'endpoint', data: { resource, engine: rule.service.engine } }),
        span: rule.service.switchSpan,
        rule,
        fixes: fix ? [fix] : [],
      });
      return;
    }
    // Database protocols run over TCP: UDP 3306 is not MySQL.
    if (!rule.protocol.known || (rule.protocol.value !== 'tcp' && rule.protocol.value !== 'all') || !rule.ports.known) return;
    // A wider range is full-range-exposure's finding; naming a few database ports in it would repeat it.
    if (countPorts(rule.ports.value) > ctx.settings.maxPortRange) return;
    const services = namedServices(rule, ctx.settings.databasePorts);
    if (services.length === 0) return;
    ctx.report(namedPortReport(rule, services, ctx.settings, { single: 'port', plural: 'ports', forward: 'forward' }));
  },
});
