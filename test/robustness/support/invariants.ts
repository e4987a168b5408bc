import { performance } from 'node:perf_hooks';
import { lintDocument, type LintInput, type LintResult, type Span } from '../../../server/src/engine/index';

/** The bound for one file, whatever its content. */
export const MAX_LINT_MS = 2000;

/**
 * Everything wrong with one lint result of `text`: internal errors, and ranges (findings, their
 * fixes' edits and related places in the same document, parse errors, notes) that fall outside
 * the document or end before they start. Empty when the result is sound.
 */
export function resultProblems(text: string, result: LintResult): string[] {
  const problems: string[] = [];
  const inside = (what: string, span: Span): void => {
    const sound = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
    if (!sound) problems.push(`${what} has range ${span.start}-${span.end} in a document of ${text.length} characters`);
  };
  for (const error of result.internalErrors) problems.push(`internal error in ${error.checkId}: ${error.message}\n${error.stack ?? ''}`);
  for (const finding of result.findings) {
    const what = `${finding.checkId} "${finding.message}"`;
    inside(what, finding.span);
    for (const fix of finding.fixes) for (const edit of fix.edits) inside(`${what}, fix "${fix.title}"`, edit.span);
    for (const related of finding.related) if (related.path === undefined) inside(`${what}, related "${related.message}"`, related.span);
  }
  for (const error of result.parseErrors) inside(`parse error "${error.message}"`, error.span);
  for (const note of result.notes ?? []) inside(`note "${note.message}"`, note.span);
  return problems;
}

export interface TimedLint {
  readonly result: LintResult;
  readonly ms: number;
  /** Empty when the lint returned a sound result in time; a throw is a problem too. */
  readonly problems: readonly string[];
}

/** Lints and collects every broken invariant instead of throwing, so a property can show them all. */
export function lintChecked(input: LintInput): TimedLint {
  const started = performance.now();
  let result: LintResult;
  try {
    result = lintDocument(input);
  } catch (error) {
    const ms = performance.now() - started;
    const empty: LintResult = { format: undefined, rules: [], findings: [], suppressedCount: 0, parseErrors: [], internalErrors: [] };
    return { result: empty, ms, problems: [`lintDocument threw: ${error instanceof Error ? error.stack : String(error)}`] };
  }
  const ms = performance.now() - started;
  const problems = resultProblems(input.text, result);
  if (ms > MAX_LINT_MS) problems.push(`took ${Math.round(ms)} ms, more than ${MAX_LINT_MS}`);
  return { result, ms, problems };
}
