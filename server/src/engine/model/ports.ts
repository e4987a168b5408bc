/** An inclusive range of ports, [from, to]. A single port is [p, p]; every port is [0, 65535]. */
export type PortRange = readonly [number, number];

export const MAX_PORT = 65535;
export const ALL_PORTS: PortRange = [0, MAX_PORT];

export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 0 && port <= MAX_PORT;
}

/**
 * Why port text that a format could not read as ports is invalid: the first number in it outside
 * 0-65535 ("0-200000", "65536:80/tcp", "-5/22"), or a range that starts after it ends. Undefined
 * when no number is out of range, so that text that is something else (a variable, a name) stays
 * merely unknown. Numbers are compared, never expanded.
 */
export function portTextProblem(text: string): string | undefined {
  const whole = text.trim();
  const where = (written: string) => (written === whole ? '' : ` in "${whole}"`);
  for (const token of whole.split(/[\s,:/]+/)) {
    const match = /^(-?\d+)(?:-(-?\d+))?$/.exec(token);
    if (!match) continue;
    for (const written of [match[1], match[2]]) {
      if (written !== undefined && !isValidPort(Number(written))) return `port ${written}${where(written)} is outside 0-65535`;
    }
    if (match[2] !== undefined && Number(match[1]) > Number(match[2])) return `the range ${token}${where(token)} starts after it ends`;
  }
  return undefined;
}

/** Sorts and merges overlapping or adjacent ranges. */
export function normalizeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** How many distinct ports the ranges cover (port 0 counts, as "0-65535" is 65,536 ports). */
export function countPorts(ranges: readonly PortRange[]): number {
  return normalizeRanges(ranges).reduce((sum, [from, to]) => sum + (to - from + 1), 0);
}

export function coversPort(ranges: readonly PortRange[], port: number): boolean {
  return ranges.some(([from, to]) => port >= from && port <= to);
}

/** Every range in `inner` lies inside the union of `outer`. */
export function coversRanges(outer: readonly PortRange[], inner: readonly PortRange[]): boolean {
  const merged = normalizeRanges(outer);
  return inner.every(([from, to]) => merged.some(([a, b]) => from >= a && to <= b));
}

export function isAllPorts(ranges: readonly PortRange[]): boolean {
  return coversRanges(ranges, [[1, MAX_PORT]]);
}

export function showRange([from, to]: PortRange): string {
  return from === to ? String(from) : `${from}-${to}`;
}

export function showRanges(ranges: readonly PortRange[]): string {
  return normalizeRanges(ranges).map(showRange).join(', ');
}

/** "65,536": numbers in messages read better grouped. */
export function showCount(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * Parses a user-typed port list such as "443, 8000-8080". Returns the ranges, or a message
 * saying what is wrong; never expands a range port by port.
 */
export function parsePortList(text: string): PortRange[] | string {
  const parts = text.split(/[,\s]+/).filter((part) => part.length > 0);
  if (parts.length === 0) return 'Enter at least one port, for example 443 or 8000-8080.';
  const ranges: PortRange[] = [];
  for (const part of parts) {
    const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!match) return `"${part}" is not a port or a range such as 8000-8080.`;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (!isValidPort(from) || !isValidPort(to)) return `"${part}" is outside 0-65535.`;
    if (from > to) return `"${part}" starts after it ends.`;
    ranges.push([from, to]);
  }
  return normalizeRanges(ranges);
}
