import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { initEngine, DEFAULT_SETTINGS } from '../../server/src/engine/index';
import { loadEngineAssets } from '../../server/src/node/assets';
import { ModuleFiles } from '../../server/src/node/module-files';
import { ThreadedLint, type ThreadedFile } from '../../server/src/cli/parallel/lint-on-threads';
import { planModuleUnits, type PlannedFile } from '../../server/src/cli/parallel/plan';
import { LintPool } from '../../server/src/cli/parallel/pool';
import { runCli } from '../../server/src/cli/run';

/*
 * Linting on threads (--jobs): how module files are grouped into units, what happens when a thread
 * fails, and that a run on threads reports exactly what a one-thread run reports.
 */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist/cli.js');
// The compiled CLI entry (out/server/src/cli/main.js) runs as a lint thread when started as one.
const threadScript = join(__dirname, '..', '..', 'server', 'src', 'cli', 'main.js');

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-parallel-'));
  temporary.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const OPEN_SSH = (name: string): string => `resource "aws_security_group" "${name}" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}
variable "cidr" {
  default = "10.0.0.0/8"
}
`;
const CALLS = (name: string, source: string, cidr = '0.0.0.0/0'): string => `module "${name}" {
  source = "${source}"
  cidr   = "${cidr}"
}
`;
const SERVICE = (name: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: LoadBalancer
  ports:
    - port: 22
`;

/** A tree with modules joined by calls, independent roots, Kubernetes files and a broken file. */
function mixedTree(): string {
  const files: Record<string, string> = {
    'modules/ssh/main.tf': OPEN_SSH('ssh'),
    'envs/prod/main.tf': CALLS('ssh', '../../modules/ssh'),
    'envs/staging/main.tf': CALLS('ssh', '../../modules/ssh', '10.1.0.0/16'),
    'broken/main.tf': 'resource "aws_security_group" "x" {\n  ingress {\n',
  };
  for (let i = 0; i < 12; i++) {
    files[`roots/r${i}/main.tf`] = OPEN_SSH(`r${i}`).replace('10.0.0.0/8', i % 2 === 0 ? '0.0.0.0/0' : '10.0.0.0/8');
    files[`k8s/svc-${i}.yaml`] = SERVICE(`svc-${i}`);
  }
  return tree(files);
}

async function lint(args: readonly string[], cwd: string, withThreads: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd, env: {}, isStdoutTty: false, today: '2026-11-23',
    ...(withThreads ? { lintThreadScript: threadScript } : {}),
    writeStdout: (text) => { stdout += text; },
    writeStderr: (text) => { stderr += text; },
  });
  return { code, stdout, stderr };
}

describe('planModuleUnits', () => {
  const file = (index: number, path: string, size = 100): PlannedFile => ({ index, path, size });
  const seeded = (files: Record<string, string>): { directory: string; files: { path: string; text: string; size: number }[] }[] => {
    const byDirectory = new Map<string, { path: string; text: string; size: number }[]>();
    for (const [path, text] of Object.entries(files)) {
      const directory = path.slice(0, path.lastIndexOf('/'));
      byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), { path, text, size: text.length }]);
    }
    return [...byDirectory].map(([directory, list]) => ({ directory, files: list }));
  };
  const modules = seeded({
    '/r/modules/ssh/main.tf': OPEN_SSH('ssh'),
    '/r/envs/prod/main.tf': CALLS('ssh', '../../modules/ssh'),
    '/r/envs/staging/main.tf': CALLS('ssh', '../../modules/ssh'),
    '/r/alone/main.tf': OPEN_SSH('alone'),
  });
  const files = [file(0, '/r/alone/main.tf', 50), file(1, '/r/envs/prod/main.tf'), file(2, '/r/envs/staging/main.tf'), file(3, '/r/modules/ssh/main.tf')];

  it('keeps directories joined by local module calls in one unit, largest unit first, files in walk order', () => {
    const units = planModuleUnits(files, modules, 2, 10_000);
    assert.deepEqual(units.map((unit) => unit.map((planned) => planned.index)), [[1, 2, 3], [0]]);
  });

  it('splits a group by directory only when it is more than a thread\'s share of the run', () => {
    const units = planModuleUnits(files, modules, 2, 0);
    // 300 bytes of 350 are joined: more than half, so each directory is a unit of its own.
    assert.deepEqual(units.map((unit) => unit.map((planned) => planned.index)), [[1], [2], [3], [0]]);
  });

  it('gives a module file that was not read (no group) its directory as a unit', () => {
    const units = planModuleUnits([file(0, '/r/big/a.tf', 9000), file(1, '/r/big/b.tf', 9000), file(2, '/r/alone/main.tf', 50)], modules, 2, 100_000);
    assert.deepEqual(units.map((unit) => unit.map((planned) => planned.index)), [[0, 1], [2]]);
  });

  it('joins a module chain whatever order the directories were read in', () => {
    const chain = seeded({ '/c/a/main.tf': CALLS('b', '../b'), '/c/b/main.tf': CALLS('c', '../c'), '/c/c/main.tf': OPEN_SSH('c'), '/c/d/main.tf': CALLS('c', '../c') });
    const planned = [file(0, '/c/a/main.tf'), file(1, '/c/b/main.tf'), file(2, '/c/c/main.tf'), file(3, '/c/d/main.tf')];
    for (const order of [chain, [...chain].reverse()]) {
      assert.deepEqual(planModuleUnits(planned, order, 4, 1_000_000).map((unit) => unit.map((p) => p.index)), [[0, 1, 2, 3]]);
    }
  });
});

describe('lint threads', () => {
  before(async () => {
    await initEngine(loadEngineAssets());
  });

  it('report exactly what one thread reports: findings, SARIF, messages and exit code', async () => {
    const dir = mixedTree();
    for (const format of ['json', 'sarif', 'stylish']) {
      const alone = await lint(['--format', format, '--verbose', '--jobs', '1', '.'], dir, true);
      const threaded = await lint(['--format', format, '--verbose', '--jobs', '3', '.'], dir, true);
      assert.equal(threaded.code, 1, `${threaded.stderr}\n${threaded.stdout.slice(0, 3000)}`);
      assert.deepEqual(threaded, alone, format);
    }
    const reports = JSON.parse((await lint(['--format', 'json', '--jobs', '2', '.'], dir, true)).stdout) as { filePath: string; findings: { checkId: string }[] }[];
    const checksIn = (suffix: string): string[] => reports.find((report) => report.filePath.endsWith(suffix))?.findings.map((finding) => finding.checkId) ?? [];
    // The module's SSH rule is reported at the caller that opens it to the world, not at staging's.
    assert.ok(checksIn('envs/prod/main.tf').includes('admin-port-exposed'));
    assert.ok(!checksIn('envs/staging/main.tf').includes('admin-port-exposed'));
    assert.ok(checksIn('modules/ssh/main.tf').includes('admin-port-exposed'));
    assert.match((await lint(['--jobs', '2', '.'], dir, true)).stderr, /broken\/main\.tf:3:1: .*blocks with syntax errors were not checked/);
  });

  it('leave the files of a thread that fails to the main thread, and say so', async () => {
    const dir = mixedTree();
    const crashing = join(tree({ 'crash.js': 'throw new Error("no engine here");\n' }), 'crash.js');
    const modules = new ModuleFiles([dir]);
    const files: ThreadedFile[] = ['envs/prod/main.tf', 'k8s/svc-0.yaml', 'roots/r0/main.tf'].map((path, index) => ({ index, path: join(dir, path), settings: DEFAULT_SETTINGS }));
    const lintRun = new ThreadedLint({ startPool: () => new LintPool(crashing, 2, { portwardenLintThread: true, roots: [dir], varFiles: [], today: '2026-11-23' }), threads: 2, minFiles: 0, modules, today: '2026-11-23' });
    try {
      for (const file of files) lintRun.add(file);
      const { outcomes, failures } = await lintRun.finish();
      assert.equal(failures.length, 2);
      for (const failure of failures) assert.match(failure, /^a lint thread (failed \(no engine here\)|stopped with exit code 1)$/);
      assert.deepEqual([...outcomes.keys()].sort(), [0, 1, 2]);
      for (const outcome of outcomes.values()) assert.equal(outcome.kind, 'linted');
    } finally {
      await lintRun.close();
    }
  });

  it('lint on the main thread the units a thread claimed before it died', async () => {
    const dir = mixedTree();
    // A thread that claims one shared unit and dies with it, having linted nothing.
    const sharedUnits = join(__dirname, '..', '..', 'server', 'src', 'cli', 'parallel', 'shared-units.js');
    const script = join(tree({ 'claim-and-die.js': `const { parentPort, threadId } = require('node:worker_threads');
const { SharedUnits } = require(${JSON.stringify(sharedUnits)});
parentPort.on('message', (message) => {
  if (message.kind !== 'claim') return;
  for (const list of message.lists) if (new SharedUnits(list).claim(threadId)) break;
  throw new Error('died holding a unit');
});
` }), 'claim-and-die.js');
    const data = { portwardenLintThread: true as const, roots: [dir], varFiles: [], today: '2026-11-23' };
    // On its own, the pool hands the dead thread's unit back, and only that one.
    const pool = new LintPool(script, 1, data);
    try {
      const task = (index: number, path: string): { index: number; path: string; settings: typeof DEFAULT_SETTINGS } => ({ index, path: join(dir, path), settings: DEFAULT_SETTINGS });
      pool.share([[task(0, 'roots/r0/main.tf'), task(1, 'roots/r1/main.tf')], [task(2, 'roots/r2/main.tf')]], []);
      const result = await pool.drain();
      assert.deepEqual(result.unfinished.map((unfinished) => unfinished.index), [0, 1]);
      assert.deepEqual(pool.claim()?.map((unclaimed) => unclaimed.index), [2]);
      assert.equal(pool.claim(), undefined);
    } finally {
      await pool.close();
    }
    const modules = new ModuleFiles([dir]);
    const paths = ['envs/prod/main.tf', 'envs/staging/main.tf', 'modules/ssh/main.tf', 'roots/r0/main.tf', 'roots/r1/main.tf'];
    const lintRun = new ThreadedLint({ startPool: () => new LintPool(script, 1, data), threads: 2, minFiles: 0, modules, today: '2026-11-23' });
    try {
      paths.forEach((path, index) => lintRun.add({ index, path: join(dir, path), settings: DEFAULT_SETTINGS }));
      const { outcomes, failures } = await lintRun.finish();
      assert.deepEqual(failures, ['a lint thread failed (died holding a unit)']);
      assert.deepEqual([...outcomes.keys()].sort(), [0, 1, 2, 3, 4]);
      for (const outcome of outcomes.values()) assert.equal(outcome.kind, 'linted');
    } finally {
      await lintRun.close();
    }
  });

  it('are not started by a run smaller than the auto threshold, nor by --fix', async () => {
    const dir = mixedTree();
    // Nothing to observe but the result: a thread script that cannot run would fail the run's threads.
    const broken = join(tree({ 'crash.js': 'throw new Error("started");\n' }), 'crash.js');
    let stderr = '';
    const io = { cwd: dir, env: {}, isStdoutTty: false, today: '2026-11-23', lintThreadScript: broken, writeStdout: () => undefined, writeStderr: (text: string) => { stderr += text; } };
    await runCli(['--format', 'json', '.'], io);
    await runCli(['--fix-dry-run', '--jobs', '4', '.'], io);
    assert.doesNotMatch(stderr, /lint thread/);
    await runCli(['--format', 'json', '--jobs', '2', '.'], io);
    assert.match(stderr, /portwarden: a lint thread failed \(started\); its files were linted on the main thread/);
  });
});

describe('portwarden --jobs (built CLI)', () => {
  it('lints on threads from its own script, with the report of a one-thread run', () => {
    const dir = mixedTree();
    const run = (jobs: string): { status: number | null; stdout: string; stderr: string } => spawnSync(process.execPath, [cli, '--format', 'json', '--jobs', jobs, dir], { encoding: 'utf8' });
    const alone = run('1');
    const threaded = run('2');
    assert.equal(threaded.status, 1, threaded.stderr);
    assert.equal(threaded.stdout, alone.stdout);
    assert.equal(threaded.stderr, alone.stderr);
    assert.doesNotMatch(threaded.stderr, /lint thread/);
  });
});
