import { showRanges } from '../model/ports';
import type { Span } from '../model/span';
import type { Exposure } from './inventory';

/** Ingress allowed from every address: what "open to the internet" means in reports and lenses. */
export function isOpenToInternet(exposure: Exposure): boolean {
  return exposure.direction === 'ingress' && exposure.reach === 'internet';
}

export interface PortCount {
  /** `22`, `0-65535`, `udp 53`, `icmp`, or an unresolved expression. */
  readonly label: string;
  readonly count: number;
}

/**
 * The port labels most often open to the internet, most frequent first. A rule opening
 * `22, 443` counts once for each; a range counts as itself, so `0-65535` stands out.
 */
export function topInternetPorts(exposures: readonly Exposure[], limit: number): PortCount[] {
  const counts = new Map<string, number>();
  for (const exposure of exposures.filter(isOpenToInternet)) {
    for (const label of portLabels(exposure)) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en', { numeric: true }))
    .slice(0, limit);
}

/** One label per range (`22`, `8000-8080`), prefixed by the protocol unless it is tcp. */
export function portLabels(exposure: Exposure): string[] {
  const prefix = exposure.protocol === 'tcp' ? '' : `${exposure.protocol} `;
  if (exposure.ports === undefined) return [`${prefix}${exposure.portsText}`];
  if (exposure.ports.length === 0) return [exposure.protocol];
  return exposure.ports.map((range) => `${prefix}${showRanges([range])}`);
}

/** What one resource opens to the internet, for a line above it in an editor. */
export interface ResourceSummary {
  readonly resource: string;
  readonly header: Span;
  readonly rules: number;
  /** Port labels open to the internet, in order of first appearance. */
  readonly internetPorts: readonly string[];
  readonly findings: number;
}

export function summarizeResources(exposures: readonly Exposure[]): ResourceSummary[] {
  const byHeader = new Map<string, { resource: string; header: Span; rules: Exposure[] }>();
  for (const exposure of exposures) {
    const key = `${exposure.resourceHeader.start}:${exposure.resource}`;
    const entry = byHeader.get(key) ?? { resource: exposure.resource, header: exposure.resourceHeader, rules: [] };
    entry.rules.push(exposure);
    byHeader.set(key, entry);
  }
  return [...byHeader.values()].map(({ resource, header, rules }) => {
    const findings = new Set(rules.flatMap((rule) => rule.findings.map((finding) => `${finding.checkId}:${finding.line}:${finding.message}`)));
    return {
      resource,
      header,
      rules: rules.length,
      internetPorts: [...new Set(rules.filter(isOpenToInternet).flatMap(portLabels))],
      findings: findings.size,
    };
  });
}
