import { ParseCache } from './adapters/adapter';
import { nonOverlapping, applyEdits } from './apply-edits';
import { fixesFor } from './finding-fixes';
import type { Finding, Fix } from './findings';
import { findWorkloadPorts, lintDocument, type LintInput, type LintResult } from './lint';
import type { TextEdit } from './model/network-rule';
import type { PortRange } from './model/ports';
import { LineMap, type Position } from './model/span';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export const MAX_FIX_PASSES = 10;

/** Lints another text exactly as the first was linted (format, settings, day): fix-all's later passes. */
export type Relint = (text: string, cache?: ParseCache) => { readonly result: LintResult; readonly workloadPorts: PortRange[][] };

export interface FixAllStart {
  readonly text: string;
  readonly settings: Settings;
  readonly result: LintResult;
  readonly workloadPorts: readonly PortRange[][];
}

/** One preferred fix that went in, with the finding it was for, located in the text of its own pass. */
export interface AppliedFix {
  /** Counted from 1. */
  readonly pass: number;
  readonly checkId: string;
  readonly message: string;
  readonly title: string;
  /** The resource the finding is about, when there is one. */
  readonly resource?: string;
  /** Where the finding was in the text its pass started from (counted from 0). */
  readonly position: Position;
}

export interface FixAllOutcome {
  readonly text: string;
  readonly passes: number;
  /** The edits of the first pass, which alone make the whole change when passes is 1. */
  readonly firstPass: readonly TextEdit[];
  readonly applied: readonly AppliedFix[];
  /** The lint of the final text: the start's result when nothing was fixed. */
  readonly result: LintResult;
}

/**
 * Applies every preferred fix that overlaps no other, in offset order, lints again and repeats,
 * for at most MAX_FIX_PASSES passes or until nothing changes. The editor's "Fix all" and the
 * CLI's --fix both come through here, so they change a file the same way.
 */
export function fixAll(start: FixAllStart, relint: Relint): FixAllOutcome {
  let text = start.text;
  let passes = 0;
  let firstPass: readonly TextEdit[] = [];
  const applied: AppliedFix[] = [];
  let result = start.result;
  let workloadPorts = start.workloadPorts;
  const cache = new ParseCache();
  try {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const preferred = result.findings
        .flatMap((finding) => fixesFor(finding, start.settings, workloadPorts)
          .filter((fix) => fix.preferred && fix.edits.length > 0)
          .map((fix) => ({ fix, finding, edits: fix.edits })))
        .sort((a, b) => firstOffset(a.fix) - firstOffset(b.fix));
      const chosen = nonOverlapping(preferred);
      if (chosen.length === 0) break;
      const edits = chosen.flatMap(({ fix }) => fix.edits);
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
      const lines = new LineMap(text);
      for (const { fix, finding } of chosen) applied.push(describe(passes, fix, finding, lines));
      text = next;
      ({ result, workloadPorts } = relint(text, cache));
    }
  } finally {
    cache.dispose();
  }
  return { text, passes, firstPass, applied, result };
}

/** Lints a document and applies its preferred fixes: what `portwarden --fix` does to one file. */
export function fixDocument(input: LintInput): FixAllOutcome {
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const relint: Relint = (text, cache) => {
    const next: LintInput = { ...input, text, cache };
    return { result: lintDocument(next), workloadPorts: findWorkloadPorts(next) };
  };
  const { result, workloadPorts } = relint(input.text, input.cache);
  return fixAll({ text: input.text, settings, result, workloadPorts }, relint);
}

function describe(pass: number, fix: Fix, finding: Finding, lines: LineMap): AppliedFix {
  const base = { pass, checkId: finding.checkId, message: finding.message, title: fix.title, position: lines.positionAt(finding.span.start) };
  return finding.rule ? { ...base, resource: finding.rule.resource.address } : base;
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.span.start));
}
