import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliArgs, type CliOptions } from '../../server/src/cli/args';

const DEFAULTS: CliOptions = {
  paths: ['.'],
  format: 'stylish',
  outputFile: undefined,
  failOn: 'error',
  maxWarnings: undefined,
  quiet: false,
  config: undefined,
  useIgnores: true,
  help: false,
  version: false,
  command: 'lint',
  fix: undefined,
  inventoryFormat: undefined,
  since: undefined,
  jobs: 'auto',
};

function options(argv: string[]): CliOptions {
  const parsed = parseCliArgs(argv);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  return parsed.options;
}

function usageError(argv: string[]): string {
  const parsed = parseCliArgs(argv);
  assert.ok(!parsed.ok, 'expected a usage error');
  return parsed.message;
}

describe('parseCliArgs', () => {
  it('lints the current directory with stylish output by default', () => {
    assert.deepEqual(options([]), DEFAULTS);
  });

  it('reads every option, long and short', () => {
    assert.deepEqual(
      options(['-f', 'sarif', '-o', 'out/port.sarif', '--fail-on', 'warning', '--max-warnings', '3', '-q', '-c', 'ci.yaml', '--no-ignore', 'infra', 'modules/net.tf']),
      { ...DEFAULTS, paths: ['infra', 'modules/net.tf'], format: 'sarif', outputFile: 'out/port.sarif', failOn: 'warning', maxWarnings: 3, quiet: true, config: 'ci.yaml', useIgnores: false },
    );
    assert.deepEqual(options(['--format=json', '--output-file=r.json', '--config=x.yaml', '--quiet']), { ...DEFAULTS, format: 'json', outputFile: 'r.json', config: 'x.yaml', quiet: true });
    assert.equal(options(['--max-warnings', '0']).maxWarnings, 0);
  });

  it('reads --help and --version', () => {
    assert.equal(options(['--help']).help, true);
    assert.equal(options(['-h']).help, true);
    assert.equal(options(['--version']).version, true);
    assert.equal(options(['-v']).version, true);
  });

  it('takes paths after -- literally', () => {
    assert.deepEqual(options(['--', '--odd-name.tf']).paths, ['--odd-name.tf']);
  });

  it('rejects unknown options and missing values', () => {
    assert.match(usageError(['--fix-all']), /Unknown option '--fix-all'/);
    assert.match(usageError(['--format']), /argument missing/);
  });

  it('rejects values outside the allowed sets', () => {
    assert.equal(usageError(['--format', 'xml']), '--format must be one of stylish, json, sarif, github, not "xml".');
    assert.equal(usageError(['--fail-on', 'never']), '--fail-on must be one of error, warning, info, not "never".');
    assert.equal(usageError(['--max-warnings', 'many']), '--max-warnings must be a whole number, not "many".');
    assert.equal(usageError(['--max-warnings=-1']), '--max-warnings must be a whole number, not "-1".');
    assert.equal(usageError(['--output-file=']), '--output-file needs a path.');
  });

  it('rejects a value given to a flag', () => {
    assert.match(usageError(['--quiet=yes']), /does not take an argument/);
  });

  it('reads --fix and --fix-dry-run, one at a time, for linting only', () => {
    assert.deepEqual(options(['--fix', 'infra']), { ...DEFAULTS, paths: ['infra'], fix: 'write' });
    assert.equal(options(['--fix-dry-run']).fix, 'dry-run');
    assert.equal(usageError(['--fix', '--fix-dry-run']), '--fix and --fix-dry-run do not go together: choose one.');
    assert.equal(usageError(['--since', 'main']), '--since compares inventories: portwarden inventory --since <git-ref>.');
  });

  it('reads --jobs: auto or a number of threads from 1 to 64, for linting only', () => {
    const jobsOf = (argv: string[]): unknown => {
      const parsed = parseCliArgs(argv);
      assert.ok(parsed.ok);
      return parsed.options.jobs;
    };
    assert.equal(jobsOf([]), 'auto');
    assert.equal(jobsOf(['--jobs', 'auto']), 'auto');
    assert.equal(jobsOf(['-j', '1']), 1);
    assert.equal(jobsOf(['--jobs=64']), 64);
    for (const bad of ['0', '65', '-1', '2.5', 'many', '']) {
      assert.equal(usageError([`--jobs=${bad}`]), `--jobs must be auto or a whole number from 1 to 64, not "${bad}".`);
    }
    assert.equal(usageError(['inventory', '-j', '2']), '--jobs is for linting; portwarden inventory lints on one thread.');
  });

  it('reads the inventory command, its formats and --since', () => {
    assert.deepEqual(options(['inventory']), { ...DEFAULTS, command: 'inventory' });
    assert.deepEqual(options(['inventory', '-f', 'html', '-o', 'report.html', '--since', 'origin/main', '--fail-on', 'warning', 'infra', 'modules']), {
      ...DEFAULTS, command: 'inventory', paths: ['infra', 'modules'], inventoryFormat: 'html', outputFile: 'report.html', since: 'origin/main', failOn: 'warning',
    });
    for (const format of ['table', 'text', 'csv', 'json', 'markdown', 'html']) assert.equal(options(['inventory', '--format', format]).inventoryFormat, format);
    assert.equal(usageError(['inventory', '-f', 'sarif']), '--format must be one of table, text, csv, json, markdown, html for inventory, not "sarif".');
    assert.equal(usageError(['inventory', '--fix']), '--fix is for linting; portwarden inventory lists exposures.');
    assert.equal(usageError(['inventory', '--quiet']), '--quiet is for linting; portwarden inventory lists exposures.');
    assert.equal(usageError(['inventory', '--since=']), '--since needs a git revision, e.g. origin/main.');
    // Only the first word names the command: a directory called "inventory" is linted as ./inventory.
    assert.deepEqual(options(['infra', 'inventory']).paths, ['infra', 'inventory']);
    assert.equal(options(['./inventory']).command, 'lint');
  });
});
