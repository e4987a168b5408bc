/**
 * A bound on how many file-system operations run at once. Reading a whole tree with one awaited
 * read after another leaves the process idle on each; reading everything at once opens one file
 * descriptor per file and can run out of them (EMFILE). A few dozen at a time keeps libuv's
 * threads busy without either.
 */
export class IoPool {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Runs `task` once fewer than `limit` tasks are running; settles as it does. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so the bound holds exactly.
    if (this.active >= this.limit) await new Promise<void>((start) => this.waiting.push(start));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Concurrent reads for one run; 32 keeps the (default 4) libuv threads fed on a slow disk. */
export const READ_CONCURRENCY = 32;
