import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ready } from '../../../testing/engine';
import { readTopLevelAttributes, readTopLevelBlocks, type HclBlock, type HclValue } from './hcl';
import { parseHcl } from './parser';

/** The blocks of a text, read from the tree parseHcl made and from a copy of it (whose source the reader does not know). */
function blocksBothWays(text: string): { parsed: HclBlock[]; copied: HclBlock[] } {
  const tree = parseHcl(text);
  const copy = tree.copy();
  try {
    return { parsed: readTopLevelBlocks(tree.rootNode), copied: readTopLevelBlocks(copy.rootNode) };
  } finally {
    copy.delete();
    tree.delete();
  }
}

const TEXT = [
  'resource "aws_security_group" web {',
  '  port   = -22',
  '  names  = ["a\\tb", 2, true, null]',
  '  tags   = { owner = "team", "x-y": 1 }',
  '  grouped = (8)',
  '  neg_str = -"x"',
  '  port   = 99',
  '  ingress { cidr = var.cidr }',
  '}',
].join('\n');

/** The span of the first `written` in TEXT. */
function spanOf(written: string): { start: number; end: number } {
  const start = TEXT.indexOf(written);
  return { start, end: start + written.length };
}

/** A literal's value, or an expression's text. */
function literalOf(value: HclValue): unknown {
  switch (value.kind) {
    case 'expression': return value.text;
    case 'null': return null;
    case 'tuple': return value.items.map(literalOf);
    case 'object': return value.entries.map((entry) => [entry.key, literalOf(entry.value)]);
    default: return value.value;
  }
}

describe('reading HCL through a tree cursor', () => {
  before(ready);

  it('reads labels, literals, collections and spans exactly', () => {
    const [block] = blocksBothWays(TEXT).parsed;
    assert.equal(block.type, 'resource');
    assert.deepEqual(block.labels, [
      { value: 'aws_security_group', span: { start: 10, end: 28 } },
      { value: 'web', span: spanOf('web') },
    ]);
    assert.deepEqual(block.headerSpan, { start: 0, end: spanOf('web').end });
    assert.equal(block.bodyStart, spanOf('{').end);
    assert.equal(block.bodyEnd, TEXT.length - 1);
    assert.equal(block.hasError, false);
    // The first `port` wins; `-22` is minus applied to 22 in the grammar, read as one number.
    assert.deepEqual(block.attributes.get('port')?.value, { kind: 'number', value: -22, span: spanOf('-22'), outer: spanOf('-22') });
    assert.deepEqual(block.attributes.get('port')?.span, spanOf('port   = -22'));
    assert.deepEqual(literalOf(block.attributes.get('names')!.value), ['a\tb', 2, true, null]);
    const name = block.attributes.get('names')?.value;
    assert.deepEqual(name?.kind === 'tuple' ? [name.items[0].span, name.items[0].outer] : [], [
      { start: spanOf('"a\\tb"').start + 1, end: spanOf('"a\\tb"').end - 1 },
      spanOf('"a\\tb"'),
    ]);
    assert.deepEqual(literalOf(block.attributes.get('tags')!.value), [['owner', 'team'], ['x-y', 1]]);
    // A parenthesised expression is an expression inside an expression: kept, without its parentheses, as an expression.
    const inner = { start: spanOf('(8)').start + 1, end: spanOf('(8)').end - 1 };
    assert.deepEqual(block.attributes.get('grouped')?.value, { kind: 'expression', text: '8', span: inner, outer: inner });
    assert.deepEqual(block.attributes.get('neg_str')?.value, { kind: 'expression', text: '-"x"', span: spanOf('-"x"'), outer: spanOf('-"x"') });
    assert.deepEqual(block.blocks.map((child) => [child.type, child.attributes.get('cidr')?.value]), [
      ['ingress', { kind: 'expression', text: 'var.cidr', span: spanOf('var.cidr'), outer: spanOf('var.cidr') }],
    ]);
  });

  it('reads the same blocks from a tree whose source text it does not hold', () => {
    const { parsed, copied } = blocksBothWays(TEXT);
    assert.deepEqual(copied, parsed);
  });

  it('marks a block whose closing brace is missing', () => {
    const [block] = blocksBothWays('locals {\n  a = 1\n').parsed;
    assert.equal(block.hasError, true);
    assert.equal(block.attributes.get('a')?.value.kind, 'number');
  });

  it('keeps a value nested deeper than 200 levels as an expression, with the reason', () => {
    const [block] = blocksBothWays(`locals {\n  x = ${'['.repeat(205)}${']'.repeat(205)}\n}\n`).parsed;
    let value = block.attributes.get('x')?.value;
    for (let depth = 0; value?.kind === 'tuple'; depth++) value = value.items[0];
    assert.equal(value?.kind === 'expression' ? value.why : undefined, 'it is nested deeper than 200 levels');
  });

  it('reads the top-level attributes of a variables file, skipping a broken one', () => {
    // `c =` with no value swallows the line after it: the attribute holds an error and is skipped.
    const tree = parseHcl('a = 1\nb = "x"\na = 2\nc = \nd = [1]\n');
    try {
      const attributes = readTopLevelAttributes(tree.rootNode);
      assert.deepEqual([...attributes].map(([key, attribute]) => [key, literalOf(attribute.value)]), [['a', 1], ['b', 'x']]);
    } finally {
      tree.delete();
    }
  });
});
