import { applyEdits, nonOverlapping, ParseCache, type Fix, type LintResult, type PortRange, type Settings, type TextEdit } from '../engine/index';
import type { Relint } from './documents';
import { fixesFor } from './finding-fixes';

export const MAX_FIX_PASSES = 10;

export interface FixAllStart {
  readonly text: string;
  readonly settings: Settings;
  readonly result: LintResult;
  readonly workloadPorts: readonly PortRange[][];
}

export interface FixAllOutcome {
  readonly text: string;
  readonly passes: number;
  /** The edits of the first pass, which alone make the whole change when passes is 1. */
  readonly firstPass: readonly TextEdit[];
}

/**
 * Applies every preferred fix that overlaps no other, in offset order, lints again and repeats,
 * for at most MAX_FIX_PASSES passes or until nothing changes.
 */
export function fixAll(start: FixAllStart, relint: Relint): FixAllOutcome {
  let text = start.text;
  let passes = 0;
  let firstPass: readonly TextEdit[] = [];
  let result = start.result;
  let workloadPorts = start.workloadPorts;
  const cache = new ParseCache();
  try {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const preferred = result.findings
        .flatMap((finding) => fixesFor(finding, start.settings, workloadPorts).filter((fix) => fix.preferred && fix.edits.length > 0))
        .sort((a, b) => firstOffset(a) - firstOffset(b));
      const chosen = nonOverlapping(preferred);
      if (chosen.length === 0) break;
      const edits = chosen.flatMap((fix) => fix.edits);
      let next: string;
      try {
        next = applyEdits(text, edits);
      } catch {
        // A fix whose own edits overlap is broken; stop rather than write a corrupt text.
        break;
      }
      if (next === text) break;
      if (passes === 0) firstPass = edits;
      passes++;
      text = next;
      ({ result, workloadPorts } = relint(text, cache));
    }
  } finally {
    cache.dispose();
  }
  return { text, passes, firstPass };
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.span.start));
}
