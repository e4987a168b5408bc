import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyEdits } from '../engine/apply-edits';
import type { Check } from '../engine/checks/define-check';
import { lintDocument, LineMap, DEFAULT_SETTINGS, type Finding, type Settings } from '../engine/index';
import { ready } from './engine';
import type { TaggedCode } from './tags';

export interface ExpectedFix {
  readonly title: string;
  /** The whole document after applying the fix. */
  readonly output: TaggedCode;
  readonly preferred?: boolean;
}

export interface ExpectedFinding {
  readonly message: string;
  /** Lines and columns count from 1; endColumn is exclusive, as an editor shows them. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Every fix except the generic "Ignore" one, in order. Omit to skip checking fixes. */
  readonly fixes?: readonly ExpectedFix[];
}

export interface ValidCase {
  readonly name: string;
  readonly code: TaggedCode;
  readonly settings?: Partial<Settings>;
  readonly today?: string;
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
}

const TODAY = '2026-11-23';

function lint(check: Check, testCase: ValidCase, text = testCase.code.text) {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...testCase.settings };
  const result = lintDocument({ text, path: testCase.code.path, format: testCase.code.format, settings, today: testCase.today ?? TODAY, freezeModel: true });
  assert.deepEqual(result.internalErrors, [], `internal errors in ${check.id}`);
  return { result, own: result.findings.filter((finding) => finding.checkId === check.id) };
}

function describeFinding(finding: Finding, lines: LineMap) {
  const start = lines.positionAt(finding.span.start);
  const end = lines.positionAt(finding.span.end);
  return { message: finding.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/**
 * Runs a check's table: valid cases must report nothing, invalid cases exactly the findings
 * given, with exact ranges; each fix must change the text, keep it parseable and clear the finding.
 */
export function testCheck(check: Check, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(check.id, () => {
    before(ready);

    it('has docs, a title and an example', () => {
      assert.match(check.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(check.title.length > 0 && check.docs.why.length > 0 && check.docs.howToFix.length > 0);
      assert.ok(check.docs.example.startsWith('examples/'));
    });

    it('has no duplicate cases', () => {
      const texts = [...cases.valid, ...cases.invalid].map((c) => JSON.stringify([c.code.text, c.settings ?? {}, c.today ?? '']));
      assert.equal(new Set(texts).size, texts.length, 'two cases share the same code and settings');
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'a check needs cases that must and must not report');
    });

    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        const { own } = lint(check, testCase);
        const lines = new LineMap(testCase.code.text);
        assert.deepEqual(own.map((finding) => describeFinding(finding, lines)), []);
      });
    }

    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const { result, own } = lint(check, testCase);
        const lines = new LineMap(testCase.code.text);
        assert.deepEqual(
          own.map((finding) => describeFinding(finding, lines)),
          testCase.findings.map(({ message, line, column, endLine, endColumn }) => ({ message, line, column, endLine, endColumn })),
        );
        testCase.findings.forEach((expected, i) => {
          if (!expected.fixes) return;
          const fixes = own[i].fixes.filter((fix) => !fix.title.startsWith('Ignore '));
          assert.deepEqual(fixes.map((fix) => fix.title), expected.fixes.map((fix) => fix.title), 'fix titles');
          fixes.forEach((fix, j) => {
            const output = applyEdits(testCase.code.text, fix.edits);
            assert.notEqual(output, testCase.code.text, `fix "${fix.title}" changes nothing`);
            assert.equal(output, expected.fixes![j].output.text, `output of "${fix.title}"`);
            assert.equal(fix.preferred ?? false, expected.fixes![j].preferred ?? false, `preferred flag of "${fix.title}"`);
            const after = lint(check, testCase, output);
            assert.ok(after.result.parseErrors.length <= result.parseErrors.length, `fix "${fix.title}" introduces a syntax error`);
            assert.ok(after.own.length < own.length, `fix "${fix.title}" leaves the finding in place`);
          });
        });
      });
    }
  });
}
