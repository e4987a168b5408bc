import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleEditor, TextEdit } from '../../model/network-rule';
import { guardEditor } from './resolved-rules';

const TEXT = 'cidr_blocks = [var.office, "0.0.0.0/0"]\nnetwork = var.network\n';
const OFFICE = { start: TEXT.indexOf('var.office'), end: TEXT.indexOf('var.office') + 'var.office'.length };
const NETWORK = { start: TEXT.indexOf('var.network'), end: TEXT.indexOf('var.network') + 'var.network'.length };
const LIST = { start: TEXT.indexOf('['), end: TEXT.indexOf(']') + 1 };

/** An editor whose setPorts returns the given edits, guarded by the two evaluated expressions. */
function guarded(edits: TextEdit[]): TextEdit[] | undefined {
  const editor: RuleEditor = { setPorts: () => edits, replaceInternetPeers: () => edits, addOwner: () => edits };
  const roots = [OFFICE, NETWORK].map((span) => ({ span, origin: 'var default, variables.tf:1', dependencies: new Set<object>() }));
  return guardEditor(editor, roots, TEXT).setPorts([[443, 443]]);
}

describe('fixes around evaluated expressions', () => {
  it('withholds an edit that rewrites, cuts into or touches an expression', () => {
    assert.equal(guarded([{ span: OFFICE, newText: '"10.0.0.0/8"' }]), undefined);
    assert.equal(guarded([{ span: { start: OFFICE.start + 4, end: OFFICE.end }, newText: 'x' }]), undefined);
    assert.equal(guarded([{ span: { start: OFFICE.end, end: OFFICE.end }, newText: ', "x"' }]), undefined);
    assert.equal(guarded([{ span: LIST, newText: '["10.0.0.0/8"]' }]), undefined);
  });

  it('lets through an edit that writes the expression again around new text', () => {
    const list = [{ span: LIST, newText: '[var.office, "10.0.0.0/8"]' }];
    assert.deepEqual(guarded(list), list);
    const below = [{ span: NETWORK, newText: 'var.network\nsource_ranges = ["10.0.0.0/8"]' }];
    assert.deepEqual(guarded(below), below);
    const elsewhere = [{ span: { start: 0, end: 11 }, newText: 'ipv6_cidr_blocks' }];
    assert.deepEqual(guarded(elsewhere), elsewhere);
  });
});
