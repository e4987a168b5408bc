import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github';
import { formatJson } from '../../server/src/cli/formatters/json';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import type { FileReport, FormatInput } from '../../server/src/cli/formatters/types';
import { LineMap, type Check, type Finding, type LintResult } from '../../server/src/engine/index';

const CWD = join('/', 'work', 'repo');
const TEXT = [
  'resource "aws_security_group" "web" {',
  '  ingress {',
  '    from_port   = 0',
  '    to_port     = 65535',
  '    cidr_blocks = ["0.0.0.0/0"]',
  '  }',
  '}',
  '',
].join('\n');

function spanOf(needle: string): { start: number; end: number } {
  const start = TEXT.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

const WIDE: Finding = {
  checkId: 'full-range-exposure',
  severity: 'error',
  message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
  span: { start: spanOf('0\n').start, end: spanOf('65535').end },
  fixes: [{ title: 'Narrow port range to 443', preferred: true, edits: [{ span: { start: spanOf('0\n').start, end: spanOf('0\n').start + 1 }, newText: '443' }, { span: spanOf('65535'), newText: '443' }] }],
  related: [],
};
const OWNER: Finding = {
  checkId: 'missing-owner',
  severity: 'warning',
  message: 'aws_security_group.web has no owner tag',
  span: spanOf('resource "aws_security_group" "web"'),
  fixes: [],
  related: [],
};
const NOTE: Finding = {
  checkId: 'missing-owner',
  severity: 'info',
  message: 'Line one: 100%\r\nline, two',
  span: spanOf('"0.0.0.0/0"'),
  fixes: [],
  related: [],
};

function result(findings: readonly Finding[], extra: Partial<LintResult> = {}): LintResult {
  return { format: 'terraform', rules: [], findings, suppressedCount: 0, parseErrors: [], internalErrors: [], ...extra };
}

function report(name: string, findings: readonly Finding[], extra: Partial<LintResult> = {}): FileReport {
  return { path: join(CWD, name), text: TEXT, lines: new LineMap(TEXT), result: result(findings, extra) };
}

function fakeCheck(id: string, severity: Check['severity']): Check {
  return {
    id,
    title: `Title of ${id}`,
    severity,
    fixable: id === 'full-range-exposure',
    messages: { only: 'message' },
    docs: { why: `Why ${id} matters.`, howToFix: `How to fix ${id}.`, example: 'examples/x.tf' },
    run: () => undefined,
  };
}

function input(files: readonly FileReport[], extra: Partial<FormatInput> = {}): FormatInput {
  return {
    files,
    problems: [],
    cwd: CWD,
    color: false,
    version: '1.2.3',
    checks: [fakeCheck('full-range-exposure', 'error'), fakeCheck('missing-owner', 'warning')],
    ...extra,
  };
}

const BOTH = [report(join('infra', 'main.tf'), [OWNER, WIDE]), report('clean.tf', [])];

describe('stylish', () => {
  it('groups by file, aligns columns and sums up', () => {
    assert.equal(formatStylish(input(BOTH)), [
      '',
      join('infra', 'main.tf'),
      '  1:1   warning  aws_security_group.web has no owner tag       missing-owner',
      '  3:19  error    65,536 ports (0-65535) are open to 0.0.0.0/0  full-range-exposure',
      '',
      '✖ 2 problems (1 error, 1 warning)',
      '',
    ].join('\n'));
  });

  it('counts infos only when there are some, and uses the singular for one', () => {
    assert.equal(formatStylish(input([report('a.tf', [NOTE])])), [
      '',
      'a.tf',
      '  5:20  info  Line one: 100%\r\nline, two  missing-owner',
      '',
      '✖ 1 problem (0 errors, 0 warnings, 1 info)',
      '',
    ].join('\n'));
  });

  it('prints nothing for clean files', () => {
    assert.equal(formatStylish(input([report('clean.tf', [])])), '');
  });

  it('shows a path outside the working directory as it is', () => {
    const outside = { ...report('x.tf', [OWNER]), path: join('/', 'elsewhere', 'x.tf') };
    assert.equal(formatStylish(input([outside])).split('\n')[1], join('/', 'elsewhere', 'x.tf'));
  });

  it('colors only when asked to', () => {
    const colored = formatStylish(input(BOTH, { color: true }));
    assert.ok(colored.includes('\u001b[31merror'), colored);
    assert.ok(colored.includes('\u001b[33mwarning'), colored);
    assert.equal(colored.replace(/\u001b\[\d+m/g, ''), formatStylish(input(BOTH)));
  });
});

describe('json', () => {
  it('prints one array entry per file with 1-based ranges, fixes with offsets, errors and notes', () => {
    const broken = report('broken.tf', [], {
      parseErrors: [{ message: 'Syntax error', span: { start: 11, end: 11 } }],
      internalErrors: [{ checkId: 'missing-owner', message: 'boom', stack: 'Error: boom\n    at x' }],
      notes: [{ message: 'Port 65536 is outside 0-65535', span: { start: 2, end: 7 } }],
    });
    const expected = [
      {
        filePath: join(CWD, 'infra', 'main.tf'),
        findings: [
          { checkId: 'missing-owner', severity: 'warning', message: 'aws_security_group.web has no owner tag', line: 1, column: 1, endLine: 1, endColumn: 36, fixes: [] },
          {
            checkId: 'full-range-exposure', severity: 'error', message: '65,536 ports (0-65535) are open to 0.0.0.0/0', line: 3, column: 19, endLine: 4, endColumn: 24,
            fixes: [{
              title: 'Narrow port range to 443',
              preferred: true,
              edits: [
                { line: 3, column: 19, endLine: 3, endColumn: 20, start: 68, end: 69, newText: '443' },
                { line: 4, column: 19, endLine: 4, endColumn: 24, start: 88, end: 93, newText: '443' },
              ],
            }],
          },
        ],
        parseErrors: [],
        notes: [],
        internalErrors: [],
      },
      { filePath: join(CWD, 'clean.tf'), findings: [], parseErrors: [], notes: [], internalErrors: [] },
      {
        filePath: join(CWD, 'broken.tf'),
        findings: [],
        parseErrors: [{ message: 'Syntax error', line: 1, column: 12, endLine: 1, endColumn: 12 }],
        notes: [{ message: 'Port 65536 is outside 0-65535', line: 1, column: 3, endLine: 1, endColumn: 8 }],
        internalErrors: [{ checkId: 'missing-owner', message: 'boom' }],
      },
    ];
    assert.equal(formatJson(input([...BOTH, broken])), `${JSON.stringify(expected)}\n`);
  });

  it('prints an empty array when no file was linted', () => {
    assert.equal(formatJson(input([])), '[]\n');
  });
});

describe('github', () => {
  it('prints one annotation per finding with the check id as title, and columns only within one line', () => {
    assert.equal(formatGithub(input([...BOTH, report('notes.tf', [NOTE])])), [
      '::warning file=infra/main.tf,line=1,col=1,endLine=1,endColumn=36,title=missing-owner::aws_security_group.web has no owner tag',
      '::error file=infra/main.tf,line=3,endLine=4,title=full-range-exposure::65,536 ports (0-65535) are open to 0.0.0.0/0',
      '::notice file=notes.tf,line=5,col=20,endLine=5,endColumn=31,title=missing-owner::Line one: 100%25%0D%0Aline, two',
      '',
    ].join('\n'));
  });

  it('escapes data and properties as @actions/core does', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir,name:x%\n.tf'), 'dir%2Cname%3Ax%25%0A.tf');
  });

  it('prints nothing when there are no findings', () => {
    assert.equal(formatGithub(input([report('clean.tf', [])])), '');
  });
});

describe('sarif', () => {
  it('prints a SARIF 2.1.0 log with rules, results, fixes and notifications', () => {
    const broken = report('broken file.tf', [], {
      parseErrors: [{ message: 'Syntax error', span: { start: 11, end: 11 } }],
      internalErrors: [{ checkId: 'missing-owner', message: 'boom' }],
      notes: [{ message: 'Port 65536 is outside 0-65535', span: { start: 2, end: 7 } }],
    });
    const text = formatSarif(input([...BOTH, broken], { problems: [{ path: join(CWD, 'gone.tf'), message: 'it does not exist (ENOENT)' }] }));
    const rule = (id: string, name: string, level: string, fixable: boolean): unknown => ({
      id,
      name,
      shortDescription: { text: `Title of ${id}` },
      fullDescription: { text: `Why ${id} matters.` },
      help: { text: `How to fix ${id}.`, markdown: `How to fix ${id}.` },
      helpUri: `https://github.com/portwarden/portwarden/blob/main/docs/checks/${id}.md`,
      defaultConfiguration: { level },
      properties: { tags: ['security', 'network'], fixable },
    });
    const mainTf = { uri: 'infra/main.tf', uriBaseId: '%SRCROOT%' };
    // Fingerprints are pinned on purpose: code scanning tracks alerts by them, so a change must be deliberate.
    const expected = {
      $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
      version: '2.1.0',
      runs: [{
        tool: {
          driver: {
            name: 'Port Warden',
            version: '1.2.3',
            semanticVersion: '1.2.3',
            informationUri: 'https://github.com/portwarden/portwarden',
            rules: [
              rule('full-range-exposure', 'FullRangeExposure', 'error', true),
              rule('missing-owner', 'MissingOwner', 'warning', false),
              {
                id: 'invalid-suppression',
                name: 'InvalidSuppression',
                shortDescription: { text: 'Malformed suppression comment' },
                fullDescription: { text: 'A portwarden-ignore comment that names no check or gives no reason suppresses nothing, so the finding it was meant for is still reported and the intent is lost.' },
                help: {
                  text: 'Write "portwarden-ignore <check-id>: <why this is acceptable>" on the line of the finding or the line above.',
                  markdown: 'Write "portwarden-ignore <check-id>: <why this is acceptable>" on the line of the finding or the line above.',
                },
                helpUri: 'https://github.com/portwarden/portwarden/blob/main/docs/checks/invalid-suppression.md',
                defaultConfiguration: { level: 'warning' },
                properties: { tags: ['security', 'network'], fixable: false },
              },
            ],
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///work/repo/' } },
        invocations: [{
          executionSuccessful: false,
          toolExecutionNotifications: [
            {
              level: 'warning',
              message: { text: 'Syntax error; blocks with syntax errors were not checked.' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'broken%20file.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 12, endLine: 1, endColumn: 12 } } }],
            },
            {
              level: 'note',
              message: { text: 'Port 65536 is outside 0-65535' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'broken%20file.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 3, endLine: 1, endColumn: 8 } } }],
            },
            {
              level: 'error',
              message: { text: 'Internal error in missing-owner: boom' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'broken%20file.tf', uriBaseId: '%SRCROOT%' } } }],
              associatedRule: { id: 'missing-owner', index: 1 },
            },
            { level: 'error', message: { text: 'gone.tf: it does not exist (ENOENT)' } },
          ],
        }],
        columnKind: 'utf16CodeUnits',
        results: [
          {
            ruleId: 'missing-owner',
            ruleIndex: 1,
            level: 'warning',
            message: { text: 'aws_security_group.web has no owner tag' },
            locations: [{ physicalLocation: { artifactLocation: mainTf, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 36 } } }],
            partialFingerprints: { 'portwarden/v1': '88b032c8730264f3ed8e4e2949b0b503:1' },
          },
          {
            ruleId: 'full-range-exposure',
            ruleIndex: 0,
            level: 'error',
            message: { text: '65,536 ports (0-65535) are open to 0.0.0.0/0' },
            locations: [{ physicalLocation: { artifactLocation: mainTf, region: { startLine: 3, startColumn: 19, endLine: 4, endColumn: 24 } } }],
            partialFingerprints: { 'portwarden/v1': 'f82637696f5bd4363377741f689be3b5:1' },
            fixes: [{
              description: { text: 'Narrow port range to 443' },
              artifactChanges: [{
                artifactLocation: mainTf,
                replacements: [
                  { deletedRegion: { startLine: 3, startColumn: 19, endLine: 3, endColumn: 20 }, insertedContent: { text: '443' } },
                  { deletedRegion: { startLine: 4, startColumn: 19, endLine: 4, endColumn: 24 }, insertedContent: { text: '443' } },
                ],
              }],
              properties: { preferred: true },
            }],
          },
        ],
      }],
    };
    assert.equal(text, `${JSON.stringify(expected, null, 2)}\n`);
  });

  it('keeps fingerprints when lines move and tells identical findings apart', () => {
    const fingerprints = (log: string): string[] => JSON.parse(log).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['portwarden/v1']);
    const moved = `# a new first line\n${TEXT}`;
    const shift = (finding: Finding): Finding => ({ ...finding, span: { start: finding.span.start + 19, end: finding.span.end + 19 }, fixes: [] });
    const before = fingerprints(formatSarif(input([report('a.tf', [OWNER, WIDE])])));
    const after = fingerprints(formatSarif(input([{ ...report('a.tf', [shift(OWNER), shift(WIDE)]), text: moved, lines: new LineMap(moved) }])));
    assert.deepEqual(after, before);
    const twice = fingerprints(formatSarif(input([report('a.tf', [OWNER, OWNER])])));
    assert.notEqual(twice[0], twice[1]);
    assert.equal(twice[0].split(':')[0], twice[1].split(':')[0]);
  });
});
