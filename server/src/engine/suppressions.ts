import type { Fix, Finding } from './findings';
import { LineMap, type Span } from './model/span';

/** `portwarden-ignore id[, id]: reason` after `#` or `//`. */
const DIRECTIVE = /(?:#|\/\/)[ \t]*portwarden-ignore\b[ \t]*([^\r\n]*)/g;

export interface Suppression {
  /** The line (from 0) the comment is on; it covers findings on that line and the next. */
  readonly line: number;
  readonly checkIds: readonly string[];
  readonly reason: string;
  readonly span: Span;
}

export interface SuppressionProblem {
  readonly message: string;
  readonly span: Span;
}

/**
 * Reads every suppression comment. `knownIds` are the check ids a suppression may name (plus
 * `all`); a misspelled id is reported, since it would otherwise silently suppress nothing.
 */
export function findSuppressions(text: string, lines: LineMap, knownIds: ReadonlySet<string>): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: SuppressionProblem[] = [];
  if (!text.includes('portwarden-ignore')) return { suppressions, problems };
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index ?? 0;
    const span = { start, end: start + match[0].trimEnd().length };
    const rest = match[1];
    const colon = rest.indexOf(':');
    const idsText = colon === -1 ? rest : rest.slice(0, colon);
    const reason = colon === -1 ? '' : rest.slice(colon + 1).trim();
    const checkIds = idsText.split(/[,\s]+/).filter((id) => id.length > 0);
    if (checkIds.length === 0) {
      problems.push({ message: 'Suppression names no check: write "portwarden-ignore <check-id>: <reason>".', span });
      continue;
    }
    if (reason.length === 0) {
      problems.push({ message: `Suppression of ${checkIds.join(', ')} has no reason: add ": <why this is acceptable>".`, span });
      continue;
    }
    const unknownIds = checkIds.filter((id) => id !== 'all' && !knownIds.has(id));
    if (unknownIds.length > 0) {
      problems.push({ message: `Suppression names unknown check${unknownIds.length > 1 ? 's' : ''} ${unknownIds.map((id) => `"${id}"`).join(', ')}.`, span });
    }
    suppressions.push({ line: lines.positionAt(start).line, checkIds, reason, span });
  }
  return { suppressions, problems };
}

export function isSuppressed(finding: Finding, suppressions: readonly Suppression[], lines: LineMap): boolean {
  if (suppressions.length === 0) return false;
  const line = lines.positionAt(finding.span.start).line;
  return suppressions.some(
    (suppression) =>
      (suppression.line === line || suppression.line === line - 1) &&
      (suppression.checkIds.includes(finding.checkId) || suppression.checkIds.includes('all')),
  );
}

export const SUPPRESSION_REASON_PLACEHOLDER = 'TODO reason';

/** "Ignore with reason": a comment on the line above the finding, indented like that line. */
export function suppressionFix(checkId: string, span: Span, text: string, lines: LineMap, commentPrefix: string): Fix {
  const line = lines.positionAt(span.start).line;
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    title: `Ignore ${checkId} on this line (with a reason)`,
    placeholder: SUPPRESSION_REASON_PLACEHOLDER,
    edits: [{ span: { start: lineStart, end: lineStart }, newText: `${indent}${commentPrefix} portwarden-ignore ${checkId}: ${SUPPRESSION_REASON_PLACEHOLDER}${eol}` }],
  };
}
