import { normalizeRanges, showRange, type PortRange } from '../model/ports';
import { namePort, type Settings } from '../settings';

/**
 * Ports as an audit compares them: the known ranges, the expressions not resolved yet (compared
 * as text), and whether a protocol without ports (icmp) is allowed at all.
 */
export interface PortSet {
  readonly ranges: readonly PortRange[];
  readonly expressions: readonly string[];
  readonly isPortless: boolean;
}

export const NO_PORTS: PortSet = { ranges: [], expressions: [], isPortless: false };

export function isEmptyPortSet(set: PortSet): boolean {
  return set.ranges.length === 0 && set.expressions.length === 0 && !set.isPortless;
}

export function unionPortSets(a: PortSet, b: PortSet): PortSet {
  return {
    ranges: normalizeRanges([...a.ranges, ...b.ranges]),
    expressions: [...new Set([...a.expressions, ...b.expressions])].sort(),
    isPortless: a.isPortless || b.isPortless,
  };
}

/** What `a` allows that `b` does not. */
export function subtractPortSets(a: PortSet, b: PortSet): PortSet {
  return {
    ranges: subtractRanges(a.ranges, b.ranges),
    expressions: a.expressions.filter((expression) => !b.expressions.includes(expression)),
    isPortless: a.isPortless && !b.isPortless,
  };
}

export function overlapsPortSets(a: PortSet, b: PortSet): boolean {
  if (a.isPortless && b.isPortless) return true;
  if (a.expressions.some((expression) => b.expressions.includes(expression))) return true;
  return a.ranges.some(([from, to]) => b.ranges.some(([otherFrom, otherTo]) => from <= otherTo && otherFrom <= to));
}

export function subtractRanges(from: readonly PortRange[], remove: readonly PortRange[]): PortRange[] {
  const removed = normalizeRanges(remove);
  const kept: PortRange[] = [];
  for (const [start, end] of normalizeRanges(from)) {
    let cursor = start;
    for (const [cutStart, cutEnd] of removed) {
      if (cutEnd < cursor || cutStart > end) continue;
      if (cutStart > cursor) kept.push([cursor, cutStart - 1]);
      cursor = Math.max(cursor, cutEnd + 1);
      if (cursor > end) break;
    }
    if (cursor <= end) kept.push([cursor, end]);
  }
  return kept;
}

/** "3306 (MySQL), 8000-8080, var.extra_port"; the protocol alone for icmp and the like. */
export function showPortSet(set: PortSet, protocol: string, settings: Settings): string {
  const parts = [
    ...set.ranges.map((range) => {
      const name = range[0] === range[1] ? namePort(settings, range[0]) : undefined;
      return name ? `${showRange(range)} (${name})` : showRange(range);
    }),
    ...set.expressions,
  ];
  const ports = parts.join(', ');
  if (protocol === 'tcp' && ports !== '') return ports;
  return ports === '' ? protocol : `${protocol} ${ports}`;
}
