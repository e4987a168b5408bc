import type { Adapter, ParseCache } from './adapters/adapter';
import type { LinkedRules, ModuleContext, ValueLink } from './adapters/module-context';
import { adapters, findAdapter } from './adapters/index';
import { checks } from './checks/index';
import { formatMessage, type Check, type CheckContext, type Report } from './checks/define-check';
import type { Finding, InternalError } from './findings';
import type { FormatId, NetworkRule, ParseError, SiblingRules } from './model/network-rule';
import type { PortRange } from './model/ports';
import { LineMap } from './model/span';
import { DEFAULT_SETTINGS, type Settings, type Severity } from './settings';
import { findSuppressions, isSuppressed, suppressionFix } from './suppressions';
import { mergeInstanceFindings, linkedFindings, withIncomingLinks } from './module-findings';
import { invalidValueNotes } from './invalid-values';
import { isOverSize, tooLargeNote } from './file-size';

export const SUPPRESSION_CHECK_ID = 'invalid-suppression';
const KNOWN_CHECK_IDS: ReadonlySet<string> = new Set([...checks.map((check) => check.id), SUPPRESSION_CHECK_ID]);

export interface LintInput {
  readonly text: string;
  /** Used for format detection and messages only; the engine never reads it from disk. */
  readonly path: string;
  readonly settings?: Settings;
  /** Today's date, YYYY-MM-DD. The engine has no clock of its own. */
  readonly today: string;
  /** Forces a format instead of detecting one (e.g. from the editor's language id). */
  readonly format?: FormatId;
  /** Deep-freezes the model before checks see it, so a check that mutates it throws (tests use this). */
  readonly freezeModel?: boolean;
  /** Kept by an editor per open document so the adapter re-parses incrementally; results never depend on it. */
  readonly cache?: ParseCache;
  /**
   * The files around the document that its values may come from (a Terraform module's other
   * files, variable files, child and calling modules). Without it, the document is its own module.
   */
  readonly module?: ModuleContext;
}

export interface LintResult {
  /** Undefined when no adapter recognises the document: then nothing else is filled. */
  readonly format: FormatId | undefined;
  readonly rules: readonly NetworkRule[];
  /** Sorted by position, then check id. */
  readonly findings: readonly Finding[];
  readonly suppressedCount: number;
  readonly parseErrors: readonly ParseError[];
  readonly internalErrors: readonly InternalError[];
  /** Other files the findings were computed with (see LintInput.module): a change to one may change them. */
  readonly dependencies?: readonly string[];
  /** Why part of the document was not evaluated, when that is not a syntax error (a module cycle). */
  readonly notes?: readonly ParseError[];
}

export function lintDocument(input: LintInput): LintResult {
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const adapter = adapterFor(input);
  if (!adapter) return { format: undefined, rules: [], findings: [], suppressedCount: 0, parseErrors: [], internalErrors: [] };
  // Checked before parsing: a file of megabytes would stall an editor for seconds.
  if (isOverSize(input.text, settings.maxFileSize)) {
    return { format: adapter.id, rules: [], findings: [], suppressedCount: 0, parseErrors: [], internalErrors: [], notes: [tooLargeNote(input.text, settings.maxFileSize)] };
  }

  const internalErrors: InternalError[] = [];
  let rules: readonly NetworkRule[] = [];
  let parseErrors: readonly ParseError[] = [];
  let commentPrefix = adapter.commentPrefix;
  let linked: readonly LinkedRules[] = [];
  let incoming: readonly ValueLink[] = [];
  let dependencies: readonly string[] | undefined;
  let notes: readonly ParseError[] | undefined;
  let siblings: readonly SiblingRules[] = [];
  try {
    const parsed = adapter.parse(input.text, settings, input.cache, { path: input.path, module: input.module });
    ({ rules, parseErrors } = parsed);
    ({ linked = [], incoming = [], dependencies, notes, siblings = [] } = parsed);
    if (parsed.hasNoComments) commentPrefix = undefined;
    const invalid = invalidValueNotes(rules);
    if (invalid.length > 0) notes = [...(notes ?? []), ...invalid];
    if (input.freezeModel) deepFreeze([rules, linked, siblings]);
  } catch (error) {
    internalErrors.push(toInternalError(`adapter:${adapter.id}`, error));
  }

  const lines = new LineMap(input.text);
  const own = withIncomingLinks(checkRules({ rules, path: input.path, text: input.text, siblings }, settings, input.today, internalErrors), incoming);
  const fromChildren = linked.flatMap((child) => linkedFindings(input.path, child, unsuppressed(child.text, checkRules({ rules: child.rules, path: child.path, text: child.text, siblings: [] }, settings, input.today, internalErrors))));
  const raw = mergeInstanceFindings([...own, ...fromChildren]);

  const { suppressions, problems } = findSuppressions(input.text, lines, KNOWN_CHECK_IDS);
  const kept = raw.filter((finding) => !isSuppressed(finding, suppressions, lines));
  const suppressedCount = raw.length - kept.length;
  const suppressionSeverity = settings.checks[SUPPRESSION_CHECK_ID] ?? 'warning';
  if (suppressionSeverity !== 'off') {
    for (const problem of problems) {
      kept.push({ checkId: SUPPRESSION_CHECK_ID, severity: suppressionSeverity, message: problem.message, span: problem.span, fixes: [], related: [] });
    }
  }
  const findings = kept
    .map((finding) => withSuppressionFix(finding, input.text, lines, commentPrefix))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.checkId.localeCompare(b.checkId));
  return { format: adapter.id, rules, findings, suppressedCount, parseErrors, internalErrors, ...(dependencies ? { dependencies } : {}), ...(notes && notes.length > 0 ? { notes } : {}) };
}

/** The rules checks run on, with the text they were read from and the rules of the files beside it. */
interface CheckedRules {
  readonly rules: readonly NetworkRule[];
  readonly path: string;
  readonly text: string;
  readonly siblings: readonly SiblingRules[];
}

function checkRules(input: CheckedRules, settings: Settings, today: string, internalErrors: InternalError[]): Finding[] {
  const raw: Finding[] = [];
  for (const check of checks) {
    const severity = severityOf(check, settings);
    if (severity === 'off') continue;
    try {
      runCheck(check, input, settings, today, severity, raw);
    } catch (error) {
      internalErrors.push(toInternalError(check.id, error));
    }
  }
  return raw;
}

/** A finding suppressed where its rule is written stays suppressed wherever else it is reported. */
function unsuppressed(text: string, findings: readonly Finding[]): Finding[] {
  if (findings.length === 0) return [];
  const lines = new LineMap(text);
  const { suppressions } = findSuppressions(text, lines, KNOWN_CHECK_IDS);
  return findings.filter((finding) => !isSuppressed(finding, suppressions, lines));
}

function adapterFor(input: LintInput): Adapter | undefined {
  return input.format ? adapters.find((candidate) => candidate.id === input.format) : findAdapter(input.path, input.text);
}

/**
 * Ports the document's workloads serve (e.g. load-balancer listener ports), the first candidates
 * for "Narrow port range to ...". Empty when the format has none or the document cannot be read.
 */
export function findWorkloadPorts(input: LintInput): PortRange[][] {
  // A document too large to lint is not parsed for candidates either.
  if (isOverSize(input.text, (input.settings ?? DEFAULT_SETTINGS).maxFileSize)) return [];
  try {
    return adapterFor(input)?.workloadPorts?.(input.text, input.cache) ?? [];
  } catch {
    // Candidates only add fixes; a document the adapter cannot read simply has none.
    return [];
  }
}

function severityOf(check: Check, settings: Settings): Severity | 'off' {
  return settings.checks[check.id] ?? check.severity;
}

function runCheck(check: Check, { rules, path, text, siblings }: CheckedRules, settings: Settings, today: string, severity: Severity, out: Finding[]): void {
  const ctx: CheckContext<string> = {
    settings,
    today,
    path,
    text,
    siblingRules: siblings,
    report(report: Report<string>) {
      const template = check.messages[report.message];
      if (template === undefined) throw new Error(`check ${check.id} reported unknown message id "${report.message}"`);
      out.push({
        checkId: check.id,
        severity,
        message: formatMessage(template, report.data),
        span: report.span,
        fixes: report.fixes ?? [],
        related: report.related ?? [],
        rule: report.rule,
        ...(report.rule ? { subject: { address: report.rule.resource.address, direction: report.rule.direction } } : {}),
      });
    },
  };
  if (check.runDocument) check.runDocument(rules, ctx);
  if (check.run) for (const rule of rules) check.run(rule, ctx);
}

function withSuppressionFix(finding: Finding, text: string, lines: LineMap, commentPrefix: string | undefined): Finding {
  // A format without comments (JSON) has nowhere to write a suppression.
  if (finding.checkId === SUPPRESSION_CHECK_ID || commentPrefix === undefined) return finding;
  return { ...finding, fixes: [...finding.fixes, suppressionFix(finding.checkId, finding.span, text, lines, commentPrefix)] };
}

function toInternalError(checkId: string, error: unknown): InternalError {
  if (error instanceof Error) return { checkId, message: error.message, stack: error.stack };
  return { checkId, message: String(error) };
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}
