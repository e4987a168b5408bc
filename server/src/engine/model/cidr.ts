/** An IPv4 or IPv6 network, with its address as a bigint so both families share one code path. */
export interface Cidr {
  readonly version: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  const head = toGroups(halves[0]);
  const tail = halves.length === 2 ? toGroups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/**
 * Parses "10.0.0.0/8", "::/0", or a bare address (a host route). Returns undefined for text that
 * is not an address, and for a prefix longer than the family allows (such as /33).
 */
export function parseCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const prefixText = slash === -1 ? undefined : trimmed.slice(slash + 1);
  const version: 4 | 6 = address.includes(':') ? 6 : 4;
  const parsed = version === 4 ? parseIpv4(address) : parseIpv6(address);
  if (parsed === undefined) return undefined;
  const bits = BITS[version];
  let prefix: number = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  const hostBits = BigInt(bits - prefix);
  const network = (parsed >> hostBits) << hostBits;
  return { version, network, prefix };
}

/**
 * Why text written as an address with a prefix is no network ("10.0.0.0/33", "999.1.1.1/8",
 * "::/129"); undefined when it is a network, or when it does not look like an address at all (a
 * security group id, a service tag), which is a reference rather than a mistake.
 */
export function cidrProblem(text: string): string | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash === -1 || parseCidr(trimmed) !== undefined) return undefined;
  const address = trimmed.slice(0, slash);
  const prefix = trimmed.slice(slash + 1);
  const isIpv4Like = /^\d{1,3}(\.\d{1,3}){3}$/.test(address);
  const isIpv6Like = address.includes(':') && /^[0-9a-fA-F:.]+$/.test(address);
  if (!isIpv4Like && !isIpv6Like) return undefined;
  const version: 4 | 6 = isIpv6Like ? 6 : 4;
  if ((version === 4 ? parseIpv4(address) : parseIpv6(address)) === undefined) return `"${trimmed}" is not a network: ${address} is not an IPv${version} address`;
  return `"${trimmed}" is not a network: an IPv${version} prefix is /0 to /${BITS[version]}, not /${prefix}`;
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version || outer.prefix > inner.prefix) return false;
  const hostBits = BigInt(BITS[outer.version] - outer.prefix);
  return inner.network >> hostBits === outer.network >> hostBits;
}

/** How many addresses a network holds, for "the whole IPv4 internet"-style descriptions. */
export function cidrSize(cidr: Cidr): bigint {
  return 1n << BigInt(BITS[cidr.version] - cidr.prefix);
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', '::1/128']
  .map((text) => parseCidr(text))
  .filter((cidr): cidr is Cidr => cidr !== undefined);

/** Inside RFC 1918, carrier-grade NAT, loopback, link-local or IPv6 unique-local space. */
export function isPrivateCidr(cidr: Cidr): boolean {
  return PRIVATE_RANGES.some((range) => cidrContains(range, cidr));
}

export function isWholeInternet(cidr: Cidr): boolean {
  return cidr.prefix === 0;
}

export function formatCidr(cidr: Cidr): string {
  if (cidr.version === 4) {
    const octets = [24n, 16n, 8n, 0n].map((shift) => String((cidr.network >> shift) & 0xffn));
    return `${octets.join('.')}/${cidr.prefix}`;
  }
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((cidr.network >> shift) & 0xffffn).toString(16));
  // Compress the longest run of zero groups, as RFC 5952 asks.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') { i++; continue; }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength && j - i > 1) { bestStart = i; bestLength = j - i; }
    i = j;
  }
  const text = bestStart === -1
    ? groups.join(':')
    : `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
  return `${text}/${cidr.prefix}`;
}
