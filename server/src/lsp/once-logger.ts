/** The part of the connection's console the server writes to (the client's output channel). */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  log(message: string): void;
}

/** More distinct messages than this are not remembered; a long session must not grow without bound. */
const MAX_REMEMBERED = 500;

/**
 * Logs to the client's console. Messages that would repeat on every keystroke (a check that
 * throws, a broken config file) are written once until the server restarts.
 */
export class OnceLogger {
  private readonly seen = new Set<string>();

  constructor(private readonly sink: LogSink) {}

  error(message: string, error: unknown): void {
    this.sink.error(`${message}: ${describe(error)}`);
  }

  errorOnce(message: string, details?: string): void {
    if (this.remember(message)) this.sink.error(details ? `${message}\n${details}` : message);
  }

  warnOnce(message: string): void {
    if (this.remember(message)) this.sink.warn(message);
  }

  private remember(message: string): boolean {
    if (this.seen.has(message)) return false;
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.add(message);
    return true;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
