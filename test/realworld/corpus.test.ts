import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/run';

// Compiled to out/test/realworld/: the repository root is three levels up, shared/ beside it.
const ROOT = join(__dirname, '..', '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'realworld');

interface JsonFileReport {
  readonly filePath: string;
  readonly internalErrors: readonly unknown[];
}

/*
 * The whole real-world corpus (about 1,650 files from nine public repositories, see
 * docs/real-world.md) goes through the CLI without an internal error, and every file it passes
 * over is counted for the reason docs/real-world.md gives. Findings are judged in that document,
 * not here: their counts move as formats and checks land.
 */
// The compiled CLI entry runs as a lint thread when started as one (see server/src/cli/parallel).
const THREAD_SCRIPT = join(__dirname, '..', '..', 'server', 'src', 'cli', 'main.js');

async function lintCorpus(args: readonly string[], threads: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, CORPUS], {
    cwd: ROOT, env: {}, isStdoutTty: false, today: '2026-11-23',
    ...(threads ? { lintThreadScript: THREAD_SCRIPT } : {}),
    writeStdout: (text) => { stdout += text; },
    writeStderr: (text) => { stderr += text; },
  });
  return { code, stdout, stderr };
}

describe('the real-world corpus', () => {
  let oneThread: Promise<{ code: number; stdout: string; stderr: string }> | undefined;
  const linted = (): Promise<{ code: number; stdout: string; stderr: string }> => (oneThread ??= lintCorpus(['--format', 'json', '--verbose'], false));

  it('is linted whole, with no internal error, and the files skipped are the ones expected', async () => {
    assert.ok(existsSync(CORPUS), `real-world corpus not found at ${CORPUS}: clone the shared corpus beside the repository`);
    const { code, stdout, stderr } = await linted();
    assert.notEqual(code, 2, stderr);
    assert.doesNotMatch(stderr, /internal error/);
    const reports = JSON.parse(stdout) as JsonFileReport[];
    assert.deepEqual(reports.filter((report) => report.internalErrors.length > 0).map((report) => report.filePath), []);
    // 5 non-manifest YAML (Helm Chart.yaml and values.yaml, two Cassandra configs, a commented-out
    // Secret), 18 templates that are not YAML as they stand, 1 empty JSON, 13 licence and notice files.
    assert.match(stderr, /^portwarden: linted 1,632 files; skipped 37: 5 not recognised, 18 templates, 1 empty, 13 other file types$/m);
    assert.equal(reports.length, 1632);
  });

  it('gets the same report, messages and exit code on lint threads (with modules joined across directories)', async () => {
    const threaded = await lintCorpus(['--format', 'json', '--verbose', '--jobs', '2'], true);
    const alone = await linted();
    assert.equal(threaded.code, alone.code);
    assert.equal(threaded.stderr, alone.stderr);
    assert.ok(threaded.stdout === alone.stdout, 'the JSON reports differ');
  });
});
