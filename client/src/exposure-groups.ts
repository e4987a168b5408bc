import type { ExposureItem } from '../../server/src/shared/protocol';

/** How the Exposed Ports view groups its rules. */
export type Grouping = 'port' | 'owner' | 'file';
export const GROUPINGS: readonly Grouping[] = ['port', 'owner', 'file'];

export interface ExposureGroup {
  /** `22`, `platform-team`, `(no owner)`, `infra/main.tf`. */
  readonly label: string;
  readonly exposures: readonly ExposureItem[];
  /** How many of them are open to the internet. */
  readonly internet: number;
}

const REACH_ORDER = ['internet', 'external', 'unknown', 'trusted', 'group', 'private'];

/**
 * Groups the exposures: by port label (a rule opening `22, 443` is in both groups), by owner, or by
 * file (labels from `fileLabel`). Groups with internet exposures come first, then the biggest;
 * inside a group, the widest reach first, then by file and line.
 */
export function groupExposures(exposures: readonly ExposureItem[], grouping: Grouping, fileLabel: (uri: string) => string): ExposureGroup[] {
  const groups = new Map<string, ExposureItem[]>();
  for (const exposure of exposures) {
    for (const key of keysOf(exposure, grouping, fileLabel)) {
      const group = groups.get(key) ?? [];
      group.push(exposure);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .map(([label, members]) => ({ label, exposures: [...members].sort(compareExposures), internet: members.filter(isInternet).length }))
    .sort((a, b) => b.internet - a.internet || b.exposures.length - a.exposures.length || a.label.localeCompare(b.label, 'en', { numeric: true }));
}

export function isInternet(exposure: ExposureItem): boolean {
  return exposure.direction === 'ingress' && exposure.reach === 'internet';
}

/** "tcp 22 ← 0.0.0.0/0" for ingress, "all 0-65535 → 0.0.0.0/0" for egress. */
export function describeRule(exposure: ExposureItem): string {
  const arrow = exposure.direction === 'ingress' ? '←' : '→';
  const ports = exposure.ports === '' ? '' : ` ${exposure.ports}`;
  return `${exposure.protocol}${ports} ${arrow} ${exposure.peers.join(', ')}`;
}

function keysOf(exposure: ExposureItem, grouping: Grouping, fileLabel: (uri: string) => string): string[] {
  switch (grouping) {
    case 'port':
      return exposure.portLabels.length > 0 ? [...new Set(exposure.portLabels)] : [exposure.protocol];
    case 'owner':
      return [exposure.ownerState === 'named' && exposure.owner ? exposure.owner : exposure.ownerState === 'unresolved' ? '(owner from an expression)' : '(no owner)'];
    case 'file':
      return [fileLabel(exposure.uri)];
  }
}

function compareExposures(a: ExposureItem, b: ExposureItem): number {
  return REACH_ORDER.indexOf(a.reach) - REACH_ORDER.indexOf(b.reach)
    || a.uri.localeCompare(b.uri)
    || a.range.start.line - b.range.start.line;
}
