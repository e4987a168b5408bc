import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { LineMap, lintDocument, type LintResult } from '../../server/src/engine/index';
import { ModuleFiles } from '../../server/src/node/module-files';
import { ready } from '../../server/src/testing/engine';

// The fixture tree lives in the source tree (test/adapters/terraform-modules/), not in out/.
const tree = join(__dirname, '..', '..', '..', 'test', 'adapters', 'terraform-modules');
const TODAY = '2026-11-23';

/** `line:column check-id message`, then `  -> file:line message` per related place, paths relative to the tree. */
function render(result: LintResult, path: string): string[] {
  const lines = new LineMap(readFileSync(path, 'utf8'));
  return result.findings.flatMap((finding) => {
    const at = lines.positionAt(finding.span.start);
    const related = finding.related
      .filter((item) => item.path !== undefined)
      .map((item) => {
        const other = new LineMap(readFileSync(item.path!, 'utf8'));
        return `  -> ${relative(tree, item.path!)}:${other.positionAt(item.span.start).line + 1} ${item.message}`;
      });
    return [`${at.line + 1}:${at.character + 1} ${finding.checkId} ${finding.message}`, ...related];
  });
}

async function lint(file: string, files = new ModuleFiles([tree]), text?: string): Promise<{ result: LintResult; shown: string[] }> {
  const path = join(tree, file);
  const result = lintDocument({ text: text ?? readFileSync(path, 'utf8'), path, today: TODAY, module: await files.contextFor(path) });
  return { result, shown: render(result, path) };
}

describe('terraform modules (test/adapters/terraform-modules)', () => {
  before(ready);

  it('a root module: a child finding that comes from an argument is reported at the argument', async () => {
    const { result, shown } = await lint('network/main.tf');
    assert.deepEqual(shown, [
      '4:16 admin-port-exposed SSH (22) from module.web argument ssh_ports, main.tf:5 is open to 0.0.0.0/0 from module.web argument admin_cidr, main.tf:4 (in module.web.aws_security_group.this, modules/web/main.tf:8)',
      '  -> network/modules/web/main.tf:8 reported in module.web.aws_security_group.this',
      '30:3 public-database PostgreSQL (5432) from var.db_port default, settings.tf.json:3 is open to 0.0.0.0/0 from var.db_sources, sources.auto.tfvars.json:2 (in aws_security_group_rule.db["0.0.0.0/0"])',
    ]);
    // The caller holds the value, not the rule: the only fix is the suppression on its line.
    assert.deepEqual(result.findings[0].fixes.map((fix) => fix.title), ['Ignore admin-port-exposed on this line (with a reason)']);
    assert.deepEqual(result.notes, undefined);
  });

  it('the child module: evaluated once per call, the finding points at the caller', async () => {
    const { shown } = await lint('network/modules/web/main.tf');
    assert.deepEqual(shown, [
      '8:7 admin-port-exposed SSH (22) from module.web argument ssh_ports, ../../main.tf:5 is open to 0.0.0.0/0 from module.web argument admin_cidr, ../../main.tf:4 (in module.web.aws_security_group.this)',
      '  -> network/main.tf:4 the value comes from admin_cidr of module.web',
      '  -> network/main.tf:5 the value comes from ssh_ports of module.web',
    ]);
  });

  it('lists the files the result depends on, for an editor to re-lint on their change', async () => {
    const { result } = await lint('network/modules/web/main.tf');
    const dependencies = (result.dependencies ?? []).map((path) => relative(tree, path)).sort();
    assert.deepEqual(dependencies, [
      'network/main.tf',
      'network/modules/web/outputs.tf',
      'network/modules/web/variables.tf',
      'network/settings.tf.json',
      'network/sources.auto.tfvars.json',
      'network/terraform.tfvars',
      'network/variables.tf',
    ]);
  });

  it('terraform.tfvars overrides a default; a --var-file overrides terraform.tfvars', async () => {
    const quiet = await lint('network/main.tf');
    assert.ok(!quiet.shown.some((line) => line.includes('bastion')), 'terraform.tfvars narrows var.bastion_cidr');
    const files = new ModuleFiles([tree]);
    files.setVarFiles([{ path: join(tree, 'prod.tfvars'), text: 'bastion_cidr = "0.0.0.0/0"\n' }]);
    const { shown } = await lint('network/main.tf', files);
    assert.ok(shown.includes('18:3 admin-port-exposed SSH (22) is open to 0.0.0.0/0 from var.bastion_cidr, ../prod.tfvars:1'), shown.join('\n'));
  });

  it('a variables file with a syntax error leaves what it may set unknown, not at its default', async () => {
    const files = new ModuleFiles([tree]);
    files.setUnsaved(join(tree, 'network/terraform.tfvars'), 'bastion_cidr = "203.0.113.10/32"\noffice_cidr =\n');
    const { shown } = await lint('network/main.tf', files);
    assert.ok(!shown.some((line) => line.startsWith('18:3 ')), 'var.bastion_cidr is still read from the file');
    files.setUnsaved(join(tree, 'network/terraform.tfvars'), 'bastion_cidr = \n');
    const broken = await lint('network/main.tf', files);
    assert.ok(!broken.shown.some((line) => line.startsWith('18:3 ')), 'the default 0.0.0.0/0 must not be assumed');
  });

  it('an unsaved change to the caller changes the child at once', async () => {
    const files = new ModuleFiles([tree]);
    const callerPath = join(tree, 'network/main.tf');
    files.setUnsaved(callerPath, readFileSync(callerPath, 'utf8').replace('admin_cidr = "0.0.0.0/0"', 'admin_cidr = "192.0.2.0/24"'));
    const { shown } = await lint('network/modules/web/main.tf', files);
    assert.deepEqual(shown, []);
  });

  it('module cycles end, each noted once where the call that closes them is written', async () => {
    const a = await lint('cycle/a/main.tf');
    assert.deepEqual(a.shown, ['4:12 admin-port-exposed SSH (22) from module.b argument port, main.tf:4 is open to 0.0.0.0/0 (in module.b.aws_security_group_rule.rdp, ../b/main.tf:12)', '  -> cycle/b/main.tf:12 reported in module.b.aws_security_group_rule.rdp']);
    assert.deepEqual(a.result.notes?.map((note) => note.message), ['Module cycle (. -> ../b -> .): Terraform cannot load it, so module.b is not followed back into a module already on the way']);
    const b = await lint('cycle/b/main.tf');
    assert.deepEqual(b.shown, ['12:3 admin-port-exposed RDP (3389) from var.port default, main.tf:2 is open to 0.0.0.0/0']);
    const self = await lint('cycle/self/main.tf');
    assert.deepEqual(self.result.notes?.map((note) => note.message), ['Module cycle (. -> .): Terraform cannot load it, so module.again is not followed back into a module already on the way']);
    assert.deepEqual(self.shown, ['9:3 admin-port-exposed SSH (22) is open to 0.0.0.0/0']);
  });

  it('stays bounded when for_each multiplies module calls', async () => {
    const fanOut = (child: string): string => `module "next" {\n  source   = "../${child}"\n  for_each = toset([for i in range(200) : tostring(i)])\n  port     = 22\n}\n`;
    const leaf = 'variable "port" {}\nresource "aws_security_group_rule" "r" {\n  count = 200\n  type = "ingress"\n  security_group_id = "sg-1"\n  from_port = var.port\n  to_port = var.port\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n';
    const directories = new Map([
      ['/fan/a', [{ path: '/fan/a/main.tf', text: fanOut('b') }]],
      ['/fan/b', [{ path: '/fan/b/main.tf', text: `variable "port" {}\n${fanOut('c')}` }]],
      ['/fan/c', [{ path: '/fan/c/main.tf', text: leaf }]],
    ]);
    const started = Date.now();
    const result = lintDocument({ text: fanOut('b'), path: '/fan/a/main.tf', today: TODAY, module: { directories } });
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    assert.deepEqual(result.internalErrors, []);
  });

  it('without its callers, a child module is a root: a variable with no value stays unknown', async () => {
    const files = new ModuleFiles([join(tree, 'network/modules/web')]);
    const { shown } = await lint('network/modules/web/main.tf', files);
    assert.deepEqual(shown, []);
  });

  it('a module call in a comment does not make a caller, though the scan for callers finds its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-callers-'));
    try {
      const write = (path: string, text: string): void => {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      write('child/main.tf', 'resource "aws_security_group" "ssh" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.cidr]\n  }\n}\nvariable "cidr" {\n  default = "10.0.0.0/8"\n}\n');
      write('old/main.tf', '# module "ssh" {\n#   source = "../child"\n#   cidr   = "0.0.0.0/0"\n# }\n/*\nmodule "ssh" {\n  source = "../child"\n  cidr   = "0.0.0.0/0"\n}\n*/\n');
      const path = join(dir, 'child/main.tf');
      const files = new ModuleFiles([dir]);
      const alone = lintDocument({ text: readFileSync(path, 'utf8'), path, today: TODAY, module: await files.contextFor(path) });
      assert.deepEqual(alone.findings.filter((finding) => finding.checkId === 'admin-port-exposed'), []);
      assert.ok(!(alone.dependencies ?? []).some((dependency) => dependency.includes('old')), 'the commented-out caller is no dependency');
      // The same call, uncommented, makes the caller's value reach the child.
      write('new/main.tf', 'module "ssh" {\n  source = "../child"\n  cidr   = "0.0.0.0/0"\n}\n');
      const called = lintDocument({ text: readFileSync(path, 'utf8'), path, today: TODAY, module: await new ModuleFiles([dir]).contextFor(path) });
      assert.deepEqual(called.findings.filter((finding) => finding.checkId === 'admin-port-exposed').map((finding) => finding.message), [
        'SSH (22) is open to 0.0.0.0/0 from module.ssh argument cidr, ../new/main.tf:3 (in module.ssh.aws_security_group.ssh)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
