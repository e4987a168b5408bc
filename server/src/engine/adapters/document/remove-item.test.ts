import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../apply-edits';
import { parseJson } from './json';
import { JsonWriter } from './json-writer';
import { asSeq, get, type SeqNode } from './tree';
import { parseYaml } from './yaml';
import { YamlWriter } from './yaml-writer';

/** The text after TreeWriter.remove deletes item `index` of the `list` sequence, or undefined when it refuses. */
function removeFromJson(text: string, index: number): string | undefined {
  const list = asSeq(get(parseJson(text).root, 'list')) as SeqNode;
  const edits = new JsonWriter(text).remove(list, list.items[index]);
  return edits ? applyEdits(text, edits) : undefined;
}

function removeFromYaml(text: string, index: number): string | undefined {
  const list = asSeq(get(parseYaml(text).documents[0].root, 'list')) as SeqNode;
  const edits = new YamlWriter(text).remove(list, list.items[index]);
  return edits ? applyEdits(text, edits) : undefined;
}

describe('TreeWriter.remove', () => {
  const json = '{\n  "list": [\n    { "a": 1 },\n    { "b": 2 },\n    { "c": 3 }\n  ]\n}\n';

  it('JSON: the first, a middle and the last item, with their commas', () => {
    assert.equal(removeFromJson(json, 0), '{\n  "list": [\n    { "b": 2 },\n    { "c": 3 }\n  ]\n}\n');
    assert.equal(removeFromJson(json, 1), '{\n  "list": [\n    { "a": 1 },\n    { "c": 3 }\n  ]\n}\n');
    assert.equal(removeFromJson(json, 2), '{\n  "list": [\n    { "a": 1 },\n    { "b": 2 }\n  ]\n}\n');
    assert.equal(removeFromJson('{"list": [1, 2]}', 1), '{"list": [1]}');
  });

  it('refuses to empty a list', () => {
    assert.equal(removeFromJson('{"list": [1]}', 0), undefined);
    assert.equal(removeFromYaml('list:\n  - a: 1\n', 0), undefined);
  });

  it('YAML: a block item with its comment, and a flow item', () => {
    assert.equal(removeFromYaml('list:\n  - a: 1\n    b: 2\n  # the second\n  - a: 3\n    b: 4\nnext: 1\n', 1), 'list:\n  - a: 1\n    b: 2\nnext: 1\n');
    assert.equal(removeFromYaml('list:\n  - a: 1\n  - a: 3\n', 0), 'list:\n  - a: 3\n');
    assert.equal(removeFromYaml('list: [1, 2, 3]\n', 1), 'list: [1, 3]\n');
  });
});
