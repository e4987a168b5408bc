// Runs a command as a whole process and measures it: wall time, and peak memory (maximum
// resident set size) and CPU time (user + system, which a busy machine inflates less than wall
// time) from GNU time's -v report when /usr/bin/time exists, else, for a Node process, from
// process.resourceUsage() read by a preloaded hook as it exits.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);
const rssHook = new URL('./max-rss.cjs', import.meta.url).pathname;

/** How peak memory is read, for the report. */
export const memorySource = hasGnuTime ? 'GNU time -v (maximum resident set size)' : 'process.resourceUsage().maxRSS of the Node child';

/**
 * Runs `command args` once. Resolves to { ms, maxRssKb, cpuMs (both undefined when they cannot be
 * read), code, stdout, stderr }. `isNode` marks a Node child, whose memory the fallback can read.
 */
export function runOnce(command, args, { cwd, env, isNode = false, timeoutMs = 30 * 60 * 1000 } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'portwarden-measure-'));
  const timeFile = join(scratch, 'time.txt');
  const rssFile = join(scratch, 'rss.txt');
  const wrapped = hasGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, isNode ? ['--require', rssHook, ...args] : args];
  const childEnv = { ...process.env, ...env, ...(hasGnuTime || !isNode ? {} : { PORTWARDEN_BENCH_RSS_FILE: rssFile }) };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(wrapped[0], wrapped[1], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      const { maxRssKb, cpuMs } = readUsage(timeFile, rssFile);
      rmSync(scratch, { recursive: true, force: true });
      resolve({ ms, maxRssKb, cpuMs, code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

function readUsage(timeFile, rssFile) {
  if (existsSync(timeFile)) {
    const report = readFileSync(timeFile, 'utf8');
    const field = (name) => {
      const match = new RegExp(`${name}: ([\\d.]+)`).exec(report);
      return match ? Number(match[1]) : undefined;
    };
    const user = field('User time \\(seconds\\)');
    const system = field('System time \\(seconds\\)');
    return { maxRssKb: field('Maximum resident set size \\(kbytes\\)'), cpuMs: user === undefined || system === undefined ? undefined : (user + system) * 1000 };
  }
  if (!existsSync(rssFile)) return {};
  const [maxRssKb, cpuMs] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { maxRssKb, cpuMs };
}

/** Runs the command `runs` times; resolves to the median time, the highest peak memory and the last run. */
export async function measure(command, args, options = {}, runs = 3) {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await runOnce(command, args, options));
  const times = results.map((result) => result.ms);
  const memories = results.map((result) => result.maxRssKb).filter((kb) => kb !== undefined);
  const cpu = results.map((result) => result.cpuMs).filter((ms) => ms !== undefined);
  return {
    ms: median(times),
    cpuMs: cpu.length > 0 ? median(cpu) : undefined,
    times,
    maxRssKb: memories.length > 0 ? Math.max(...memories) : undefined,
    last: results.at(-1),
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
