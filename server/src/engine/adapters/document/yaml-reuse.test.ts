import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passThroughTags, parseYaml } from './yaml';

const STREAM = 'kind: Service\nspec: {}\n---\nkind: Pod\n';

describe('parseYaml reuses the last plain parse of the same text', () => {
  it('hands the same trees to a second parse of the same text (detection, then the adapter)', () => {
    const first = parseYaml(STREAM);
    const second = parseYaml(STREAM);
    assert.equal(second.documents.length, 2);
    second.documents.forEach((document, index) => assert.equal(document, first.documents[index]));
  });

  it('parses again when the text changed, with the spans of the new text', () => {
    parseYaml(STREAM);
    const changed = parseYaml(`# note\n${STREAM}`);
    assert.deepEqual(changed.documents.map((document) => document.span.start), [7, 30]);
  });

  it('never hands a parse without custom tags to a parse with them', () => {
    const text = 'Value: !Ref Name\n';
    const plain = parseYaml(text);
    const tagged = parseYaml(text, passThroughTags(['!Ref']), undefined, 'cloudformation');
    assert.notEqual(tagged.documents[0], plain.documents[0]);
  });
});
