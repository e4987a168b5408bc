// Port Warden's full lint in process, run by scripts/bench.mjs in a process of its own:
//   node scripts/bench/lint-pass.mjs <bundle of server/src/cli/run.ts> <runs> <path ...>
// Calls runCli() — the CLI's own code: walk, ignores, configuration, module evaluation, every
// check, the JSON report — `runs` times in one process, so that the figures leave out Node's
// start-up and module loading. The first run also loads the wasm grammar. Prints one JSON line:
// { runsMs: [...], files, findings, exitCode } (2: a file could not be read, or a check threw).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const [bundle, runs, ...paths] = process.argv.slice(2);
const { runCli } = require(bundle);

const runsMs = [];
let report = '';
let exitCode = 0;
for (let run = 0; run < Number(runs); run++) {
  let stdout = '';
  const io = {
    cwd: process.cwd(),
    env: {},
    isStdoutTty: false,
    today: new Date().toISOString().slice(0, 10),
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: () => {},
  };
  const started = performance.now();
  exitCode = await runCli(['--format', 'json', ...paths], io);
  runsMs.push(performance.now() - started);
  report = stdout;
}
const files = JSON.parse(report);
const findings = files.reduce((sum, file) => sum + file.findings.length, 0);
process.stdout.write(`${JSON.stringify({ runsMs, files: files.length, findings, exitCode })}\n`);
