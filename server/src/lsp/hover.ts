import {
  cidrSize,
  containsOffset,
  countPorts,
  isPrivateCidr,
  namePort,
  portsNamed,
  showCount,
  type NetworkRule,
  type Peer,
  type PortRange,
  type Settings,
  type Span,
} from '../engine/index';
import type { LintSnapshot } from './documents';

/** Named ports listed for a wide range; the rest are counted. */
const MAX_NAMED = 5;

export interface Description {
  /** Markdown paragraphs. */
  readonly paragraphs: readonly string[];
  /** The value the description is about, for the hover's range. */
  readonly span: Span;
}

/**
 * What the port, range or CIDR at `offset` covers, from the rules of the last lint (no parsing
 * here), followed by the findings on it. Undefined away from any rule field.
 */
export function describeAt(snapshot: LintSnapshot, offset: number): Description | undefined {
  const field = fieldAt(snapshot.result.rules, offset, snapshot.settings);
  if (!field) return undefined;
  const findings = snapshot.result.findings
    .filter((finding) => containsOffset(finding.span, offset))
    .map((finding) => `${finding.message} (\`${finding.checkId}\`)`);
  return { paragraphs: [field.text, ...findings], span: field.span };
}

/** The narrowest port or peer field of any rule that contains the offset. */
function fieldAt(rules: readonly NetworkRule[], offset: number, settings: Settings): { text: string; span: Span } | undefined {
  let best: { text: string; span: Span } | undefined;
  const consider = (span: Span, describe: () => string) => {
    if (!containsOffset(span, offset)) return;
    if (best && span.end - span.start >= best.span.end - best.span.start) return;
    best = { text: describe(), span };
  };
  for (const rule of rules) {
    const ports = rule.ports;
    consider(ports.span, () => (ports.known ? describePorts(ports.value, settings) : `Ports not known yet: ${ports.why}`));
    if (rule.peers.known) for (const peer of rule.peers.value) consider(peer.span, () => describePeer(peer));
  }
  return best;
}

/** "3306 MySQL", "3306 MySQL; 5432 PostgreSQL (2 ports)", "0-65535: 65,536 ports, including 22 SSH, ...". */
export function describePorts(ranges: readonly PortRange[], settings: Settings): string {
  if (ranges.length === 0) return 'No ports: the protocol has none.';
  const count = countPorts(ranges);
  const listed = ranges.map(([from, to]) => (from === to ? withName(from, settings) : `${from}-${to}`)).join('; ');
  const wide = ranges.filter(([from, to]) => from !== to);
  const named = portsNamed([...settings.adminPorts, ...settings.databasePorts], wide)
    .sort((a, b) => a.port - b.port)
    .filter((entry, index, all) => index === 0 || all[index - 1].port !== entry.port);
  if (count === 1) return listed;
  const shown = named.slice(0, MAX_NAMED).map(({ port, name }) => `${port} ${name}`).join(', ');
  const more = named.length > MAX_NAMED ? ` and ${named.length - MAX_NAMED} more named ports` : '';
  const including = named.length > 0 ? `, including ${shown}${more}` : '';
  return wide.length === 0 ? `${listed} (${showCount(count)} ports)` : `${listed}: ${showCount(count)} ports${including}`;
}

function withName(port: number, settings: Settings): string {
  const name = namePort(settings, port);
  return name ? `${port} ${name}` : String(port);
}

/** "0.0.0.0/0: the whole IPv4 internet", "10.0.0.0/8: 16,777,216 private addresses", ... */
export function describePeer(peer: Peer): string {
  switch (peer.kind) {
    case 'anywhere':
      return `${peer.text}: any address, the whole internet`;
    case 'self':
      return 'self: the members of this group';
    case 'reference':
      return `${peer.text}: another group, tag or list, not an address range`;
    case 'unknown':
      return `Not known yet: ${peer.why}`;
    case 'cidr': {
      const { cidr, text } = peer;
      if (cidr.prefix === 0) return `${text}: the whole IPv${cidr.version} internet`;
      const kind = isPrivateCidr(cidr) ? 'private' : 'public';
      const size = cidrSize(cidr);
      if (size === 1n) return `${text}: a single ${kind} address`;
      const bits = (cidr.version === 4 ? 32 : 128) - cidr.prefix;
      const count = bits <= 32 ? size.toLocaleString('en-US') : `2^${bits}`;
      return `${text}: ${count} ${kind} addresses`;
    }
  }
}
