import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, findAdapter, lintDocument, LineMap, type LintResult } from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';

/*
 * Conformance with KICS's own fixtures (issue 7, section 1). Every fixture file is linted on its
 * own, in process, and compared with KICS's verdict; each difference must be explained in
 * kics-disagreements.json, and an entry that no longer disagrees fails the test too.
 * KICS_UPDATE=1 rewrites the table, keeping every existing reason and marking new rows
 * "not yet reviewed" (a reviewer then reads the fixture and writes the reason).
 * An expected (file, line) is matched by a finding of a mapped check on that line, inside the
 * block that starts on that line, or whose rule (NetworkRule.span) contains that line.
 */

// Compiled to out/test/conformance/: the repository root is three levels up, shared/ beside it.
const ROOT = join(__dirname, '..', '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'kics');
const TABLE = join(ROOT, 'test', 'conformance', 'kics-disagreements.json');
const TODAY = '2026-11-23';

type Relation = 'same' | 'ours-narrower' | 'ours-wider' | 'related';
type Kind = 'missed-positive' | 'flagged-negative' | 'verdict';

interface Query {
  readonly dir: string;
  readonly platform: string;
  readonly portwarden: readonly string[];
  readonly relation: Relation;
  readonly positiveFiles: readonly string[];
  readonly negativeFiles: readonly string[];
}

interface Disagreement {
  readonly fixture: string;
  readonly kind: Kind;
  readonly kics: string;
  readonly ours: string;
  readonly why: string;
}

interface FileOutcome {
  readonly platform: string;
  readonly relation: Relation;
  /** Whether we report one of the query's mapped checks on this file. */
  readonly flagged: boolean;
  readonly internalErrors: readonly string[];
  readonly fixture: string;
  /** Undefined when we agree with KICS on this file. */
  readonly disagreement?: Omit<Disagreement, 'why'>;
}

/** KICS spells the key fileName or filename, and leaves it out when a query has one positive file. */
function expectedLines(query: Query): Map<string, Set<number>> {
  const raw = JSON.parse(readFileSync(join(CORPUS, query.dir, 'test', 'positive_expected_result.json'), 'utf8')) as Record<string, unknown>[];
  const byFile = new Map<string, Set<number>>();
  for (const entry of raw) {
    const key = Object.keys(entry).find((name) => name.toLowerCase() === 'filename');
    const file = key ? String(entry[key]) : query.positiveFiles.length === 1 ? query.positiveFiles[0] : undefined;
    assert.ok(file, `${query.dir}: an expected result names no file and the query has several positives`);
    const lines = byFile.get(file) ?? new Set<number>();
    lines.add(Number(entry.line));
    byFile.set(file, lines);
  }
  return byFile;
}

interface Lines { readonly first: number; readonly last: number } // 1-based, inclusive

/**
 * The lines of the block that starts on `line` (1-based): a brace or bracket block opened on
 * that line, or the lines indented deeper than it (YAML). A line that opens nothing is its own block.
 */
function blockAt(textLines: readonly string[], line: number): Lines {
  const start = textLines[line - 1] ?? '';
  let depth = 0;
  let opened = false;
  for (let i = line - 1; i < textLines.length; i++) {
    const code = textLines[i].replace(/(^|\s)(#|\/\/).*$/, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const char of code) {
      if (char === '{' || char === '[' || char === '(') { depth++; opened = true; }
      else if (char === '}' || char === ']' || char === ')') depth--;
    }
    if (!opened) break;
    if (depth <= 0) return { first: line, last: i + 1 };
  }
  if (opened) return { first: line, last: textLines.length };
  // Indentation block: a YAML key or list item owns the deeper-indented lines after it.
  const indent = (text: string): number => {
    const match = /^(\s*)(- )?/.exec(text);
    return match ? match[1].length + (match[2] ? 2 : 0) : 0;
  };
  const isItem = /^\s*- /.test(start);
  const own = isItem ? indent(start) - 2 : indent(start);
  // YAML lets a key's list items sit at the key's own indentation (`Ingress:` then `- Port: 22`).
  const isKeyOpeningList = !isItem && /:\s*$/.test(start);
  let last = line;
  for (let i = line; i < textLines.length; i++) {
    const text = textLines[i];
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    const depth = /^\s*/.exec(text)![0].length;
    if (depth < own || (depth === own && !(isKeyOpeningList && /^\s*- /.test(text)))) break;
    last = i + 1;
  }
  return { first: line, last };
}

function lint(path: string, text: string): LintResult | undefined {
  if (!findAdapter(path, text)) return undefined;
  return lintDocument({ text, path, settings: DEFAULT_SETTINGS, today: TODAY });
}

function judge(query: Query, file: string, expected: Set<number> | undefined): FileOutcome {
  const fixture = `${query.dir}/test/${file}`;
  const text = readFileSync(join(CORPUS, fixture), 'utf8');
  const result = lint(fixture, text);
  const mapped = new Set(query.portwarden);
  const findings = (result?.findings ?? []).filter((finding) => mapped.has(finding.checkId));
  const lineMap = new LineMap(text);
  const spans = findings.map((finding) => ({
    id: finding.checkId,
    first: lineMap.positionAt(finding.span.start).line + 1,
    last: lineMap.positionAt(Math.max(finding.span.start, finding.span.end - 1)).line + 1,
    // The rule the finding is about: KICS may anchor on another attribute of that same rule.
    ruleFirst: finding.rule ? lineMap.positionAt(finding.rule.span.start).line + 1 : 0,
    ruleLast: finding.rule ? lineMap.positionAt(Math.max(finding.rule.span.start, finding.rule.span.end - 1)).line + 1 : -1,
  }));
  const flagged = spans.length > 0;
  const oursText = flagged
    ? `reports ${[...new Set(spans.map((span) => `${span.id} on line ${span.first}`))].join(', ')}`
    : result ? `no ${query.portwarden.join('/') || 'mapped'} finding` : 'no adapter reads this file';
  const isPositive = expected !== undefined;
  const kicsText = isPositive ? `flags line${expected.size > 1 ? 's' : ''} ${[...expected].sort((a, b) => a - b).join(', ')}` : 'no result (negative)';
  const internalErrors = (result?.internalErrors ?? []).map((error) => `${error.checkId}: ${error.message}`);
  const base = { platform: query.platform, relation: query.relation, flagged, internalErrors, fixture };

  if (isPositive && (query.relation === 'same' || query.relation === 'ours-wider')) {
    const textLines = text.split(/\r\n|\r|\n/);
    const missed = [...expected].sort((a, b) => a - b).filter((line) => {
      const block = blockAt(textLines, line);
      return !spans.some((span) => (span.first <= line && line <= span.last)
        || (block.first <= span.first && span.last <= block.last)
        || (span.ruleFirst <= line && line <= span.ruleLast));
    });
    if (missed.length === 0) return base;
    return { ...base, disagreement: { fixture, kind: 'missed-positive', kics: kicsText, ours: `${oursText}; nothing on or inside line${missed.length > 1 ? 's' : ''} ${missed.join(', ')}` } };
  }
  if (!isPositive && (query.relation === 'same' || query.relation === 'ours-narrower')) {
    return flagged ? { ...base, disagreement: { fixture, kind: 'flagged-negative', kics: kicsText, ours: oursText } } : base;
  }
  // ours-narrower positives, ours-wider negatives and every related file: a verdict per file.
  if (isPositive === flagged) return base;
  return { ...base, disagreement: { fixture, kind: 'verdict', kics: kicsText, ours: oursText } };
}

test('KICS conformance: every difference from KICS is in the disagreement table', async () => {
  assert.ok(existsSync(join(CORPUS, 'index.json')),
    `KICS corpus not found at ${CORPUS}: clone the shared corpus beside the repository (../shared/corpus/kics)`);
  await ready();
  const queries = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as Query[];
  const outcomes: FileOutcome[] = [];
  for (const query of queries) {
    const expected = expectedLines(query);
    for (const file of expected.keys()) assert.ok(query.positiveFiles.includes(file), `${query.dir}: expected results name ${file}, not a positive file`);
    for (const file of query.positiveFiles) {
      const lines = expected.get(file);
      assert.ok(lines, `${query.dir}: positive file ${file} has no expected result`);
      outcomes.push(judge(query, file, lines));
    }
    for (const file of query.negativeFiles) outcomes.push(judge(query, file, undefined));
  }

  const found = outcomes.flatMap((outcome) => outcome.disagreement ? [outcome.disagreement] : []);
  const table = existsSync(TABLE) ? JSON.parse(readFileSync(TABLE, 'utf8')) as Disagreement[] : [];
  const key = (entry: { fixture: string; kind: Kind }): string => `${entry.kind} ${entry.fixture}`;
  const known = new Map(table.map((entry) => [key(entry), entry]));

  if (process.env.KICS_UPDATE === '1') {
    const rows = found.map((entry) => ({ ...entry, why: known.get(key(entry))?.why ?? 'not yet reviewed' }));
    writeFileSync(TABLE, `${JSON.stringify(rows, null, 2)}\n`);
  }

  // Agreement per platform and overall: a fixture file agrees when it has no disagreement.
  const platforms = [...new Set(outcomes.map((outcome) => outcome.platform))];
  for (const platform of platforms) {
    const files = outcomes.filter((outcome) => outcome.platform === platform);
    console.log(`${platform}: agrees on ${files.filter((outcome) => !outcome.disagreement).length} of ${files.length} fixture files`);
  }
  for (const relation of ['same', 'ours-wider', 'ours-narrower', 'related'] as const) {
    const files = outcomes.filter((outcome) => outcome.relation === relation);
    console.log(`  ${relation}: agrees on ${files.filter((outcome) => !outcome.disagreement).length} of ${files.length} (we flag ${files.filter((outcome) => outcome.flagged).length})`);
  }
  const agreeing = outcomes.filter((outcome) => !outcome.disagreement).length;
  const unreviewed = table.filter((entry) => entry.why === 'not yet reviewed').length;
  console.log(`overall: agrees with KICS on ${agreeing} of ${outcomes.length} fixture files; ${found.length} differences (${unreviewed} not yet reviewed)`);

  // Whatever the verdict, every fixture must be read without an internal error.
  const crashes = outcomes.flatMap((outcome) => outcome.internalErrors.map((error) => `${outcome.fixture}: ${error}`));
  assert.deepEqual(crashes, [], 'internal errors while linting KICS fixtures');
  assert.equal(known.size, table.length, 'kics-disagreements.json lists a fixture twice');
  const foundKeys = new Set(found.map(key));
  const missing = found.filter((entry) => !known.has(key(entry))).map((entry) => `${key(entry)}: KICS ${entry.kics}; we ${entry.ours}`);
  const stale = table.filter((entry) => !foundKeys.has(key(entry))).map(key);
  assert.deepEqual(missing, [], 'disagreements with KICS missing from test/conformance/kics-disagreements.json');
  assert.deepEqual(stale, [], 'entries in test/conformance/kics-disagreements.json that no longer disagree (remove them)');
  for (const entry of table) {
    assert.ok(entry.why.trim().length > 0, `${key(entry)}: explain why`);
  }
});
