import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { checks } from '../../server/src/engine/index';

/*
 * These tests run the shipped bundle, dist/cli.js (`npm test` builds it first), from the repository
 * root, so paths in the output are relative: test/cli/fixtures/...
 */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');
const fixtures = 'test/cli/fixtures';
const FULL_RANGE = '65,536 ports (0-65535) are open to 0.0.0.0/0';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function portwarden(args: readonly string[], cwd = root): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A scratch tree outside the repository (no .git above it), with a config that pins the defaults. */
function scratch(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'portwarden-cli-'));
  temporary.push(dir);
  writeFileSync(join(dir, '.portwarden.yaml'), '# defaults\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const BAD_TF = readFileSync(join(root, fixtures, 'bad/main.tf'), 'utf8');
const CLEAN_TF = readFileSync(join(root, fixtures, 'clean/main.tf'), 'utf8');

describe('portwarden (built CLI)', () => {
  it('was built', () => {
    assert.ok(existsSync(cli), 'dist/cli.js is missing: run npm run build');
  });

  describe('options', () => {
    it('--version prints the package version', () => {
      const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      assert.deepEqual(portwarden(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
    });

    it('--help prints the usage', () => {
      const run = portwarden(['--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: portwarden \[options\] \[file\|dir \.\.\.\]/);
      assert.match(run.stdout, /--fail-on <severity>/);
      assert.equal(run.stderr, '');
    });

    it('a usage error exits 2 and says how to get help', () => {
      assert.deepEqual(portwarden(['--format', 'xml', `${fixtures}/bad`]), {
        code: 2,
        stdout: '',
        stderr: 'portwarden: --format must be one of stylish, json, sarif, github, not "xml".\nRun "portwarden --help" for usage.\n',
      });
      const unknown = portwarden(['--fix-everything']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /^portwarden: Unknown option '--fix-everything'/);
    });
  });

  describe('stylish (default)', () => {
    it('reports a wide-open group and exits 1', () => {
      const run = portwarden([`${fixtures}/bad`]);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, '');
      const lines = run.stdout.split('\n');
      assert.deepEqual([lines[0], lines[1], lines[4], lines[5], lines[6], lines.length], ['', `${fixtures}/bad/main.tf`, '', '✖ 2 problems (1 error, 1 warning)', '', 7]);
      assert.match(lines[2], /^ {2}2:1 {2}warning {2}aws_security_group\.wide_open has no owner tag .* {2}missing-owner$/);
      assert.match(lines[3], new RegExp(`^  7:5  error    ${escapeRegExp(FULL_RANGE)} +  full-range-exposure$`));
    });

    it('prints nothing for a clean file and exits 0', () => {
      assert.deepEqual(portwarden([`${fixtures}/clean`]), { code: 0, stdout: '', stderr: '' });
    });

    it('lints the rest of a file with a syntax error and says what it skipped', () => {
      const run = portwarden([`${fixtures}/broken/main.tf`]);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, `portwarden: ${fixtures}/broken/main.tf:9:3: Syntax error; blocks with syntax errors were not checked\n`);
      assert.equal(run.stdout, [
        '',
        `${fixtures}/broken/main.tf`,
        `  16:5  error  ${FULL_RANGE}  full-range-exposure`,
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'));
    });

    it('has no colors when stdout is not a terminal', () => {
      assert.doesNotMatch(portwarden([`${fixtures}/bad`]).stdout, /\u001b\[/);
    });
  });

  describe('json', () => {
    it('prints every linted file with its findings', () => {
      const run = portwarden(['--format', 'json', `${fixtures}/bad`, `${fixtures}/clean`, `${fixtures}/broken`]);
      assert.equal(run.code, 1);
      const results = JSON.parse(run.stdout) as { filePath: string; findings: { checkId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; fixes: { title: string; preferred: boolean; edits: unknown[] }[] }[]; parseErrors: unknown[]; internalErrors: unknown[] }[];
      assert.deepEqual(results.map((result) => result.filePath), ['bad', 'clean', 'broken'].map((name) => join(root, fixtures, name, 'main.tf')));
      const [bad, clean, broken] = results;
      assert.deepEqual(bad.findings.map((finding) => finding.checkId), ['missing-owner', 'full-range-exposure']);
      const wide = bad.findings[1];
      assert.deepEqual({ ...wide, fixes: undefined }, { checkId: 'full-range-exposure', severity: 'error', message: FULL_RANGE, line: 7, column: 5, endLine: 8, endColumn: 24, fixes: undefined });
      assert.ok(wide.fixes.length > 0 && wide.fixes.every((fix) => fix.title.length > 0 && fix.edits.length > 0));
      assert.deepEqual([bad.parseErrors, bad.internalErrors, clean.findings], [[], [], []]);
      assert.deepEqual(broken.parseErrors, [{ message: 'Syntax error', line: 9, column: 3, endLine: 9, endColumn: 3 }]);
    });

    it('prints an empty array when there is nothing to lint', () => {
      const dir = scratch({ 'README.md': '# not infrastructure\n' });
      assert.deepEqual(portwarden(['-f', 'json', dir]), { code: 0, stdout: '[]\n', stderr: `portwarden: no files to lint in ${dir}\n` });
    });
  });

  describe('sarif', () => {
    const schema = JSON.parse(readFileSync(join(root, 'test/cli/schemas/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);

    it('is valid SARIF 2.1.0 under the official schema', () => {
      const run = portwarden(['--format', 'sarif', `${fixtures}/bad`, `${fixtures}/broken`, `${fixtures}/clean`]);
      assert.equal(run.code, 1);
      const log = JSON.parse(run.stdout) as Log;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

      const [sarifRun] = log.runs;
      const rules = sarifRun.tool.driver.rules ?? [];
      assert.deepEqual(rules.map((rule) => rule.id), [...checks.map((check) => check.id), 'invalid-suppression']);
      for (const rule of rules) {
        assert.ok(rule.name && rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text, rule.id);
        assert.ok(['error', 'warning', 'note'].includes(String(rule.defaultConfiguration?.level)), rule.id);
      }
      const results = sarifRun.results ?? [];
      assert.deepEqual(results.map((result) => [result.ruleId, result.level]), [['missing-owner', 'warning'], ['full-range-exposure', 'error'], ['full-range-exposure', 'error']]);
      for (const result of results) {
        assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId);
        assert.ok(result.partialFingerprints?.['portwarden/v1']);
      }
      assert.deepEqual(results[1].locations?.[0].physicalLocation, {
        artifactLocation: { uri: `${fixtures}/bad/main.tf`, uriBaseId: '%SRCROOT%' },
        region: { startLine: 7, startColumn: 5, endLine: 8, endColumn: 24 },
      });
      assert.equal(sarifRun.originalUriBaseIds?.['%SRCROOT%'].uri, `file://${root}/`);
      assert.equal(sarifRun.invocations?.[0].executionSuccessful, true);
      assert.deepEqual(sarifRun.invocations?.[0].toolExecutionNotifications?.map((note) => note.message.text), ['Syntax error; blocks with syntax errors were not checked.']);
    });

    it('marks the run unsuccessful when a file cannot be read', () => {
      const run = portwarden(['--format', 'sarif', `${fixtures}/clean`, `${fixtures}/missing.tf`]);
      assert.equal(run.code, 2);
      const log = JSON.parse(run.stdout) as Log;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.runs[0].invocations?.[0].executionSuccessful, false);
    });
  });

  describe('github', () => {
    it('prints workflow annotations', () => {
      const run = portwarden(['--format', 'github', `${fixtures}/bad`]);
      assert.equal(run.code, 1);
      const lines = run.stdout.split('\n');
      assert.equal(lines.length, 3);
      assert.match(lines[0], new RegExp(`^::warning file=${fixtures}/bad/main\\.tf,line=2,col=1,endLine=2,endColumn=42,title=missing-owner::aws_security_group\\.wide_open has no owner tag`));
      assert.equal(lines[1], `::error file=${fixtures}/bad/main.tf,line=7,endLine=8,title=full-range-exposure::${FULL_RANGE}`);
      assert.equal(lines[2], '');
    });
  });

  describe('exit codes', () => {
    it('--quiet shows and counts errors only', () => {
      const run = portwarden(['--quiet', '-f', 'github', `${fixtures}/bad`]);
      assert.equal(run.code, 1);
      assert.deepEqual(run.stdout.split('\n').map((line) => line.split(' ')[0]), ['::error', '']);
      assert.deepEqual(portwarden(['--quiet', '--fail-on', 'warning', `${fixtures}/config-off`]), { code: 0, stdout: '', stderr: '' });
    });

    it('--fail-on decides which severity fails the run', () => {
      assert.equal(portwarden([`${fixtures}/config-off`]).code, 0);
      assert.equal(portwarden(['--fail-on', 'warning', `${fixtures}/config-off`]).code, 1);
      assert.equal(portwarden(['--fail-on', 'info', `${fixtures}/config-off`]).code, 1);
      assert.equal(portwarden(['--fail-on', 'error', `${fixtures}/config-off`]).code, 0);
    });

    it('--max-warnings fails a run with more warnings', () => {
      const over = portwarden(['--max-warnings', '0', `${fixtures}/config-off`]);
      assert.equal(over.code, 1);
      assert.equal(over.stderr, 'portwarden: too many warnings: 1, and --max-warnings allows 0\n');
      assert.deepEqual(portwarden(['--max-warnings', '1', '-f', 'json', `${fixtures}/config-off`]).code, 0);
    });

    it('a missing path exits 2, after linting the others', () => {
      const run = portwarden(['-f', 'github', `${fixtures}/bad`, 'no/such/dir']);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'portwarden: cannot read no/such/dir: it does not exist (ENOENT)\n');
      assert.match(run.stdout, /title=full-range-exposure/);
    });
  });

  describe('--output-file', () => {
    it('writes the report to the file, creating its directory, and nothing to stdout', () => {
      const dir = scratch({});
      const target = join(dir, 'reports', 'port.json');
      const run = portwarden(['-f', 'json', '-o', target, `${fixtures}/bad`]);
      assert.deepEqual(run, { code: 1, stdout: '', stderr: '' });
      assert.equal(readFileSync(target, 'utf8'), portwarden(['-f', 'json', `${fixtures}/bad`]).stdout);
    });

    it('exits 2 when the file cannot be written', () => {
      const dir = scratch({ 'taken': 'a file where a directory should be\n' });
      const run = portwarden(['-o', join(dir, 'taken', 'port.txt'), `${fixtures}/bad`]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^portwarden: cannot write .*taken\/port\.txt: /);
    });
  });

  describe('configuration', () => {
    it('a check turned off in .portwarden.yaml reports nothing', () => {
      const run = portwarden(['-f', 'json', `${fixtures}/config-off`]);
      assert.equal(run.code, 0);
      const [result] = JSON.parse(run.stdout) as { findings: { checkId: string }[] }[];
      assert.deepEqual(result.findings.map((finding) => finding.checkId), ['missing-owner']);
    });

    it('a bad configuration is reported with line and column, its files are skipped, and the run exits 2', () => {
      const run = portwarden(['-f', 'github', `${fixtures}/bad-config`, `${fixtures}/bad`]);
      assert.equal(run.code, 2);
      const config = `${fixtures}/bad-config/.portwarden.yaml`;
      const stderr = run.stderr.split('\n');
      assert.deepEqual(stderr.map((line) => line.replace(/; the checks are .*/, '; the checks are …')), [
        `portwarden: ${config}:2:24: checks.full-range-exposure: "warn" is not a severity; use error, warning, info, off.`,
        `portwarden: ${config}:3:3: checks: unknown check "no-such-check"; the checks are …`,
        `portwarden: ${config}:4:15: maxPortRange: expected an integer from 1 to 65536, not "many".`,
        `portwarden: ${config}:7:13: ports.database[0].port: 70000 is not a port number (0-65535).`,
        `portwarden: ${config}:9:28: trustedCidrs[1]: "10.0.0.300/8" is not a CIDR; write an address and prefix, e.g. 10.0.0.0/8 or 2001:db8::/32.`,
        `portwarden: ${config}:10:1: Unknown key "colour"; the keys are checks, maxPortRange, ports, ownerKeys, expiryKeys, trustedCidrs, ignore, maxFileSize.`,
        `portwarden: the files ${config} applies to were not linted`,
        '',
      ]);
      assert.doesNotMatch(run.stdout, /bad-config/);
      assert.match(run.stdout, new RegExp(`file=${fixtures}/bad/main\\.tf`));
    });

    it('--config replaces the nearest configuration', () => {
      const run = portwarden(['-f', 'json', '--config', `${fixtures}/config-off/.portwarden.yaml`, `${fixtures}/bad`]);
      assert.equal(run.code, 0);
      assert.deepEqual((JSON.parse(run.stdout) as { findings: { checkId: string }[] }[])[0].findings.map((finding) => finding.checkId), ['missing-owner']);
    });

    it('a bad or missing --config stops the run with exit 2', () => {
      const bad = portwarden(['--config', `${fixtures}/bad-config/.portwarden.yaml`, `${fixtures}/bad`]);
      assert.equal(bad.code, 2);
      assert.equal(bad.stdout, '');
      assert.match(bad.stderr, /bad-config\/\.portwarden\.yaml:2:24: /);
      assert.deepEqual(portwarden(['--config', 'nowhere.yaml', `${fixtures}/bad`]), {
        code: 2,
        stdout: '',
        stderr: 'portwarden: cannot read nowhere.yaml: it does not exist (ENOENT)\n',
      });
    });

    it('skips the configuration\'s ignore globs unless --no-ignore', () => {
      assert.deepEqual(portwarden([`${fixtures}/config-ignore`]), { code: 0, stdout: '', stderr: '' });
      const all = portwarden(['--no-ignore', '-f', 'github', `${fixtures}/config-ignore`]);
      assert.equal(all.code, 1);
      assert.match(all.stdout, new RegExp(`file=${fixtures}/config-ignore/legacy/open\\.tf`));
    });
  });

  describe('walking', () => {
    it('respects .gitignore at every level, and --no-ignore lints everything but node_modules and .git', () => {
      // Made here, not checked in: git itself would leave the ignored files out of the repository.
      const dir = scratch({
        '.gitignore': 'generated/\n*.local.tf\n',
        'generated/open.tf': BAD_TF,
        'mine.local.tf': BAD_TF,
        'app/.gitignore': 'scratch.tf\n!keep.local.tf\n',
        'app/scratch.tf': BAD_TF,
        'app/keep.local.tf': BAD_TF,
        'app/main.tf': CLEAN_TF,
        'node_modules/pkg/open.tf': BAD_TF,
        '.git/open.tf': BAD_TF,
      });
      const files = (args: string[]): string[] => (JSON.parse(portwarden(['-f', 'json', ...args, '.'], dir).stdout) as { filePath: string }[]).map((result) => result.filePath.slice(dir.length + 1));
      assert.deepEqual(files([]), ['app/keep.local.tf', 'app/main.tf']);
      assert.deepEqual(files(['--no-ignore']), ['app/keep.local.tf', 'app/main.tf', 'app/scratch.tf', 'generated/open.tf', 'mine.local.tf']);
    });

    it('says so when a path named on the command line is ignored', () => {
      const dir = scratch({ '.gitignore': 'generated/\n', 'generated/open.tf': BAD_TF });
      assert.deepEqual(portwarden(['generated/open.tf'], dir), {
        code: 0,
        stdout: '',
        stderr: 'portwarden: generated/open.tf is ignored by .gitignore; use --no-ignore to lint it\nportwarden: no files to lint in generated/open.tf\n',
      });
      assert.equal(portwarden(['--no-ignore', 'generated/open.tf'], dir).code, 1);
    });

    it('follows no symlink loop, reports a file it cannot read, and goes on', () => {
      const dir = scratch({ 'main.tf': BAD_TF });
      symlinkSync('.', join(dir, 'loop'));
      symlinkSync('nowhere.tf', join(dir, 'dangling.tf'));
      const run = portwarden(['-f', 'github', '.'], dir);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'portwarden: cannot read dangling.tf: it does not exist (ENOENT)\n');
      assert.deepEqual(run.stdout.split('\n').map((line) => line.replace(/,.*/, '')), ['::warning file=main.tf', '::error file=main.tf', '']);
    });

    it('reports a file without read permission', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
      const dir = scratch({ 'main.tf': BAD_TF, 'secret.tf': BAD_TF });
      chmodSync(join(dir, 'secret.tf'), 0);
      const run = portwarden(['-f', 'github', '.'], dir);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'portwarden: cannot read secret.tf: permission denied (EACCES)\n');
    });

    it('lints symlinked files and directories once', () => {
      const dir = scratch({ 'modules/net/main.tf': BAD_TF });
      symlinkSync(join(dir, 'modules'), join(dir, 'linked'));
      copyFileSync(join(dir, 'modules/net/main.tf'), join(dir, 'copy.tf'));
      const results = JSON.parse(portwarden(['-f', 'json', '.'], dir).stdout) as { filePath: string }[];
      assert.deepEqual(results.map((result) => result.filePath.slice(dir.length + 1)), ['copy.tf', 'linked/net/main.tf']);
    });
  });

  it('lints examples/ without an internal error (npm run lint:examples)', () => {
    const run = portwarden(['examples']);
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /internal error|cannot read/);
  });
});
