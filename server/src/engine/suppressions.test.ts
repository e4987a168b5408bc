import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { dedent } from '../testing/tags';
import { ready } from '../testing/engine';
import { applyEdits } from './apply-edits';
import type { Finding } from './findings';
import { lintDocument, SUPPRESSION_CHECK_ID, type LintResult } from './lint';
import { LineMap } from './model/span';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const TODAY = '2026-11-23';

function lint(text: string, settings: Partial<Settings> = {}): LintResult {
  const result = lintDocument({ text, path: 'main.tf', settings: { ...DEFAULT_SETTINGS, ...settings }, today: TODAY, freezeModel: true });
  assert.deepEqual(result.internalErrors, []);
  return result;
}

/** `check-id line:column` for each finding, counted from 1 as an editor shows them. */
function where(text: string, findings: readonly Finding[]): string[] {
  const lines = new LineMap(text);
  return findings.map((finding) => {
    const { line, character } = lines.positionAt(finding.span.start);
    return `${finding.checkId} ${line + 1}:${character + 1}`;
  });
}

/**
 * SSH from anywhere in a group that has an owner, so the admin port is the only finding. `portLines`
 * go where `from_port` goes (line 3 when nothing is `above`), indented four spaces.
 */
function bastion(portLines: readonly string[], above: readonly string[] = []): string {
  return [
    ...above,
    'resource "aws_security_group" "bastion" {',
    '  ingress {',
    ...portLines.map((line) => `    ${line}`),
    '    to_port     = 22',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '  tags = { owner = "ops" }',
    '}',
    '',
  ].join('\n');
}

const FROM_PORT = 'from_port   = 22';

describe('suppressions', () => {
  before(ready);

  it('the unsuppressed document has one finding', () => {
    const text = bastion([FROM_PORT]);
    const result = lint(text);
    assert.deepEqual(where(text, result.findings), ['admin-port-exposed 3:5']);
    assert.equal(result.suppressedCount, 0);
  });

  it('applies on the same line', () => {
    const result = lint(bastion(['from_port   = 22 # portwarden-ignore admin-port-exposed: bastion host, keys only']));
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressedCount, 1);
  });

  it('applies on the line above', () => {
    const result = lint(bastion(['# portwarden-ignore admin-port-exposed: bastion host, keys only', FROM_PORT]));
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressedCount, 1);
  });

  it('accepts // comments', () => {
    const result = lint(bastion(['// portwarden-ignore admin-port-exposed: bastion host, keys only', FROM_PORT]));
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressedCount, 1);
  });

  it('accepts several check ids, and a reason that holds a colon', () => {
    const result = lint(bastion(['# portwarden-ignore missing-owner, admin-port-exposed: see https://wiki.example/bastion', FROM_PORT]));
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressedCount, 1);
  });

  it('suppresses findings of different checks with one comment', () => {
    const text = dedent(`
      resource "aws_security_group" "vendor" {
        ingress {
          description = "vendor support, expires=2026-01-31" # portwarden-ignore expired-rule,admin-port-exposed: renewal agreed in OPS-42
          from_port   = 22
          to_port     = 22
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        tags = { owner = "ops" }
      }`);
    const result = lint(text);
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressedCount, 2);
  });

  it('does not apply to a check it does not name', () => {
    const text = bastion(['# portwarden-ignore full-range-exposure: not this one', FROM_PORT]);
    const result = lint(text);
    assert.deepEqual(where(text, result.findings), ['admin-port-exposed 4:5']);
    assert.equal(result.suppressedCount, 0);
  });

  it('a misspelled check id is reported, and the ids it names correctly still apply', () => {
    const text = bastion(['# portwarden-ignore admin-port-exposd, admin-port-exposed: bastion host', FROM_PORT]);
    const result = lint(text);
    assert.deepEqual(where(text, result.findings), ['invalid-suppression 3:5']);
    assert.equal(result.findings[0].message, 'Suppression names unknown check "admin-port-exposd".');
    assert.equal(result.suppressedCount, 1);
  });

  it('`all` applies to every check', () => {
    const text = dedent(`
      resource "aws_security_group_rule" "lab" { # portwarden-ignore all: lab account, torn down nightly
        from_port         = 22
        to_port           = 22
        type              = "ingress"
        protocol          = "tcp"
        cidr_blocks       = ["0.0.0.0/0"]
        security_group_id = aws_security_group.lab.id
      }
      resource "aws_security_group" "lab" {}`);
    const withoutComment = text.replace(/ #.*/, '');
    assert.deepEqual(where(withoutComment, lint(withoutComment).findings), ['missing-owner 1:1', 'admin-port-exposed 2:3']);
    const result = lint(text);
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressedCount, 2);
  });

  it('does not apply two lines below the comment', () => {
    const text = bastion([FROM_PORT], ['# portwarden-ignore all: too far away']);
    const result = lint(text);
    assert.deepEqual(where(text, result.findings), ['admin-port-exposed 4:5']);
    assert.equal(result.suppressedCount, 0);
  });

  it('a suppression without a reason is reported and does not suppress', () => {
    for (const comment of ['# portwarden-ignore admin-port-exposed', '# portwarden-ignore admin-port-exposed:   ']) {
      const text = bastion([comment, FROM_PORT]);
      const result = lint(text);
      assert.deepEqual(where(text, result.findings), ['invalid-suppression 3:5', 'admin-port-exposed 4:5'], comment);
      const [problem] = result.findings;
      assert.equal(problem.checkId, SUPPRESSION_CHECK_ID);
      assert.equal(problem.severity, 'warning');
      assert.equal(problem.message, 'Suppression of admin-port-exposed has no reason: add ": <why this is acceptable>".');
      assert.equal(text.slice(problem.span.start, problem.span.end), comment.trimEnd());
      assert.deepEqual(problem.fixes, []);
      assert.equal(result.suppressedCount, 0);
    }
  });

  it('a suppression that names no check is reported and does not suppress', () => {
    const text = bastion(['# portwarden-ignore: bastion host', FROM_PORT]);
    const result = lint(text);
    assert.deepEqual(where(text, result.findings), ['invalid-suppression 3:5', 'admin-port-exposed 4:5']);
    assert.equal(result.findings[0].message, 'Suppression names no check: write "portwarden-ignore <check-id>: <reason>".');
    assert.equal(result.suppressedCount, 0);
  });

  it('invalid-suppression follows its severity setting', () => {
    const text = bastion(['# portwarden-ignore admin-port-exposed', FROM_PORT]);
    assert.deepEqual(lint(text, { checks: { [SUPPRESSION_CHECK_ID]: 'error' } }).findings.map((finding) => finding.severity), ['error', 'error']);
    assert.deepEqual(where(text, lint(text, { checks: { [SUPPRESSION_CHECK_ID]: 'off' } }).findings), ['admin-port-exposed 4:5']);
  });

  it('works with CRLF line endings', () => {
    const plain = bastion([FROM_PORT]);
    const crlf = plain.replace(/\n/g, '\r\n');
    assert.deepEqual(where(crlf, lint(crlf).findings), ['admin-port-exposed 3:5']);
    const above = bastion(['# portwarden-ignore admin-port-exposed: bastion host', FROM_PORT]).replace(/\n/g, '\r\n');
    assert.deepEqual(lint(above).findings, []);
    const sameLine = bastion(['from_port   = 22 # portwarden-ignore admin-port-exposed: bastion host']).replace(/\n/g, '\r\n');
    assert.deepEqual(lint(sameLine).findings, []);
    const twoAbove = bastion([FROM_PORT], ['# portwarden-ignore all: too far away']).replace(/\n/g, '\r\n');
    assert.deepEqual(where(twoAbove, lint(twoAbove).findings), ['admin-port-exposed 4:5']);
  });

  it('every finding offers an "Ignore" fix: a comment above it, indented like its line', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = bastion([FROM_PORT]).replace(/\n/g, eol);
      const [finding] = lint(text).findings;
      const ignore = finding.fixes.filter((fix) => fix.title.startsWith('Ignore '));
      assert.equal(ignore.length, 1);
      assert.equal(ignore[0].title, 'Ignore admin-port-exposed on this line (with a reason)');
      assert.equal(ignore[0].preferred ?? false, false, 'ignoring is never the preferred fix');
      const output = applyEdits(text, ignore[0].edits);
      assert.equal(output, bastion(['# portwarden-ignore admin-port-exposed: TODO reason', FROM_PORT]).replace(/\n/g, eol));
      const after = lint(output);
      assert.deepEqual(after.findings, []);
      assert.equal(after.suppressedCount, 1);
    }
  });

  it('the "Ignore" fix on an unindented line adds an unindented comment', () => {
    const text = dedent(`
      resource "aws_security_group" "web" {
        ingress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }`);
    const [finding] = lint(text).findings;
    assert.equal(finding.checkId, 'missing-owner');
    const ignore = finding.fixes.find((fix) => fix.title.startsWith('Ignore '));
    assert.ok(ignore);
    const output = applyEdits(text, ignore.edits);
    assert.equal(output, `# portwarden-ignore missing-owner: TODO reason\n${text}`);
    assert.deepEqual(lint(output).findings, []);
  });
});
