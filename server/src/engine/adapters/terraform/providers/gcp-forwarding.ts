import type { Protocol } from '../../../model/network-rule';
import { normalizeRanges, type PortRange } from '../../../model/ports';
import { known, unknown, type Value } from '../../../model/value';
import type { HclBlock } from '../hcl';
import type { ProviderResources, ResourceHandler, ResourceInput } from '../resource';
import { peerEditor } from '../rule-editor';
import { readBool, readPeers, readPortText, readString, whyUnknown } from '../values';
import { deviceName, exposureFromKeyword, forwardRule, internalSwitchEditor, ownDevice, readForwardProtocol } from './forward-rule';

/** `ip_protocol`; L3_DEFAULT forwards every protocol. */
const IP_PROTOCOLS: Readonly<Record<string, Protocol>> = { tcp: 'tcp', udp: 'udp', l3_default: 'all', icmp: 'icmp' };

/** Schemes that give the rule an external (internet) address; INTERNAL* and "" (Private Service Connect) are private. */
const EXTERNAL_SCHEMES = ['external', 'external_managed'];

/** The internal scheme a regional external scheme switches to. */
const INTERNAL_SCHEME: Readonly<Record<string, string>> = { external: 'INTERNAL', external_managed: 'INTERNAL_MANAGED' };

/** `all_ports = true`, `ports = ["80", "443"]` or `port_range = "8000-9000"`; unknown without any of them. */
function frontendPorts(block: HclBlock): Value<readonly PortRange[]> {
  const allPorts = block.attributes.get('all_ports');
  if (allPorts && readBool(allPorts.value) === true) return known([[0, 65535]], allPorts.span);
  const ports = block.attributes.get('ports');
  if (ports) {
    const value = ports.value;
    if (value.kind !== 'tuple') return unknown(value.outer, whyUnknown(value));
    const ranges: PortRange[] = [];
    for (const item of value.items) {
      const read = readPortText(item);
      if (!read.known) return read;
      ranges.push(...read.value);
    }
    return known(normalizeRanges(ranges), value.span);
  }
  const range = block.attributes.get('port_range');
  if (range) return readPortText(range.value);
  return unknown(block.headerSpan, 'no port_range, ports or all_ports is set');
}

/**
 * Where traffic goes. A target pool, a target instance or the backend service of a passthrough
 * load balancer keeps the destination port; a proxy (HTTP(S), SSL, TCP)
 * connects to its backends' named port, which the rule does not say.
 */
function backendOf(input: ResourceInput, ports: Value<readonly PortRange[]>): { name: string; ports: Value<readonly PortRange[]> } {
  const backendService = input.block.attributes.get('backend_service')?.value;
  const target = input.block.attributes.get('target')?.value ?? backendService;
  if (!target) return { name: 'its backends', ports: unknown(input.block.headerSpan, 'no target or backend_service is set') };
  const text = target.kind === 'string' ? target.value : input.text.slice(target.outer.start, target.outer.end);
  // A regional rule's `backend_service` is always a passthrough load balancer's.
  const passthrough = target === backendService || /target_pool|target_instance/.test(text);
  return { name: text, ports: passthrough ? ports : unknown(target.outer, `${text} sets the backend port`) };
}

function forwardingRuleHandler(regional: boolean): ResourceHandler {
  return (input) => {
    const { block, text } = input;
    const device = ownDevice(input);
    const exposure = exposureFromKeyword(block, 'load_balancing_scheme', EXTERNAL_SCHEMES, 'public');
    const ports = frontendPorts(block);
    const backend = backendOf(input, ports);
    const scheme = block.attributes.get('load_balancing_scheme');
    const schemeValue = scheme ? readString(scheme.value) : undefined;
    const internalScheme = INTERNAL_SCHEME[(schemeValue?.known ? schemeValue.value : 'EXTERNAL').trim().toLowerCase()];
    const ipAddress = block.attributes.get('ip_address');
    const sources = block.attributes.get('source_ip_ranges');
    return forwardRule(input, {
      device,
      exposure,
      ruleBlock: block,
      protocol: readForwardProtocol(block.attributes.get('ip_protocol'), IP_PROTOCOLS, 'tcp', block.headerSpan),
      ports,
      // An external passthrough rule may restrict its sources; without `source_ip_ranges` the internet reaches it.
      ...(sources ? { peers: readPeers([sources], block.headerSpan), replaceInternetPeers: peerEditor(text, [{ attribute: sources }]) } : {}),
      via: `external forwarding rule ${deviceName(device, ['name'])}`,
      deviceKey: ipAddress ? `${device.key} ${text.slice(ipAddress.value.outer.start, ipAddress.value.outer.end)}` : device.key,
      backend: backend.name,
      backendPorts: backend.ports,
      // Only a regional rule has an internal twin that one attribute selects; a global one does not.
      internal: regional && internalScheme ? { setting: `load_balancing_scheme = "${internalScheme}"`, edit: internalSwitchEditor(text, block, 'load_balancing_scheme', internalScheme) } : undefined,
      taggedBlocks: [block],
      ownerBlock: block,
      tagAttribute: 'labels',
    });
  };
}

export const gcpForwardingRules: ProviderResources = {
  provider: 'gcp',
  resources: {
    google_compute_forwarding_rule: forwardingRuleHandler(true),
    google_compute_global_forwarding_rule: forwardingRuleHandler(false),
  },
};
