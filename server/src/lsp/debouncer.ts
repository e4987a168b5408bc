/**
 * Runs one task per key. A request after a quiet spell runs on the next turn of the event loop
 * (which still merges changes that arrived together); requests that come faster than the delay
 * are merged into one run, a delay after the last of them. Typing gets its diagnostics at once;
 * a burst of changes is linted once. A run that ends counts as activity too: when runs take longer
 * than the delay (a loaded machine), the changes that queued up meanwhile are a burst, not a
 * quiet spell, or every one of them would be run in turn.
 */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRequest = new Map<string, number>();
  private readonly lastRunEnd = new Map<string, number>();

  schedule(key: string, delayMs: number, task: () => void | Promise<unknown>): void {
    const now = performance.now();
    const last = Math.max(this.lastRequest.get(key) ?? -Infinity, this.lastRunEnd.get(key) ?? -Infinity);
    this.lastRequest.set(key, now);
    const inBurst = now - last < delayMs;
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void Promise.resolve(task()).finally(() => {
        if (this.lastRequest.has(key)) this.lastRunEnd.set(key, performance.now());
      });
    }, inBurst ? delayMs : 0));
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(key);
  }

  /** Forgets a key for good, e.g. when its document closes. */
  forget(key: string): void {
    this.cancel(key);
    this.lastRequest.delete(key);
    this.lastRunEnd.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.lastRequest.clear();
    this.lastRunEnd.clear();
  }
}
