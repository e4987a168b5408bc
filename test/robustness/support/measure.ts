import { performance } from 'node:perf_hooks';

export interface Measured<T> {
  readonly value: T;
  readonly ms: number;
  /** Growth of the JavaScript heap plus external memory (wasm, buffers), in MB; noisy, so bounds are generous. */
  readonly grownMb: number;
}

/** Runs `task` once and says how long it took and how much memory it kept hold of while it ran. */
export function measure<T>(task: () => T): Measured<T> {
  const before = process.memoryUsage();
  const started = performance.now();
  const value = task();
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  const grownMb = (after.heapUsed + after.external - before.heapUsed - before.external) / 1e6;
  return { value, ms, grownMb };
}
