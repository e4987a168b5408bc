import { parsePortList, showRanges } from '../engine/index';
import type { NarrowPortsParams, NarrowPortsResult } from '../shared/protocol';
import type { ClientSupport } from './capabilities';
import type { LintSnapshot } from './documents';
import { toWorkspaceEdit } from './edits';

/**
 * Rewrites the ports of the rule "Narrow port range…" was offered on, in the rule's own syntax
 * (rule.edit.setPorts). The rule is found again in the same document version, by its offset.
 */
export function narrowPorts(params: NarrowPortsParams, snapshot: LintSnapshot | undefined, support: ClientSupport): NarrowPortsResult {
  const { target } = params;
  if (!snapshot || snapshot.version !== target.version) return { error: 'The document changed since the fix was offered: open the quick fixes again.' };
  const rule = snapshot.result.rules.find((candidate) => candidate.span.start === target.ruleStart);
  if (!rule) return { error: 'The rule is no longer there: open the quick fixes again.' };
  const ranges = parsePortList(params.ports);
  if (typeof ranges === 'string') return { error: ranges };
  const edits = rule.edit.setPorts(ranges);
  if (!edits) {
    return { error: ranges.length > 1 ? `This rule holds one range only; ${showRanges(ranges)} needs a rule per range.` : 'The ports of this rule are written as an expression Port Warden cannot rewrite.' };
  }
  return { edit: toWorkspaceEdit(snapshot, edits, support) };
}
