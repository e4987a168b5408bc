import type { Severity } from '../engine/index';

export const EXIT_CLEAN = 0;
/** Findings at or above --fail-on, or more warnings than --max-warnings. */
export const EXIT_FINDINGS = 1;
/** A usage error, an unreadable file, an invalid configuration or an internal error in a check. */
export const EXIT_TROUBLE = 2;

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export interface ExitInput {
  readonly severities: readonly Severity[];
  readonly failOn: Severity;
  readonly maxWarnings?: number;
  /** Unreadable files, bad configurations, internal errors: the result cannot be trusted whatever it says. */
  readonly hasTrouble: boolean;
}

export function exitCodeFor({ severities, failOn, maxWarnings, hasTrouble }: ExitInput): number {
  if (hasTrouble) return EXIT_TROUBLE;
  if (severities.some((severity) => RANK[severity] >= RANK[failOn])) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && countWarnings(severities) > maxWarnings) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}

export function countWarnings(severities: readonly Severity[]): number {
  return severities.filter((severity) => severity === 'warning').length;
}
