import type { Settings, SourceFile } from '../../engine/index';
import type { SeededDirectory } from '../../node/module-files';
import type { PortableOutcome } from './portable';
import type { SharedUnitsData } from './shared-units';

/** What a lint thread is started with (its `workerData`). */
export interface LintThreadData {
  /** Marks a Port Warden lint thread: the CLI's entry script runs as one when it sees this. */
  readonly portwardenLintThread: true;
  /** The run's roots, so that module callers are searched where the main thread searched. */
  readonly roots: readonly string[];
  readonly varFiles: readonly SourceFile[];
  readonly today: string;
}

/** One file to read and lint, with the settings its configuration gives it. */
export interface LintTask {
  readonly index: number;
  readonly path: string;
  readonly settings: Settings;
}

export type ToLintThread =
  /** The module files the main thread read (once, for every thread); sent before any work. */
  | { readonly kind: 'modules'; readonly directories: readonly SeededDirectory[] }
  | { readonly kind: 'lint'; readonly tasks: readonly LintTask[] }
  /** The rest of the run's units, to claim from list after list until none is left (after every `lint` before it). */
  | { readonly kind: 'claim'; readonly lists: readonly SharedUnitsData[] };

export type FromLintThread =
  | { readonly kind: 'outcome'; readonly index: number; readonly outcome: PortableOutcome }
  /** Every task of the last `lint` message has its outcome. */
  | { readonly kind: 'done' }
  /** The shared units are all claimed, and the thread's have their outcomes. */
  | { readonly kind: 'claimed' };

export function isLintThreadData(data: unknown): data is LintThreadData {
  return typeof data === 'object' && data !== null && (data as { portwardenLintThread?: unknown }).portwardenLintThread === true;
}
