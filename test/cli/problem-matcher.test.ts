import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';

/*
 * The `$portwarden` problem matcher (package.json contributes.problemMatchers) read the way VS Code
 * reads a multi-line matcher: the first pattern matches a file line, the second the lines after it
 * and, with `loop`, every following line it matches. It must find exactly what --format json finds.
 */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');

interface PatternLine {
  readonly regexp: string;
  readonly file?: number;
  readonly line?: number;
  readonly column?: number;
  readonly severity?: number;
  readonly message?: number;
  readonly code?: number;
  readonly loop?: boolean;
}

interface ProblemMatcher {
  readonly name: string;
  readonly owner: string;
  readonly fileLocation: readonly string[];
  readonly pattern: readonly [PatternLine, PatternLine];
}

interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly message: string;
  readonly code: string;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { problemMatchers: readonly ProblemMatcher[] } };

function match(matcher: ProblemMatcher, output: string): Problem[] {
  const [filePattern, problemPattern] = matcher.pattern;
  const fileRegex = new RegExp(filePattern.regexp);
  const problemRegex = new RegExp(problemPattern.regexp);
  const lines = output.split(/\r?\n/);
  const problems: Problem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fileMatch = fileRegex.exec(lines[i]);
    if (!fileMatch || !problemRegex.test(lines[i + 1] ?? '')) continue;
    const file = fileMatch[filePattern.file ?? 1];
    while (i + 1 < lines.length) {
      const found = problemRegex.exec(lines[i + 1]);
      if (!found) break;
      i++;
      const group = (index: number | undefined): string => found[index ?? 0];
      problems.push({
        file,
        line: Number(group(problemPattern.line)),
        column: Number(group(problemPattern.column)),
        severity: group(problemPattern.severity),
        message: group(problemPattern.message),
        code: group(problemPattern.code),
      });
      if (!problemPattern.loop) break;
    }
  }
  return problems;
}

function portwarden(args: readonly string[], cwd = root): { code: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: result.status, stdout: result.stdout };
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('the $portwarden problem matcher for stylish output', () => {
  const [matcher] = manifest.contributes.problemMatchers;

  it('is contributed once, resolving paths against the workspace folder as the CLI prints them', () => {
    assert.equal(manifest.contributes.problemMatchers.length, 1);
    assert.deepEqual([matcher.name, matcher.owner, matcher.fileLocation], ['portwarden', 'portwarden', ['relative', '${workspaceFolder}']]);
    assert.equal(matcher.pattern[1].loop, true);
  });

  it('finds every finding the JSON output has, with line, column, severity, message and check id', () => {
    const paths = ['examples/terraform/bad', 'test/cli/fixtures/broken', 'test/cli/fixtures/config-off'];
    const stylish = portwarden(paths);
    assert.equal(stylish.code, 1);
    const expected = (JSON.parse(portwarden(['-f', 'json', ...paths]).stdout) as { filePath: string; findings: { line: number; column: number; severity: string; message: string; checkId: string }[] }[])
      .flatMap((file) => file.findings.map((finding) => ({
        file: relative(root, file.filePath),
        line: finding.line,
        column: finding.column,
        severity: finding.severity,
        message: finding.message,
        code: finding.checkId,
      })));
    assert.ok(expected.length > 30, 'the sample has many findings');
    assert.deepEqual(match(matcher, stylish.stdout), expected);
  });

  it('reads info findings and messages with several spaces or a colon', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portwarden-matcher-'));
    temporary.push(dir);
    writeFileSync(join(dir, '.portwarden.yaml'), 'checks:\n  missing-owner: info\n');
    writeFileSync(join(dir, 'main.tf'), readFileSync(join(root, 'test/cli/fixtures/bad/main.tf'), 'utf8'));
    const problems = match(matcher, portwarden(['main.tf'], dir).stdout);
    assert.deepEqual(problems.map((problem) => [problem.file, problem.line, problem.severity, problem.code]), [['main.tf', 2, 'info', 'missing-owner'], ['main.tf', 7, 'error', 'full-range-exposure']]);
    assert.match(problems[0].message, /^aws_security_group\.wide_open has no owner tag \(owner, Owner\)/);
  });

  it('does not take the summary line or stderr notes for findings', () => {
    const output = '\nmain.tf\n  3:1  error  x is open  full-range-exposure\n\n✖ 1 problem (1 error, 0 warnings)\nportwarden: main.tf:9:3: Syntax error\n';
    assert.deepEqual(match(matcher, output), [{ file: 'main.tf', line: 3, column: 1, severity: 'error', message: 'x is open', code: 'full-range-exposure' }]);
  });
});
