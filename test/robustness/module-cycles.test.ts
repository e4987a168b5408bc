import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { lintDocument, SourceCache, type ModuleContext } from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';
import { resultProblems } from './support/invariants';
import { measure } from './support/measure';

/*
 * Modules that call themselves, directly or round a ring, with count and for_each multiplying the
 * instances: Terraform rejects them, and the linter must end at once and say where the ring closes.
 * (test/adapters/terraform-modules/cycle holds the plain cases with their findings.)
 */
const TODAY = '2026-11-23';
const RULE = 'resource "aws_security_group_rule" "ssh" {\n  type              = "ingress"\n  security_group_id = "sg-1"\n  from_port         = 22\n  to_port           = 22\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  description       = "owner=ops"\n}\n';

/** An in-memory tree of modules: directory -> main.tf text. */
function context(files: Readonly<Record<string, string>>): ModuleContext {
  return { directories: new Map(Object.entries(files).map(([dir, text]) => [dir, [{ path: `${dir}/main.tf`, text }]])), cache: new SourceCache() };
}

function lintIn(files: Readonly<Record<string, string>>, dir: string) {
  const text = files[dir];
  const run = measure(() => lintDocument({ text, path: `${dir}/main.tf`, today: TODAY, module: context(files) }));
  assert.deepEqual(resultProblems(text, run.value), []);
  assert.ok(run.ms < 2000, `took ${Math.round(run.ms)} ms`);
  return run.value;
}

describe('module cycles end without a hang', () => {
  before(ready);

  it('a module that calls itself, 10 times over with count', () => {
    const files = { '/p/self': `module "again" {\n  source = "./"\n  count  = 10\n}\n${RULE}` };
    const result = lintIn(files, '/p/self');
    assert.deepEqual(result.notes?.map((note) => note.message), ['Module cycle (. -> .): Terraform cannot load it, so module.again is not followed back into a module already on the way']);
    assert.deepEqual(result.findings.map((finding) => finding.checkId), ['admin-port-exposed']);
  });

  it('A -> B -> A, each calling the other with for_each', () => {
    const call = (to: string) => `module "next" {\n  source   = "${to}"\n  for_each = toset(["x", "y", "z"])\n}\n${RULE}`;
    const files = { '/p/a': call('../b'), '/p/b': call('../a') };
    for (const dir of ['/p/a', '/p/b']) {
      const result = lintIn(files, dir);
      assert.equal(result.notes?.length, 1, JSON.stringify(result.notes));
      assert.match(result.notes?.[0].message ?? '', /^Module cycle \(\. -> \.\.\/[ab] -> \.\)/);
    }
  });

  it('a ring of five modules, each calling the next twice', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const files = Object.fromEntries(names.map((name, i) => [`/p/${name}`, `module "one" {\n  source = "../${names[(i + 1) % names.length]}"\n}\nmodule "two" {\n  source = "../${names[(i + 1) % names.length]}"\n}\n${RULE}`]));
    const result = lintIn(files, '/p/a');
    assert.ok((result.notes?.length ?? 0) >= 1);
    // The ring is named through all five modules (from the side it was reached from), once per call that closes it.
    assert.ok(result.notes?.every((note) => /^Module cycle \(\. (-> \.\.\/[b-e] ){4}-> \.\)/.test(note.message)), JSON.stringify(result.notes));
  });
});
