import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspSession } from './support/session';

/*
 * Cross-file evaluation over the protocol: a document is linted with the other files of its
 * Terraform module (from disk, or unsaved in the editor), its callers and the modules it calls,
 * and open documents are linted again when a file they read changes.
 */

const MAIN = `module "web" {
  source     = "./modules/web"
  admin_cidr = "0.0.0.0/0"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-1"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [var.bastion_cidr]
  description       = "owner=ops"
}
`;

const VARIABLES = `variable "bastion_cidr" {
  default = "0.0.0.0/0"
}
`;

const CHILD = `resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = "sg-2"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [var.admin_cidr]
  description       = "owner=web"
}
`;

const CHILD_VARIABLES = `variable "admin_cidr" {
  type = string
}
`;

const SSH_FROM_DEFAULT = 'SSH (22) is open to 0.0.0.0/0 from var.bastion_cidr default, variables.tf:2';
const RDP_AT_CALLER = 'RDP (3389) is open to 0.0.0.0/0 from module.web argument admin_cidr, main.tf:3 (in module.web.aws_security_group_rule.rdp, modules/web/main.tf:4)';

function messages(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((diagnostic) => diagnostic.message).sort();
}

describe('language server: Terraform modules across files', () => {
  let session: LspSession;
  let workspace: string;
  const uri = (path: string): string => pathToFileURL(join(workspace, path)).href;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'portwarden-lsp-modules-'));
    const files: Record<string, string> = { 'main.tf': MAIN, 'variables.tf': VARIABLES, 'modules/web/main.tf': CHILD, 'modules/web/variables.tf': CHILD_VARIABLES };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
    session = await LspSession.start({ rootUri: pathToFileURL(workspace).href });
  });

  after(async () => {
    await session.dispose();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('resolves a variable declared in another file of the module, and a child finding at the caller', async () => {
    const published = await session.open(uri('main.tf'), MAIN);
    assert.deepEqual(messages(published), [RDP_AT_CALLER, SSH_FROM_DEFAULT].sort());
    const atCaller = published.diagnostics.find((diagnostic) => diagnostic.message === RDP_AT_CALLER);
    assert.deepEqual(atCaller?.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 26 } });
    const related = atCaller?.relatedInformation?.find((item) => item.location.uri === uri('modules/web/main.tf'));
    assert.ok(related, JSON.stringify(atCaller?.relatedInformation));
    assert.deepEqual(related.location.range.start, { line: 3, character: 2 });
  });

  it('the child module reports at its reference and points to the caller argument', async () => {
    const published = await session.open(uri('modules/web/main.tf'), CHILD);
    assert.deepEqual(messages(published), ['RDP (3389) is open to 0.0.0.0/0 from module.web argument admin_cidr, ../../main.tf:3 (in module.web.aws_security_group_rule.rdp)']);
    const related = published.diagnostics[0].relatedInformation?.find((item) => item.location.uri === uri('main.tf'));
    assert.deepEqual(related?.location.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 26 } });
    assert.equal(related?.message, 'the value comes from admin_cidr of module.web');
  });

  it('an unsaved change to a variable re-lints the open documents that use it', async () => {
    await session.open(uri('variables.tf'), VARIABLES);
    const since = session.diagnostics.length;
    await session.replaceAll(uri('variables.tf'), VARIABLES.replace('0.0.0.0/0', '10.0.0.0/8'));
    const relinted = await session.waitForDiagnostics(uri('main.tf'), (params) => !messages(params).includes(SSH_FROM_DEFAULT), since);
    assert.deepEqual(messages(relinted), [RDP_AT_CALLER]);
  });

  it('an unsaved change to the caller re-lints the open child', async () => {
    const since = session.diagnostics.length;
    await session.replaceAll(uri('main.tf'), MAIN.replace('admin_cidr = "0.0.0.0/0"', 'admin_cidr = "192.0.2.0/24"'));
    const child = await session.waitForDiagnostics(uri('modules/web/main.tf'), (params) => params.diagnostics.length === 0, since);
    assert.deepEqual(messages(child), []);
  });

  it('closing an edited file without saving brings its text on disk back', async () => {
    const since = session.diagnostics.length;
    await session.close(uri('variables.tf'));
    const relinted = await session.waitForDiagnostics(uri('main.tf'), (params) => messages(params).includes(SSH_FROM_DEFAULT), since);
    assert.deepEqual(messages(relinted), [SSH_FROM_DEFAULT]);
  });

  it('a change on disk to a file that is not open re-lints its dependents', async () => {
    const since = session.diagnostics.length;
    writeFileSync(join(workspace, 'variables.tf'), VARIABLES.replace('0.0.0.0/0', '172.16.0.0/12'));
    await session.changeWatchedFiles([{ uri: uri('variables.tf'), type: 2 }]);
    const relinted = await session.waitForDiagnostics(uri('main.tf'), (params) => !messages(params).includes(SSH_FROM_DEFAULT), since);
    assert.deepEqual(messages(relinted), []);
  });
});
