import { isValidPort, type PortRange } from '../../model/ports';

/** A part of a short port spec and where it is, as offsets into the spec's text. */
export interface SpecPart<T> {
  readonly value: T;
  readonly start: number;
  readonly end: number;
}

/** `[HOST_IP:][HOST_PORTS:]CONTAINER_PORTS[/PROTOCOL]`, as Compose's short syntax writes a published port. */
export interface PortSpec {
  readonly hostIp?: SpecPart<string>;
  readonly hostPorts?: SpecPart<PortRange>;
  readonly containerPorts: SpecPart<PortRange>;
  readonly protocol?: SpecPart<string>;
}

function range(text: string): PortRange | undefined {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return isValidPort(from) && isValidPort(to) && from <= to ? [from, to] : undefined;
}

/**
 * Parses a short port spec such as `5432`, `8080:80`, `127.0.0.1:5432:5432/tcp`, `[::1]:80:80` or
 * `9090-9091:8080-8081`. Returns a message for text that is not one (such as `${PORT}:80`).
 */
export function parsePortSpec(text: string): PortSpec | string {
  if (text.includes('$')) return `"${text}" is set from the environment`;
  let rest = text;
  let protocol: SpecPart<string> | undefined;
  const slash = rest.lastIndexOf('/');
  if (slash !== -1) {
    protocol = { value: rest.slice(slash + 1), start: slash + 1, end: rest.length };
    rest = rest.slice(0, slash);
  }
  let hostIp: SpecPart<string> | undefined;
  let offset = 0;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']:');
    if (close === -1) return `"${text}" is not a port mapping`;
    hostIp = { value: rest.slice(1, close), start: 0, end: close + 1 };
    offset = close + 2;
    rest = rest.slice(offset);
  }
  const parts = rest.split(':');
  if (!hostIp && parts.length > 2) {
    // Everything before the last two parts is the address (an IPv6 one has colons of its own).
    const address = parts.slice(0, -2).join(':');
    hostIp = { value: address, start: 0, end: address.length };
    offset = address.length + 1;
    parts.splice(0, parts.length - 2);
  }
  if (parts.length > 2) return `"${text}" is not a port mapping`;
  const containerText = parts[parts.length - 1];
  const containerStart = offset + (parts.length === 2 ? parts[0].length + 1 : 0);
  const container = range(containerText);
  if (!container) return `"${text}" is not a port mapping`;
  const containerPorts = { value: container, start: containerStart, end: containerStart + containerText.length };
  if (parts.length === 1 || parts[0] === '') return { ...(hostIp ? { hostIp } : {}), containerPorts, ...(protocol ? { protocol } : {}) };
  const host = range(parts[0]);
  if (!host) return `"${text}" is not a port mapping`;
  return { ...(hostIp ? { hostIp } : {}), hostPorts: { value: host, start: offset, end: offset + parts[0].length }, containerPorts, ...(protocol ? { protocol } : {}) };
}

/** The same spec bound to 127.0.0.1; a spec without host ports keeps a random host port (`127.0.0.1::80`). */
export function loopbackSpec(text: string, spec: PortSpec): string {
  const rest = spec.hostIp ? text.slice(spec.hostIp.end + 1) : text;
  return spec.hostPorts || spec.hostIp ? `127.0.0.1:${rest}` : `127.0.0.1::${rest}`;
}
