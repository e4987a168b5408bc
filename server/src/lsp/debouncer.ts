/**
 * Runs one task per key. A request after a quiet spell runs on the next turn of the event loop
 * (which still merges changes that arrived together); requests that come faster than the delay
 * are merged into one run, a delay after the last of them. Typing gets its diagnostics at once;
 * a burst of changes is linted once.
 */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRequest = new Map<string, number>();

  schedule(key: string, delayMs: number, task: () => void): void {
    const now = performance.now();
    const last = this.lastRequest.get(key);
    this.lastRequest.set(key, now);
    const inBurst = last !== undefined && now - last < delayMs;
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      task();
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
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.lastRequest.clear();
  }
}
