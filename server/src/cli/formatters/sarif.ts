import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { SUPPRESSION_CHECK_ID, type Check, type Finding, type Severity } from '../../engine/index';
import { docsUrl, REPOSITORY_URL } from '../../shared/links';
import { displayPath, portablePath, rangeOf, type FileReport, type Formatter, type Range1 } from './types';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'portwarden/v1';

interface RuleSource {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly why: string;
  readonly howToFix: string;
  readonly fixable: boolean;
}

/** lint.ts reports malformed suppression comments itself, so there is no Check object to describe them. */
const SUPPRESSION_RULE: RuleSource = {
  id: SUPPRESSION_CHECK_ID,
  title: 'Malformed suppression comment',
  severity: 'warning',
  why: 'A portwarden-ignore comment that names no check or gives no reason suppresses nothing, so the finding it was meant for is still reported and the intent is lost.',
  howToFix: 'Write "portwarden-ignore <check-id>: <why this is acceptable>" on the line of the finding or the line above.',
  fixable: false,
};

/**
 * SARIF 2.1.0 with one run: every check as a rule, each finding as a result located by a URI
 * relative to the working directory (%SRCROOT%), with fixes and a fingerprint that survives lines
 * moving. Parse errors, notes (a value no port can be, a module cycle), internal errors and run
 * problems become tool execution notifications.
 */
export const formatSarif: Formatter = ({ files, problems, cwd, version, checks }) => {
  const sources: RuleSource[] = [...checks.map(fromCheck), SUPPRESSION_RULE];
  const ruleIndex = new Map(sources.map((source, index) => [source.id, index]));
  const results: Result[] = [];
  const notifications: Notification[] = [];
  for (const file of files) {
    const uri = artifactUri(file.path, cwd);
    const seen = new Map<string, number>();
    for (const finding of file.result.findings) results.push(toResult(finding, file, uri, ruleIndex, seen));
    for (const error of file.result.parseErrors) {
      notifications.push({
        level: 'warning',
        message: { text: `${error.message}; blocks with syntax errors were not checked.` },
        locations: [location(uri, rangeOf(file.lines, error.span))],
      });
    }
    for (const note of file.result.notes ?? []) {
      notifications.push({ level: 'note', message: { text: note.message }, locations: [location(uri, rangeOf(file.lines, note.span))] });
    }
    for (const error of file.result.internalErrors) {
      notifications.push({
        level: 'error',
        message: { text: `Internal error in ${error.checkId}: ${error.message}` },
        locations: [{ physicalLocation: { artifactLocation: uri } }],
        ...(ruleIndex.has(error.checkId) ? { associatedRule: { id: error.checkId, index: ruleIndex.get(error.checkId) } } : {}),
      });
    }
  }
  for (const problem of problems) {
    notifications.push({ level: 'error', message: { text: `${displayPath(problem.path, cwd)}: ${problem.message}` } });
  }
  const isSuccessful = problems.length === 0 && files.every((file) => file.result.internalErrors.length === 0);
  const log: Log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Port Warden',
          version,
          semanticVersion: version,
          informationUri: REPOSITORY_URL,
          rules: sources.map(toRule),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
      invocations: [{ executionSuccessful: isSuccessful, toolExecutionNotifications: notifications }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function fromCheck(check: Check): RuleSource {
  return { id: check.id, title: check.title, severity: check.severity, why: check.docs.why, howToFix: check.docs.howToFix, fixable: check.fixable };
}

function toRule(source: RuleSource): ReportingDescriptor {
  return {
    id: source.id,
    name: pascalCase(source.id),
    shortDescription: { text: source.title },
    fullDescription: { text: source.why },
    help: { text: source.howToFix, markdown: source.howToFix },
    helpUri: docsUrl(source.id),
    defaultConfiguration: { level: LEVEL[source.severity] },
    properties: { tags: ['security', 'network'], fixable: source.fixable },
  };
}

function toResult(finding: Finding, file: FileReport, uri: ArtifactUri, ruleIndex: ReadonlyMap<string, number>, seen: Map<string, number>): Result {
  const index = ruleIndex.get(finding.checkId);
  const result: Result = {
    ruleId: finding.checkId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(uri, rangeOf(file.lines, finding.span))],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, file, uri, seen) },
  };
  if (finding.fixes.length > 0) {
    result.fixes = finding.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [{
        artifactLocation: uri,
        replacements: fix.edits.map((edit) => ({
          deletedRegion: region(rangeOf(file.lines, edit.span)),
          insertedContent: { text: edit.newText },
        })),
      }],
      ...(fix.preferred ? { properties: { preferred: true } } : {}),
    }));
  }
  return result;
}

/**
 * Stable while lines move: the check, the file, the resource and the flagged text, plus a counter
 * for identical findings in one file.
 */
function fingerprint(finding: Finding, file: FileReport, uri: ArtifactUri, seen: Map<string, number>): string {
  const key = [finding.checkId, uri.uri, finding.subject?.address ?? '', finding.subject?.direction ?? '', file.text.slice(finding.span.start, finding.span.end)].join('\u0000');
  const occurrence = (seen.get(key) ?? 0) + 1;
  seen.set(key, occurrence);
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
}

interface ArtifactUri {
  readonly uri: string;
  readonly uriBaseId?: string;
}

function artifactUri(path: string, cwd: string): ArtifactUri {
  if (isAbsolute(displayPath(path, cwd))) return { uri: pathToFileURL(path).href };
  return { uri: portablePath(path, cwd).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function location(uri: ArtifactUri, range: Range1): NonNullable<Result['locations']>[number] {
  return { physicalLocation: { artifactLocation: uri, region: region(range) } };
}

function region(range: Range1): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

function pascalCase(id: string): string {
  return id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}
