import { narrowingFixes } from './checks/fixes';
import type { Finding, Fix } from './findings';
import type { NetworkRule } from './model/network-rule';
import { coversRanges, type PortRange } from './model/ports';
import type { Settings } from './settings';

/** Whether the finding points at the rule's ports (a wide range, an admin port) rather than elsewhere. */
export function isAboutPorts(finding: Finding, rule: NetworkRule): boolean {
  return finding.span.start < rule.ports.span.end && rule.ports.span.start < finding.span.end;
}

/** The engine's "Ignore ... (with a reason)" fix: one inserted comment naming this finding's check. */
export function isSuppressionFix(fix: Fix, finding: Finding): boolean {
  const [edit] = fix.edits;
  return fix.edits.length === 1 && edit.span.start === edit.span.end && edit.newText.includes(`portwarden-ignore ${finding.checkId}:`);
}

/**
 * The finding's own fixes, preceded by "Narrow port range to ..." for each port the document's
 * workloads serve inside the rule's current range (listener and target-group ports). The first
 * such fix is preferred, as the engine's narrowingFixes decides, unless the check already
 * preferred one of its own: a finding has at most one preferred fix.
 */
export function fixesFor(finding: Finding, settings: Settings, workloadPorts: readonly PortRange[][]): Fix[] {
  const rule = finding.rule;
  const own = [...finding.fixes];
  if (!rule || !rule.ports.known || workloadPorts.length === 0 || !isAboutPorts(finding, rule)) return own;
  const current = rule.ports.value;
  const candidates = workloadPorts.filter((ports) => coversRanges(current, ports) && !coversRanges(ports, current));
  if (candidates.length === 0) return own;
  const hasPreferred = own.some((fix) => fix.preferred);
  const extra = narrowingFixes(rule, settings, candidates)
    .filter((fix) => !own.some((existing) => existing.title === fix.title))
    .map((fix): Fix => (hasPreferred && fix.preferred ? { title: fix.title, edits: fix.edits } : fix));
  return [...extra, ...own];
}
