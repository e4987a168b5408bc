// Starts and stops code-server (a whole VS Code 1.100.3 served on 127.0.0.1) in an isolated
// user-data / extensions / XDG directory set, so nothing is read from or written to $HOME.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER, EXTENSIONS, USER_DATA, WORK } from './env.mjs';

/** Environment for code-server and chromium: everything they would put under $HOME goes under WORK. */
export const ISOLATED_ENV = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(WORK, 'xdg-config'),
  XDG_DATA_HOME: path.join(WORK, 'xdg-data'),
  XDG_CACHE_HOME: path.join(WORK, 'xdg-cache'),
};

const COMMON_ARGS = ['--config', path.join(WORK, 'code-server.yaml'), '--user-data-dir', USER_DATA, '--extensions-dir', EXTENSIONS];

/** Runs the code-server CLI (install/list extensions) and returns its stdout. */
export function codeServerCli(...args) {
  return execFileSync(CODE_SERVER, [...COMMON_ARGS, ...args], { env: ISOLATED_ENV, encoding: 'utf8' });
}

/** A free TCP port on 127.0.0.1 (E2E_PORT wins). */
export async function freePort() {
  if (process.env.E2E_PORT) return Number(process.env.E2E_PORT);
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Spawns code-server in its own process group (the extension host and our language server are
 * its descendants) and resolves when /healthz answers. `stop()` ends the whole group.
 */
export async function startCodeServer({ port, folder, logFile, timeoutMs = 60_000 }) {
  fs.writeFileSync(path.join(WORK, 'code-server.yaml'), '');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(CODE_SERVER, [
    ...COMMON_ARGS,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    folder,
  ], { env: ISOLATED_ENV, stdio: ['ignore', log, log], detached: true });
  const kill = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  // Never leave code-server behind, even when the runner is interrupted.
  const onExit = () => kill('SIGKILL');
  process.on('exit', onExit);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    base,
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      kill('SIGKILL'); // whatever of the group outlived code-server itself
    },
  };
}
