import type { SkipReason } from './lint-file';

/** What --verbose calls each reason, in the order it lists them. */
const LABELS: readonly (readonly [SkipReason, string, string])[] = [
  ['not-recognised', 'not recognised', 'not recognised'],
  ['template', 'template', 'templates'],
  ['empty', 'empty', 'empty'],
  ['too-large', 'too large', 'too large'],
  ['other-file', 'other file type', 'other file types'],
];

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * Counts the files a run did not lint, by reason, for --verbose: skipping is quiet by design (a
 * Helm values file is not a mistake), so this is where a user sees that a file was passed over.
 */
export class SkipTally {
  private readonly counts = new Map<SkipReason, number>();

  add(reason: SkipReason): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }

  /** `linted 12 files; skipped 5: 1 not recognised, 2 templates, 1 empty, 1 other file type`. */
  summary(linted: number): string {
    const parts = LABELS.flatMap(([reason, one, many]) => {
      const n = this.counts.get(reason) ?? 0;
      return n > 0 ? [count(n, one, many)] : [];
    });
    const skipped = [...this.counts.values()].reduce((sum, n) => sum + n, 0);
    const head = `linted ${count(linted, 'file', 'files')}`;
    return skipped === 0 ? `${head}; skipped none` : `${head}; skipped ${skipped.toLocaleString('en-US')}: ${parts.join(', ')}`;
  }
}
