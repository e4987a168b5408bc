import { Worker } from 'node:worker_threads';
import type { LintOutcome } from '../lint-file';
import type { SeededDirectory } from '../../node/module-files';
import { fromPortable } from './portable';
import type { FromLintThread, LintTask, LintThreadData, ToLintThread } from './protocol';

/** What the threads did: an outcome per task index, and the tasks left undone by a thread that failed. */
export interface PoolResult {
  readonly outcomes: ReadonlyMap<number, LintOutcome>;
  readonly unfinished: readonly LintTask[];
  /** One line per thread that stopped early, for stderr. */
  readonly failures: readonly string[];
}

interface Thread {
  readonly worker: Worker;
  /** The tasks of the unit it is working on whose outcomes have not arrived. */
  readonly pending: Map<number, LintTask>;
  state: 'idle' | 'working' | 'dead';
}

/** What is handed out and what came back, from the first `submit` to `drain`. */
interface Work {
  readonly queue: (readonly LintTask[])[];
  readonly outcomes: Map<number, LintOutcome>;
  readonly unfinished: LintTask[];
  /** Set by `drain`: resolves once the queue is empty and no thread works. */
  done?: (result: PoolResult) => void;
}

/** Lint threads: each takes the next unit of work when it finishes one, until none is left. */
export class LintPool {
  private readonly threads: Thread[];
  private readonly failures: string[] = [];
  private readonly work: Work = { queue: [], outcomes: new Map(), unfinished: [] };
  private closing = false;

  /** Starts the threads at once, so that they load the engine while the main thread walks and reads. */
  constructor(script: string, size: number, data: LintThreadData) {
    this.threads = Array.from({ length: size }, () => this.start(script, data));
  }

  /** Gives every thread the module files the main thread read; sent before any unit with a module file. */
  seed(directories: readonly SeededDirectory[]): void {
    for (const thread of this.threads) if (thread.state !== 'dead') send(thread, { kind: 'modules', directories });
  }

  /**
   * Queues units of work; idle threads take them at once. `first` puts them ahead of the queue:
   * the large units of module files, planned once the walk is over, go before the small units of
   * other files, which keep the threads busy meanwhile and fill in the gaps at the end.
   */
  submit(units: readonly (readonly LintTask[])[], first = false): void {
    if (first) this.work.queue.unshift(...units);
    else this.work.queue.push(...units);
    for (const thread of this.threads) if (thread.state === 'idle') this.next(thread);
  }

  /** The next unit nobody took, for the main thread to lint itself; undefined when the queue is empty. */
  take(): readonly LintTask[] | undefined {
    return this.work.queue.shift();
  }

  /** Resolves when every unit submitted is linted (or taken), or left to the caller by a thread that failed. */
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
    const thread: Thread = { worker: new Worker(script, { workerData: data }), pending: new Map(), state: 'idle' };
    thread.worker.on('message', (message: FromLintThread) => this.receive(thread, message));
    thread.worker.once('error', (error: Error) => this.lose(thread, `a lint thread failed (${error.message})`));
    thread.worker.once('exit', (code: number) => this.lose(thread, `a lint thread stopped with exit code ${code}`));
    return thread;
  }

  private receive(thread: Thread, message: FromLintThread): void {
    if (thread.state !== 'working') return;
    if (message.kind === 'outcome') {
      this.work.outcomes.set(message.index, fromPortable(message.outcome));
      thread.pending.delete(message.index);
      return;
    }
    thread.state = 'idle';
    this.next(thread);
    this.settleIfIdle();
  }

  private next(thread: Thread): void {
    const unit = this.work.queue.shift();
    if (!unit) return;
    thread.state = 'working';
    for (const task of unit) thread.pending.set(task.index, task);
    send(thread, { kind: 'lint', tasks: unit });
  }

  /** A thread that fails or exits while it is needed leaves its tasks to the caller. */
  private lose(thread: Thread, why: string): void {
    if (thread.state === 'dead' || this.closing) return;
    thread.state = 'dead';
    this.failures.push(why);
    this.work.unfinished.push(...thread.pending.values());
    thread.pending.clear();
    this.settleIfIdle();
  }

  private settleIfIdle(): void {
    const { done, queue, outcomes, unfinished } = this.work;
    if (!done || this.threads.some((thread) => thread.state === 'working')) return;
    // With every thread dead, the queue is still full: the caller lints it.
    if (queue.length > 0 && this.threads.some((thread) => thread.state === 'idle')) return;
    this.work.done = undefined;
    // Emptied, so that the main thread does not take what is now the caller's.
    done({ outcomes, unfinished: [...unfinished, ...queue.splice(0).flat()], failures: [...this.failures] });
  }
}

function send(thread: Thread, message: ToLintThread): void {
  thread.worker.postMessage(message);
}
