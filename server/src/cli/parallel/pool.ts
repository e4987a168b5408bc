import { threadId, Worker } from 'node:worker_threads';
import type { LintOutcome } from '../lint-file';
import type { SeededDirectory } from '../../node/module-files';
import { fromPortable } from './portable';
import type { FromLintThread, LintTask, LintThreadData, ToLintThread } from './protocol';
import { SharedUnits } from './shared-units';

/** What the threads did: an outcome per task index, and the tasks left undone by a thread that failed. */
export interface PoolResult {
  readonly outcomes: ReadonlyMap<number, LintOutcome>;
  readonly unfinished: readonly LintTask[];
  /** One line per thread that stopped early, for stderr. */
  readonly failures: readonly string[];
}

interface Thread {
  readonly worker: Worker;
  /** The worker's thread id, kept: the worker's own reads -1 once it has stopped. */
  readonly id: number;
  /** The tasks of the units sent to it whose outcomes have not arrived. */
  readonly pending: Map<number, LintTask>;
  /** Units sent and not done; while it lints one, the next waits in its queue (see UNITS_AHEAD). */
  units: number;
  /** Claiming from the shared units, until it says they are all claimed. */
  claiming: boolean;
  dead: boolean;
}

/**
 * A lint allocates many short-lived objects (parse trees' wrappers, values, spans): a young
 * generation of this size cut a lint thread's CPU time by about 6% on the real-world corpus
 * (three paired runs; 64 MB gained nothing more and cost 40 MB).
 */
const YOUNG_GENERATION_MB = 32;

/**
 * Units a thread holds at once: the one it lints and one more, so that it does not wait for the
 * main thread, which hands out work only between two files of its own.
 */
const UNITS_AHEAD = 2;

/** What is handed out and what came back, from the first `submit` to `drain`. */
interface Work {
  readonly queue: (readonly LintTask[])[];
  readonly outcomes: Map<number, LintOutcome>;
  readonly unfinished: LintTask[];
  /** Set by `drain`: resolves once the queue is empty and no thread works. */
  done?: (result: PoolResult) => void;
}

/**
 * Lint threads. While the main thread walks, it sends them small units as it finds them (`submit`);
 * once the walk is over, the rest of the work is shared (`share`) and every thread, the main thread
 * included, claims unit after unit by itself until none is left.
 */
export class LintPool {
  private readonly threads: Thread[];
  private readonly failures: string[] = [];
  private readonly work: Work = { queue: [], outcomes: new Map(), unfinished: [] };
  /** Module units, then other files' units; the main thread claims in this order, the other threads in the reverse. */
  private shared: SharedUnits[] = [];
  private closing = false;

  /** Starts the threads at once, so that they load the engine while the main thread walks and reads. */
  constructor(script: string, size: number, data: LintThreadData) {
    this.threads = Array.from({ length: size }, () => this.start(script, data));
  }

  /** Gives every thread the module files the main thread read; sent before any unit with a module file. */
  seed(directories: readonly SeededDirectory[]): void {
    for (const thread of this.threads) if (!thread.dead) send(thread, { kind: 'modules', directories });
  }

  /** Queues units of work; idle threads take them at once. */
  submit(units: readonly (readonly LintTask[])[]): void {
    this.work.queue.push(...units);
    for (const thread of this.threads) this.fill(thread);
  }

  /**
   * Shares the units for every thread to claim from; call once, after the last `submit`. The main
   * thread claims module units first and the others other files' units first (what `submit` queued
   * that no thread took included), so that each warms up (compiles and optimises) mostly one kind
   * of code; either goes on with the other kind when its own runs out. Largest first within each.
   */
  share(moduleUnits: readonly (readonly LintTask[])[], otherUnits: readonly (readonly LintTask[])[]): void {
    this.shared = [SharedUnits.create(moduleUnits), SharedUnits.create([...otherUnits, ...this.work.queue.splice(0)])];
    const lists = [...this.shared].reverse().map((shared) => shared.data);
    for (const thread of this.threads) {
      if (thread.dead) continue;
      thread.claiming = true;
      send(thread, { kind: 'claim', lists });
    }
  }

  /** The main thread's next claim on the shared units; undefined when every unit is claimed. */
  claim(): readonly LintTask[] | undefined {
    for (const shared of this.shared) {
      const unit = shared.claim(threadId);
      if (unit) return unit;
    }
    return undefined;
  }

  /** Resolves when every unit sent or claimed by a thread has its outcomes, or is left to the caller by a thread that failed. */
  drain(): Promise<PoolResult> {
    return new Promise((done) => {
      this.work.done = done;
      this.settleIfIdle();
    });
  }

  /** Stops every thread; the process can then exit. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private start(script: string, data: LintThreadData): Thread {
    const worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const thread: Thread = { worker, id: worker.threadId, pending: new Map(), units: 0, claiming: false, dead: false };
    thread.worker.on('message', (message: FromLintThread) => this.receive(thread, message));
    thread.worker.once('error', (error: Error) => this.lose(thread, `a lint thread failed (${error.message})`));
    thread.worker.once('exit', (code: number) => this.lose(thread, `a lint thread stopped with exit code ${code}`));
    return thread;
  }

  private receive(thread: Thread, message: FromLintThread): void {
    if (thread.dead) return;
    if (message.kind === 'outcome') {
      this.work.outcomes.set(message.index, fromPortable(message.outcome));
      thread.pending.delete(message.index);
      return;
    }
    if (message.kind === 'claimed') thread.claiming = false;
    else {
      thread.units--;
      this.fill(thread);
    }
    this.settleIfIdle();
  }

  private fill(thread: Thread): void {
    while (!thread.dead && thread.units < UNITS_AHEAD) {
      // The next unit to work on is the largest left; the one held in reserve the smallest, so
      // that no large unit waits behind another on a busy thread while the others run dry.
      const unit = thread.units === 0 ? this.work.queue.shift() : this.work.queue.pop();
      if (!unit) return;
      thread.units++;
      for (const task of unit) thread.pending.set(task.index, task);
      send(thread, { kind: 'lint', tasks: unit });
    }
  }

  /** A thread that fails or exits while it is needed leaves its tasks to the caller. */
  private lose(thread: Thread, why: string): void {
    if (thread.dead || this.closing) return;
    thread.dead = true;
    thread.units = 0;
    thread.claiming = false;
    this.failures.push(why);
    this.work.unfinished.push(...thread.pending.values());
    thread.pending.clear();
    const claimed = this.shared.flatMap((shared) => shared.claimedBy(thread.id));
    this.work.unfinished.push(...claimed.filter((task) => !this.work.outcomes.has(task.index)));
    this.settleIfIdle();
  }

  private settleIfIdle(): void {
    const { done, queue, outcomes, unfinished } = this.work;
    if (!done || this.threads.some((thread) => thread.units > 0 || thread.claiming)) return;
    this.work.done = undefined;
    // Left with work only when every thread is dead; emptied, so that the main thread does not take what is now the caller's.
    done({ outcomes, unfinished: [...unfinished, ...queue.splice(0).flat()], failures: [...this.failures] });
  }
}

function send(thread: Thread, message: ToLintThread): void {
  thread.worker.postMessage(message);
}
