import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import type { Finding, LineMap, ParseError, Severity, Span } from '../engine/index';
import { docsUrl } from '../shared/links';
import { SOURCE } from '../shared/protocol';
import type { ClientSupport } from './capabilities';
import type { Locate } from './workspace-modules';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(lines: LineMap, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/**
 * One finding as an LSP diagnostic. Code actions find the finding again from the stored lint
 * result, so nothing here needs to be parsed back.
 */
export function toDiagnostic(finding: Finding, uri: string, lines: LineMap, support: ClientSupport, locate?: Locate): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.checkId,
    source: SOURCE,
    message: finding.message,
  };
  if (support.codeDescription) diagnostic.codeDescription = { href: docsUrl(finding.checkId) };
  const related = relatedInformation(finding, uri, lines, locate);
  if (support.relatedInformation && related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/**
 * The finding's own related places (in other files too, such as a module's caller, when `locate`
 * finds them), then the resource it belongs to when the finding is elsewhere in it.
 */
function relatedInformation(finding: Finding, uri: string, lines: LineMap, locate: Locate | undefined): DiagnosticRelatedInformation[] {
  const related: DiagnosticRelatedInformation[] = [];
  for (const item of finding.related) {
    const place = item.path === undefined ? { uri, lines } : locate?.(item.path);
    if (place) related.push({ location: { uri: place.uri, range: toRange(place.lines, item.span) }, message: item.message });
  }
  const resource = finding.rule?.resource;
  if (resource && !(finding.span.start >= resource.headerSpan.start && finding.span.end <= resource.headerSpan.end)) {
    related.push({ location: { uri, range: toRange(lines, resource.headerSpan) }, message: `in ${resource.address}` });
  }
  return related;
}

/**
 * A note of the lint (a file too large to lint, a port or network no value can be, a module cycle)
 * as a warning without a check id: it is about the input rather than a finding, and has no fix.
 */
export function noteDiagnostic(note: ParseError, lines: LineMap): Diagnostic {
  return { range: toRange(lines, note.span), severity: DiagnosticSeverity.Warning, source: SOURCE, message: note.message };
}
