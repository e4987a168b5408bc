import { LineMap, type Finding, type LintResult } from '../../engine/index';
import type { LintOutcome } from '../lint-file';

/**
 * A lint outcome as a lint thread sends it: plain data only. A report's rules and its findings'
 * `rule` hold editors (functions), which cannot cross threads; the formatters need neither (a
 * finding keeps its `subject`), and the line map is rebuilt from the text on arrival.
 */
export type PortableOutcome = Exclude<LintOutcome, { kind: 'linted' }> | { readonly kind: 'linted'; readonly path: string; readonly text: string; readonly result: LintResult };

export function toPortable(outcome: LintOutcome): PortableOutcome {
  if (outcome.kind !== 'linted') return outcome;
  const { path, text, result } = outcome.report;
  return { kind: 'linted', path, text, result: { ...result, rules: [], findings: result.findings.map(withoutRule) } };
}

export function fromPortable(outcome: PortableOutcome): LintOutcome {
  if (outcome.kind !== 'linted') return outcome;
  const { path, text, result } = outcome;
  return { kind: 'linted', report: { path, text, lines: new LineMap(text), result } };
}

function withoutRule({ rule: _rule, ...finding }: Finding): Finding {
  return finding;
}
