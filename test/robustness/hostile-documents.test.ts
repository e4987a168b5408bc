import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS, LineMap, type FormatId, type LintResult } from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';
import { lintChecked } from './support/invariants';
import { measure } from './support/measure';

/*
 * Named hostile inputs for the engine: alias bombs, deep nesting, huge files, and text whose
 * encoding a careless reader gets wrong. Each must come back sound (no throw, no internal error,
 * every range inside the document) within its time and memory bounds.
 */
const TODAY = '2026-11-23';
/** Bounds for one lint of a hostile document, far above what a sound engine needs (tens of ms, a few MB). */
const MAX_MS = 2000;
const MAX_GROWN_MB = 150;

function lintSound(text: string, path: string, format?: FormatId): { result: LintResult; ms: number; grownMb: number } {
  const { value, ms, grownMb } = measure(() => lintChecked({ text, path, today: TODAY, ...(format ? { format } : {}) }));
  assert.deepEqual(value.problems, [], path);
  return { result: value.result, ms, grownMb };
}

function assertBounded(run: { ms: number; grownMb: number }, what: string): void {
  assert.ok(run.ms < MAX_MS, `${what} took ${Math.round(run.ms)} ms`);
  assert.ok(run.grownMb < MAX_GROWN_MB, `${what} grew memory by ${Math.round(run.grownMb)} MB`);
}

/** "line:column-line:column check-id" of each finding, counted from 1 as the CLI prints them. */
function places(text: string, result: LintResult): string[] {
  const lines = new LineMap(text);
  return result.findings.map((finding) => {
    const start = lines.positionAt(finding.span.start);
    const end = lines.positionAt(finding.span.end);
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${finding.checkId}`;
  });
}

/** Nine anchors of nine aliases each: expanded, 9^9 (387 million) ports. */
function aliasBomb(indent: string): string {
  const lines = [`${indent}- &a0 [80, 80, 80, 80, 80, 80, 80, 80, 80]`];
  for (let level = 1; level < 9; level++) lines.push(`${indent}- &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
  return lines.join('\n');
}

describe('hostile documents (engine)', () => {
  before(ready);

  describe('a YAML alias bomb is never expanded', () => {
    const cases: readonly [string, FormatId, string][] = [
      ['bomb.yaml', 'kubernetes', `apiVersion: v1\nkind: Service\nmetadata:\n  name: bomb\nspec:\n  type: LoadBalancer\n  ports:\n${aliasBomb('    ')}\n    - port: 5432\n`],
      ['docker-compose.yml', 'compose', `services:\n  web:\n    image: nginx\n    ports:\n${aliasBomb('      ')}\n      - "5432:5432"\n`],
      ['template.yaml', 'cloudformation', `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  SG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: bomb\n      SecurityGroupIngress:\n${aliasBomb('        ')}\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n`],
    ];
    for (const [path, format, text] of cases) {
      it(`in ${format}: bounded in time and memory, and the rest of the document is still read`, () => {
        const run = lintSound(text, path, format);
        assertBounded(run, path);
        assert.ok(run.result.rules.length < 100, `${run.result.rules.length} rules: the aliases were expanded`);
        assert.ok(run.result.findings.some((finding) => finding.checkId === 'public-database' || finding.checkId === 'admin-port-exposed'), `no finding on the real port: ${places(text, run.result).join(', ')}`);
      });
    }
  });

  describe('100,000 levels of nesting', () => {
    const DEPTH = 100_000;
    const cases: readonly [string, string, FormatId][] = [
      ['YAML flow sequences', `apiVersion: v1\nkind: Service\nmetadata: {name: deep}\nspec:\n  ports: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`, 'kubernetes'],
      ['YAML flow mappings', `services:\n  web:\n    ports: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`, 'compose'],
      ['YAML block sequences', `services:\n  web:\n    ports:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(6 + i)}-`).join('\n')} 1\n`, 'compose'],
      ['JSON arrays', `{"SecurityGroups": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`, 'sg-exports'],
      ['JSON objects', `{"Resources": ${'{"a": '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`, 'cloudformation'],
      ['an unclosed JSON array', `{"SecurityGroups": ${'['.repeat(DEPTH)}`, 'sg-exports'],
      ['HCL tuples', `resource "aws_security_group_rule" "deep" {\n  cidr_blocks = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n}\n`, 'terraform'],
      ['HCL objects', `locals {\n  x = ${'{ a = '.repeat(DEPTH)}1${' }'.repeat(DEPTH)}\n}\n`, 'terraform'],
      ['HCL parentheses', `resource "aws_security_group_rule" "deep" {\n  from_port = ${'('.repeat(DEPTH)}22${')'.repeat(DEPTH)}\n}\n`, 'terraform'],
      ['HCL blocks', `${'a {\n'.repeat(DEPTH)}${'}\n'.repeat(DEPTH)}`, 'terraform'],
      ['unclosed HCL braces', '{'.repeat(DEPTH), 'terraform'],
    ];
    for (const [name, text, format] of cases) {
      it(`${name}: bounded in time and memory`, () => {
        const path = format === 'terraform' ? 'deep.tf' : format === 'compose' ? 'docker-compose.yml' : format === 'sg-exports' || name.includes('JSON') ? 'deep.json' : 'deep.yaml';
        assertBounded(lintSound(text, path, format), name);
      });
    }
  });

  describe('long runs of white space (tree-sitter-hcl takes time quadratic in them)', () => {
    const rule = (value: string) => `resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = ${value}\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  description       = "owner=ops"\n}\n`;

    it('50,000 spaces before a value, after a bracket or a comma: bounded, and the rule still read exactly', () => {
      const blanks = ' '.repeat(50_000);
      for (const [name, value] of [['a value', `${blanks}22`], ['a parenthesis', `(${blanks}22)`], ['a function call', `max(${blanks}1, 22)`], ['a tuple', `[${blanks}22][0]`], ['a comma', `max(1,${blanks}22)`]] as const) {
        const text = rule(value);
        const run = lintSound(text, 'main.tf');
        assertBounded(run, name);
        assert.equal(run.result.rules.length, 1, name);
        if (name === 'a value') assert.deepEqual(places(text, run.result), ['4:3-5:25 admin-port-exposed']);
      }
    });

    it('blank runs inside strings, heredocs and comments are values and stay as written', () => {
      const blanks = ' '.repeat(100);
      const text = `resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  description       = "${blanks}owner=a\\"${blanks}b"\n  # ${blanks}\n  tags = { note = <<EOT\n${blanks}[ "x" ]\nEOT\n  }\n}\n`;
      const { result } = lintSound(text, 'main.tf');
      const [rule] = result.rules;
      assert.equal(rule.description?.known && rule.description.value, `${blanks}owner=a"${blanks}b`);
      assert.equal(rule.owner?.known && rule.owner.value, 'a"');
    });
  });

  describe('size', () => {
    const block = (n: number) => `resource "aws_security_group_rule" "r${n}" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  description       = "owner=ops"\n}\n`;
    function terraformOf(bytes: number): string {
      const parts: string[] = [];
      for (let n = 0, length = 0; length < bytes; n++) {
        parts.push(block(n));
        length += parts[parts.length - 1].length;
      }
      return parts.join('').slice(0, bytes);
    }

    it('a 10 MB file over maxFileSize is not parsed: one note at its start says why, at once', () => {
      for (const [path, text] of [['big.tf', terraformOf(10 * 1024 * 1024)], ['big.yaml', `apiVersion: v1\nkind: Service\n${'#'.repeat(10 * 1024 * 1024)}\n`], ['big.json', `{"SecurityGroups": [${' '.repeat(10 * 1024 * 1024)}]}`]] as const) {
        const run = lintSound(text, path);
        assert.ok(run.ms < 500, `${path} took ${Math.round(run.ms)} ms`);
        assert.deepEqual(run.result.rules, []);
        assert.deepEqual(run.result.notes?.map((note) => [note.span.start, note.span.end]), [[0, 0]]);
        assert.match(run.result.notes?.[0].message ?? '', /^The file has 10\.0 MiB \(10,48\d,\d{3} bytes\), more than maxFileSize \(1\.0 MiB \(1,048,576 bytes\)\): it was not linted\. Raise maxFileSize in \.portwarden\.yaml to lint it\.$/);
      }
    });

    it('maxFileSize counts UTF-8 bytes, as the file on disk has them', () => {
      const settings = { ...DEFAULT_SETTINGS, maxFileSize: 1000 };
      const lint = (text: string) => lintChecked({ text, path: 'x.tf', today: TODAY, settings }).result.notes ?? [];
      // 400 two-byte characters are 800 bytes, 600 are 1,200: the limit is in bytes, not characters.
      assert.deepEqual(lint(`# ${'é'.repeat(400)}\n`), []);
      assert.equal(lint(`# ${'é'.repeat(600)}\n`).length, 1);
      assert.equal(lint(`# ${'😀'.repeat(300)}\n`).length, 1);
    });

    it('a file of exactly maxFileSize bytes is linted; one byte more is not', () => {
      const settings = { ...DEFAULT_SETTINGS, maxFileSize: 20_000 };
      const text = terraformOf(20_000 - 1) + '\n';
      const at = lintChecked({ text, path: 'limit.tf', today: TODAY, settings });
      assert.deepEqual(at.problems, []);
      assert.equal(at.result.notes, undefined);
      assert.ok(at.result.findings.length > 50, `${at.result.findings.length} findings`);
      const over = lintChecked({ text: `${text} `, path: 'limit.tf', today: TODAY, settings });
      assert.deepEqual(over.result.findings, []);
      assert.match(over.result.notes?.[0].message ?? '', /^The file has 19\.5 KiB \(20,001 bytes\), more than maxFileSize \(19\.5 KiB \(20,000 bytes\)\)/);
    });
  });

  describe('encodings and line ends: ranges stay exact', () => {
    const samples: readonly [string, string, string][] = [
      ['main.tf', 'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  description       = "owner=ops"\n}\n', '4:3-5:25 admin-port-exposed'],
      ['service.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  labels:\n    owner: ops\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 5432\n', '10:13-10:17 public-database'],
      ['compose.yaml', 'services:\n  db:\n    image: postgres\n    labels:\n      owner: ops\n    ports:\n      - "5432:5432"\n', '7:10-7:19 public-database'],
      ['template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  SG:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      Tags: [{Key: owner, Value: ops}]\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n', '10:11-11:21 admin-port-exposed'],
      ['sg.json', '{\n  "SecurityGroups": [{\n    "GroupId": "sg-1", "GroupName": "ssh", "Tags": [{"Key": "owner", "Value": "ops"}],\n    "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]\n  }]\n}\n', '4:57-4:73 admin-port-exposed'],
    ];

    for (const [path, text, expected] of samples) {
      it(`${path}: LF, CRLF, a BOM and both report the same line and column`, () => {
        const variants: readonly [string, string][] = [['LF', text], ['CRLF', text.replace(/\n/g, '\r\n')], ['BOM', `\uFEFF${text}`], ['BOM and CRLF', `\uFEFF${text.replace(/\n/g, '\r\n')}`]];
        for (const [name, variant] of variants) {
          const { result } = lintSound(variant, path);
          assert.deepEqual(places(variant, result), [expected], `${path} with ${name}`);
          assert.deepEqual(result.parseErrors, [], `${path} with ${name}`);
        }
      });
    }

    it('replacement characters (invalid UTF-8 decoded) in comments and values are read as text', () => {
      const [, text] = samples[0];
      const broken = text.replace('# ', '').replace('"owner=ops"', '"owner=\uFFFD\uFFFD"').replace('{\n', '{\n  # caf\uFFFD\n');
      const { result } = lintSound(broken, 'main.tf');
      assert.deepEqual(places(broken, result), ['5:3-6:25 admin-port-exposed']);
    });

    it('a NUL between two Terraform blocks costs neither of them (it used to cost the block before it)', () => {
      const [, text] = samples[0];
      for (const junk of ['\u0000\n', '# a comment with a NUL \u0000 in it\n', '@\n', '\uFFFD\n']) {
        const doubled = `${text}${junk}${text.replace('"ssh"', '"ssh2"')}`;
        const { result } = lintSound(doubled, 'main.tf');
        assert.deepEqual(result.rules.map((rule) => rule.resource.address), ['aws_security_group_rule.ssh', 'aws_security_group_rule.ssh2'], JSON.stringify(junk));
        assert.ok(result.parseErrors.length > 0 || junk.startsWith('#'), 'the junk is a syntax error');
      }
    });

    it('NUL bytes anywhere in YAML or JSON are a syntax error, never a crash', () => {
      for (const [path, text] of samples.slice(1)) {
        for (const at of [0, Math.floor(text.length / 2), text.length]) lintSound(`${text.slice(0, at)}\u0000${text.slice(at)}`, path);
      }
    });

    it('binary content in a .tf file: syntax errors, bounded, no crash', () => {
      let seed = 7;
      const bytes = Array.from({ length: 200_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)).join('');
      const run = lintSound(bytes, 'binary.tf');
      assertBounded(run, 'binary.tf');
      assert.ok(run.result.parseErrors.length > 0);
    });
  });
});
