import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { lintDocument, ParseCache, type LintResult } from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';

const examples = join(__dirname, '..', '..', '..', 'examples', 'terraform');
const TODAY = '2026-11-23';

/** Everything a user sees of a lint: findings with their fixes, and the syntax errors. */
function observable(result: LintResult): unknown {
  return {
    findings: result.findings.map((finding) => ({
      checkId: finding.checkId,
      message: finding.message,
      span: finding.span,
      fixes: finding.fixes.map((fix) => ({ title: fix.title, edits: fix.edits, preferred: fix.preferred })),
    })),
    rules: result.rules.length,
    parseErrors: result.parseErrors,
    internalErrors: result.internalErrors,
  };
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const EDITS: readonly ((text: string, at: number, next: () => number) => string)[] = [
  (text, at) => text.slice(0, at) + 'x' + text.slice(at),
  (text, at) => text.slice(0, at) + text.slice(at + 1),
  (text, at) => text.slice(0, at) + '{' + text.slice(at),
  (text, at) => text.slice(0, at) + '"' + text.slice(at),
  (text, at) => text.slice(0, at) + '\n' + text.slice(at),
  (text, at, next) => text.slice(0, at) + text.slice(at + Math.floor(next() * 200)),
  (text, at, next) => {
    const from = Math.floor(next() * text.length);
    return text.slice(0, at) + text.slice(from, from + Math.floor(next() * 300)) + text.slice(at);
  },
];

function files(): { name: string; text: string }[] {
  return ['bad', 'good'].flatMap((folder) =>
    readdirSync(join(examples, folder))
      .filter((name) => name.endsWith('.tf'))
      .map((name) => ({ name: `${folder}/${name}`, text: readFileSync(join(examples, folder, name), 'utf8') })),
  );
}

describe('incremental re-parsing gives exactly what a full parse gives', () => {
  before(ready);

  for (const file of files()) {
    it(`${file.name}: 40 random edits, some of them breaking the syntax`, () => {
      const next = random(file.name.length * 7919 + file.text.length);
      const cache = new ParseCache();
      try {
        let text = file.text;
        for (let step = 0; step < 40; step++) {
          const edit = EDITS[Math.floor(next() * EDITS.length)];
          text = edit(text, Math.floor(next() * (text.length + 1)), next);
          // Every few steps, go back to the original: repairs must be seen as well as breakage.
          if (step % 10 === 9) text = file.text;
          const incremental = lintDocument({ text, path: 'main.tf', today: TODAY, cache });
          const full = lintDocument({ text, path: 'main.tf', today: TODAY });
          assert.deepEqual(observable(incremental), observable(full), `after step ${step}`);
        }
      } finally {
        cache.dispose();
      }
    });
  }

  it('linting the same text twice with a cache reuses the parse and changes nothing', () => {
    const text = files()[0].text;
    const cache = new ParseCache();
    try {
      const first = lintDocument({ text, path: 'main.tf', today: TODAY, cache });
      const second = lintDocument({ text, path: 'main.tf', today: TODAY, cache });
      assert.deepEqual(observable(second), observable(first));
    } finally {
      cache.dispose();
    }
  });
});
