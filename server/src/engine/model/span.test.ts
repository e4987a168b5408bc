import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineMap } from './span';

/** Every line start of a map, read back through its public methods. */
function lineStarts(text: string): number[] {
  const lines = new LineMap(text);
  return Array.from({ length: lines.lineCount }, (_, line) => lines.lineStart(line));
}

describe('LineMap', () => {
  const cases: readonly [string, string, readonly number[]][] = [
    ['an empty text', '', [0]],
    ['a text without a line break', 'abc', [0]],
    ['\\n breaks', 'a\nbc\n', [0, 2, 5]],
    ['\\r\\n breaks, counted once each', 'a\r\nbc\r\n', [0, 3, 7]],
    ['lone \\r breaks', 'a\rb\r', [0, 2, 4]],
    ['\\n\\r: two breaks', 'a\n\rb', [0, 2, 3]],
    ['\\r\\r\\n: a lone \\r, then \\r\\n', '\r\r\n', [0, 1, 3]],
    ['mixed breaks', 'a\r\nb\nc\rd\r\n\n', [0, 3, 5, 7, 10, 11]],
    ['a text ending in \\r', 'x\r', [0, 2]],
  ];
  for (const [name, text, starts] of cases) {
    it(`finds the line starts of ${name}`, () => {
      assert.deepEqual(lineStarts(text), starts);
    });
  }

  it('maps offsets to positions and back across \\r\\n and lone \\r', () => {
    const lines = new LineMap('ab\r\ncd\ref');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 2, character: 2 });
    assert.equal(lines.offsetAt({ line: 2, character: 1 }), 8);
  });
});
