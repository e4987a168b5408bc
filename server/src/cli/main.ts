import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isLintThreadData } from './parallel/protocol';
import { serveLintThread } from './parallel/worker';
import { runCli } from './run';

/** The local calendar date: an expiry date means the end of that day where the user is. */
function today(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The CLI's own script runs its lint threads too (see parallel/pool.ts): one file to ship, one to load.
if (!isMainThread && parentPort && isLintThreadData(workerData)) {
  serveLintThread(parentPort, workerData);
} else {
  // `portwarden … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });

  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    isStdoutTty: process.stdout.isTTY === true,
    today: today(new Date()),
    lintThreadScript: __filename,
    writeStdout: (text) => process.stdout.write(text),
    writeStderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`portwarden: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
