import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { findAdapter, lintDocument, ParseCache, type FormatId, type LintResult } from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';
import { loadSamples } from './support/corpus';
import { lintChecked } from './support/invariants';
import { applyEdit, edit, mutate, mutation } from './support/mutations';

/*
 * Property-based tests over every fixture and example: random truncations, splices and
 * insertions must never make the engine throw, report an internal error, take more than 2 s, or
 * put a range outside the document. The seed is fixed so that CI replays the same runs; a failure
 * prints the seed and path to replay it (fc.assert's message), and FUZZ_RUNS=n and FUZZ_SEED=s explore further locally.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0) || 20261123;
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
const TODAY = '2026-11-23';

const samples = loadSamples();
const texts = samples.map((sample) => sample.text);

/** The format the unmutated sample is read as: the mutated text is also linted as that format, as an editor would. */
function formatOf(index: number): FormatId | undefined {
  return findAdapter(samples[index].path, samples[index].text)?.id;
}

/** What a user sees of a result; a cache must never change it. */
function shown(result: LintResult): string[] {
  return [
    ...result.findings.map((finding) => `${finding.span.start}-${finding.span.end} ${finding.checkId} ${finding.message} [${finding.fixes.map((fix) => fix.title).join('; ')}]`),
    `rules ${result.rules.length}`,
  ];
}

describe('fuzzing the engine with mutated fixtures (fast-check)', () => {
  before(ready);

  it('reads a corpus of every format', () => {
    const formats = new Set(samples.map((_, index) => formatOf(index)));
    for (const format of ['terraform', 'kubernetes', 'cloudformation', 'compose', 'sg-exports'] as const) assert.ok(formats.has(format), `no ${format} sample`);
    assert.ok(samples.length > 80, `only ${samples.length} samples`);
  });

  it('never throws, errs, hangs or reports outside the document on a mutated file', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const text = mutations.reduce((current, change) => mutate(current, change, texts), texts[index]);
        const { path } = samples[index];
        const detected = lintChecked({ text, path, today: TODAY });
        const format = formatOf(index);
        const forced = format && format !== detected.result.format ? lintChecked({ text, path, today: TODAY, format }).problems : [];
        const problems = [...detected.problems, ...forced];
        assert.deepEqual(problems, [], `${path} mutated by ${JSON.stringify(mutations)}`);
      }),
      { seed: SEED, numRuns: RUNS ?? 250 },
    );
  });

  it('edits on one parse cache (the editor path, incremental reparse) give what a fresh parse gives', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(edit, { minLength: 2, maxLength: 10 }), (index, edits) => {
        const { path } = samples[index];
        const format = formatOf(index);
        const cache = new ParseCache();
        try {
          let text = texts[index];
          lintDocument({ text, path, today: TODAY, format, cache });
          for (const [step, change] of edits.entries()) {
            text = applyEdit(text, change);
            const incremental = lintChecked({ text, path, today: TODAY, format, cache });
            assert.deepEqual(incremental.problems, [], `${path} after edit ${step} of ${JSON.stringify(edits)}`);
            const fresh = lintDocument({ text, path, today: TODAY, format });
            assert.deepEqual(shown(incremental.result), shown(fresh), `${path}: the cached parse differs from a fresh one after edit ${step} of ${JSON.stringify(edits)}`);
          }
        } finally {
          cache.dispose();
        }
      }),
      { seed: SEED, numRuns: RUNS ?? 40 },
    );
  });
});
