import type { Fix, RelatedInformation } from '../../findings';
import type { NetworkRule } from '../../model/network-rule';
import { showPeers } from '../../model/peers';
import { isAllPorts, showRanges } from '../../model/ports';
import type { Span } from '../../model/span';
import type { Candidate } from './coverage';

function lineOf(candidate: Candidate, offset: number): number {
  return candidate.file.lines().positionAt(offset).line + 1;
}

function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** "line 12" in the linted document, "rules.tf:12" in another file of its module. */
export function placeOf(candidate: Candidate): string {
  const line = lineOf(candidate, candidate.rule.span.start);
  return candidate.file.path === undefined ? `line ${line}` : `${fileName(candidate.file.path)}:${line}`;
}

/** e.g. `aws_security_group.web (line 12)`, with the priority where rules are ordered. */
export function nameOf(candidate: Candidate): string {
  const { rule } = candidate;
  const priority = rule.priority?.known ? `priority ${rule.priority.value} rule of ` : '';
  return `${priority}${rule.resource.address} (${placeOf(candidate)})`;
}

/** "tcp 22 from 0.0.0.0/0", "all traffic to 10.0.0.0/8". */
export function showTraffic(rule: NetworkRule): string {
  const what = !rule.protocol.known ? 'some traffic'
    : rule.protocol.value === 'all' && rule.ports.known && isAllPorts(rule.ports.value) ? 'all traffic'
      : rule.ports.known && rule.ports.value.length > 0 ? `${rule.protocol.value} ${showRanges(rule.ports.value)}` : rule.protocol.value;
  const peers = rule.peers.known ? showPeers(rule.peers.value) : 'some peers';
  return `${what} ${rule.direction === 'ingress' ? 'from' : 'to'} ${peers}`;
}

export function verbOf(rule: NetworkRule): string {
  return rule.action === 'allow' ? 'allows' : 'denies';
}

/**
 * The first line of the rule (`ingress {`, a resource's header, a list item): a finding about the
 * whole rule goes there rather than over every line of it.
 */
export function headOf(rule: NetworkRule, text: string): Span {
  const lineEnd = text.indexOf('\n', rule.span.start);
  const end = lineEnd === -1 || lineEnd > rule.span.end ? rule.span.end : lineEnd;
  return { start: rule.span.start, end: text[end - 1] === '\r' ? end - 1 : end };
}

export function relatedTo(candidate: Candidate, message: string): RelatedInformation {
  return { message, span: candidate.rule.span, ...(candidate.file.path === undefined ? {} : { path: candidate.file.path }) };
}

/** "Remove redundant rule", when the adapter can delete the rule safely. */
export function removalFix(rule: NetworkRule, title = 'Remove redundant rule'): Fix[] {
  const edits = rule.edit.removeRule?.();
  return edits && edits.length > 0 ? [{ title, edits }] : [];
}

/** How many rules a message names before it counts the rest: related information points at each of them. */
const NAMED_RULES = 5;

/** "the rule at priority 100 (line 3)", "rules at priority 100 (line 3) and 110 (line 9)". */
export function listByPriority(candidates: readonly Candidate[]): string {
  const names = candidates.map((candidate) => `${candidate.rule.priority?.known ? candidate.rule.priority.value : '?'} (${placeOf(candidate)})`);
  if (names.length === 1) return `the rule at priority ${names[0]}`;
  const shown = names.length > NAMED_RULES ? [...names.slice(0, NAMED_RULES), `${names.length - NAMED_RULES} more`] : names;
  return `rules at priority ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** "aws_security_group.web (line 3) and aws_security_group_rule.ssh (rules.tf:1)". */
export function listByName(candidates: readonly Candidate[]): string {
  const names = candidates.map(nameOf);
  const shown = names.length > NAMED_RULES ? [...names.slice(0, NAMED_RULES), `${names.length - NAMED_RULES} more`] : names;
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
