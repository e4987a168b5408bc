import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Log } from 'sarif';
import { parse } from 'yaml';

/*
 * action.yml and .pre-commit-hooks.yaml as their runners read them. The action's shell steps are
 * run here for real, each with bash as GitHub runs a composite step (`bash --noprofile --norc -eo
 * pipefail`), its `${{ }}` expressions filled in and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files;
 * the steps that use other actions (setup-node, upload-sarif) are only checked for their inputs.
 */
const root = join(__dirname, '..', '..', '..');

interface ActionStep {
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string | number>>;
  readonly shell?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly run?: string;
}

interface Action {
  readonly inputs: Readonly<Record<string, { readonly default: string; readonly description: string }>>;
  readonly outputs: Readonly<Record<string, { readonly value: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;

interface ActionRun {
  readonly failed: boolean;
  readonly log: string;
  readonly summary: string;
  readonly outputs: Readonly<Record<string, Record<string, string>>>;
  /** The `with` of each step that uses another action and would have run. */
  readonly used: readonly { readonly uses: string; readonly with: Readonly<Record<string, string>> }[];
}

/** Runs the composite action in `workspace` with these inputs, as a runner would (minus the other actions). */
function runAction(workspace: string, inputs: Readonly<Record<string, string>>): ActionRun {
  const values: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default]));
  const outputs: Record<string, Record<string, string>> = {};
  const used: { uses: string; with: Record<string, string> }[] = [];
  const summaryFile = join(workspace, '.step-summary.md');
  writeFileSync(summaryFile, '');
  let failed = false;
  let log = '';
  const lookup = (path: string): string => {
    const [scope, ...rest] = path.trim().split('.');
    if (scope === 'inputs') return values[rest.join('.')] ?? '';
    if (scope === 'github' && rest[0] === 'action_path') return root;
    if (scope === 'github' && rest[0] === 'workspace') return workspace;
    if (scope === 'steps' && rest[1] === 'outputs') return outputs[rest[0]]?.[rest[2]] ?? '';
    throw new Error(`the test runner does not know \${{ ${path} }}`);
  };
  const expand = (text: string): string => text.replace(/\$\{\{([^}]*)\}\}/g, (_, path: string) => lookup(path));
  const condition = (text: string | undefined): boolean => {
    if (text === undefined) return !failed;
    const parts = text.split('&&').map((part) => part.trim());
    const hasAlways = parts.includes('always()');
    const holds = parts.filter((part) => part !== 'always()').every((part) => {
      const comparison = /^([\w.-]+)\s*(==|!=)\s*'([^']*)'$/.exec(part);
      if (!comparison) throw new Error(`the test runner does not evaluate "${part}"`);
      const actual = lookup(comparison[1]);
      return comparison[2] === '==' ? actual === comparison[3] : actual !== comparison[3];
    });
    return holds && (hasAlways || !failed);
  };
  for (const step of action.runs.steps) {
    if (!condition(step.if)) continue;
    if (step.uses) {
      used.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, expand(String(value))])) });
      continue;
    }
    assert.equal(step.shell, 'bash', 'composite run steps need a shell');
    const outputFile = join(workspace, `.output-${step.id ?? 'step'}`);
    writeFileSync(outputFile, '');
    const env = { ...process.env, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value)])), GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, NO_COLOR: '' };
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], { cwd: workspace, env, encoding: 'utf8' });
    log += result.stdout + result.stderr;
    if (step.id) {
      outputs[step.id] = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    }
    if (result.status !== 0) failed = true;
  }
  return { failed, log, summary: readFileSync(summaryFile, 'utf8'), outputs, used };
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function git(dir: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
  assert.equal(result.status, 0, result.stderr);
}

function workspace(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'portwarden-action-'));
  temporary.push(dir);
  writeFileSync(join(dir, '.portwarden.yaml'), '# defaults\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const BAD = readFileSync(join(root, 'test/cli/fixtures/bad/main.tf'), 'utf8');
const CLEAN = readFileSync(join(root, 'test/cli/fixtures/clean/main.tf'), 'utf8');

describe('action.yml (a composite GitHub Action)', () => {
  it('is a composite action with documented inputs and outputs', () => {
    assert.equal(action.runs.using, 'composite');
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description, `input ${name} has no description`);
    assert.deepEqual(Object.keys(action.outputs), ['sarif-file', 'exit-code']);
    assert.ok(action.runs.steps.every((step) => step.run === undefined || !/\$\{\{/.test(step.run)), 'scripts read inputs from env, never through ${{ }} (script injection)');
  });

  it('writes SARIF for code scanning, annotates the findings, and fails on findings', () => {
    const dir = workspace({ 'main.tf': BAD });
    const run = runAction(dir, { paths: 'main.tf' });
    assert.equal(run.failed, true);
    assert.deepEqual(run.outputs.lint, { 'sarif-file': 'portwarden.sarif', 'exit-code': '1' });
    const log = JSON.parse(readFileSync(join(dir, 'portwarden.sarif'), 'utf8')) as Log;
    assert.deepEqual(log.runs[0].results?.map((result) => result.ruleId), ['missing-owner', 'full-range-exposure']);
    assert.match(run.log, /^::error file=main\.tf,line=7,endLine=8,title=full-range-exposure::65,536 ports/m);
    assert.match(run.log, /^::warning file=main\.tf,line=2,/m);
    assert.deepEqual(run.used, [
      { uses: 'actions/setup-node@v4', with: { 'node-version': '20' } },
      { uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: 'portwarden.sarif', category: 'portwarden' } },
    ]);
  });

  it('passes a clean tree, and leaves annotations and the upload out when asked', () => {
    const dir = workspace({ 'main.tf': CLEAN });
    const run = runAction(dir, { annotations: 'false', 'upload-sarif': 'false', 'sarif-file': 'out/pw.sarif' });
    assert.equal(run.failed, false, run.log);
    assert.equal(run.outputs.lint['exit-code'], '0');
    assert.ok(existsSync(join(dir, 'out/pw.sarif')));
    assert.doesNotMatch(run.log, /::(error|warning)/);
    assert.deepEqual(run.used.map((step) => step.uses), ['actions/setup-node@v4']);
  });

  it('honours fail-on and a config file', () => {
    const dir = workspace({ 'main.tf': BAD, 'strict.yaml': 'checks:\n  full-range-exposure: off\n' });
    assert.equal(runAction(dir, { config: 'strict.yaml', annotations: 'false' }).failed, false);
    assert.equal(runAction(dir, { config: 'strict.yaml', 'fail-on': 'warning', annotations: 'false' }).failed, true);
  });

  it('with since, writes the exposure changes to the job summary and fails when the change opens one to the internet', () => {
    const dir = workspace({ 'main.tf': CLEAN });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'clean');
    writeFileSync(join(dir, 'main.tf'), CLEAN.replace('10.0.0.0/8', '0.0.0.0/0').replace(/from_port\s+=\s+\d+/, 'from_port   = 3306').replace(/to_port\s+=\s+\d+/, 'to_port     = 3306'));
    const run = runAction(dir, { since: 'HEAD', annotations: 'false' });
    assert.equal(run.failed, true);
    assert.equal(run.outputs.changes['exit-code'], '1');
    assert.match(run.summary, /^## Port exposure changes since `HEAD`\n/);
    assert.match(run.summary, /\*\*This change opens 3306 \(MySQL\) to 0\.0\.0\.0\/0/);
    assert.match(run.log, /::error title=Port Warden::This change opens an internet exposure/);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  interface Hook {
    readonly id: string;
    readonly name: string;
    readonly entry: string;
    readonly language: string;
    readonly files: string;
  }
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

  it('defines a lint hook and a fix hook that run the package\'s bin', () => {
    assert.deepEqual(hooks.map((hook) => [hook.id, hook.entry, hook.language]), [['portwarden', 'portwarden', 'node'], ['portwarden-fix', 'portwarden --fix', 'node']]);
    for (const hook of hooks) assert.ok(manifest.bin[hook.entry.split(' ')[0]], `${hook.entry} is not a bin of package.json`);
  });

  it('passes the files a format may claim, and not the others', () => {
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      for (const path of ['main.tf', 'infra/prod.tfvars', 'k8s/app.yaml', 'compose.yml', 'stack.template', 'sg.json']) assert.ok(files.test(path), `${hook.id} skips ${path}`);
      for (const path of ['README.md', 'main.go', 'tf']) assert.ok(!files.test(path), `${hook.id} takes ${path}`);
    }
  });

  it('is installable the way pre-commit installs a node hook: npm pack ships the built CLI', () => {
    assert.equal(manifest.scripts.prepack, 'node scripts/build.mjs');
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const [{ files }] = JSON.parse(pack.stdout) as [{ files: { path: string }[] }];
    const paths = files.map((file) => file.path);
    for (const path of [manifest.bin.portwarden, 'dist/tree-sitter.wasm', 'dist/tree-sitter-terraform.wasm', 'package.json']) assert.ok(paths.includes(path.replace(/^\.\//, '')), `npm pack leaves out ${path}`);
    assert.ok(!paths.some((path) => path.startsWith('node_modules/') || path.startsWith('test/') || path.startsWith('server/')), paths.join(', '));
  });
});
