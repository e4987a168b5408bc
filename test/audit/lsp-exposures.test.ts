import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import {
  EXPOSURES_REQUEST,
  SHOW_EXPOSURES_COMMAND,
  type ExposuresParams,
  type ExposuresResult,
  type ShowExposuresArgs,
} from '../../server/src/shared/protocol';
import { CLEAN, DATABASE, WEB } from '../lsp/support/fixtures';
import { LspSession } from '../lsp/support/session';

/* The Exposed Ports view's request and the CodeLens, over LSP with the built server (stdio). */

function lenses(session: LspSession, uri: string): Promise<CodeLens[] | null> {
  return session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
}

function exposures(session: LspSession, uris: readonly string[]): Promise<ExposuresResult> {
  const params: ExposuresParams = { uris };
  return session.connection.sendRequest(EXPOSURES_REQUEST, params);
}

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('exposures and code lenses over LSP, for the VS Code client', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({ settings: () => null, initializationOptions: { clientCommands: [SHOW_EXPOSURES_COMMAND] } });
  });
  after(() => session.dispose());

  it('says it serves code lenses', () => {
    assert.deepEqual(session.capabilities.codeLensProvider, { resolveProvider: false });
  });

  it('puts a lens over each resource saying what it opens to the internet; a click shows it in the view', async () => {
    const uri = 'file:///project/lens-web.tf';
    await session.open(uri, `${WEB}\n${DATABASE}`);
    const found = await lenses(session, uri);
    assert.deepEqual(found, [
      {
        range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } },
        command: { title: 'Open to the internet: 0-65535 · 1 rule · 1 finding', command: SHOW_EXPOSURES_COMMAND, arguments: [{ uri, resource: 'aws_security_group.web' } satisfies ShowExposuresArgs] },
      },
      {
        range: { start: { line: 22, character: 0 }, end: { line: 22, character: 0 } },
        command: { title: 'Open to the internet: 3306 (MySQL) · 2 rules · 2 findings', command: SHOW_EXPOSURES_COMMAND, arguments: [{ uri, resource: 'aws_security_group.db' }] },
      },
    ]);
  });

  it('says so when a resource opens nothing to the internet, and follows edits', async () => {
    const uri = 'file:///project/lens-clean.tf';
    await session.open(uri, CLEAN);
    assert.deepEqual((await lenses(session, uri))?.map((lens) => lens.command?.title), ['Not open to the internet · 1 rule']);
    await session.replaceAll(uri, CLEAN.replace('10.0.0.0/8', '0.0.0.0/0'));
    assert.deepEqual((await lenses(session, uri))?.map((lens) => lens.command?.title), ['Open to the internet: 443 · 1 rule']);
  });

  it('lists the exposures of open documents and of files on disk, skipping what it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portwarden-exposures-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'db.tf'), DATABASE);
    writeFileSync(join(dir, 'notes.md'), '# not infrastructure\n');
    const onDisk = pathToFileURL(join(dir, 'db.tf')).href;
    const open = 'file:///project/exposures-web.tf';
    await session.open(open, WEB);
    const missing = pathToFileURL(join(dir, 'gone.tf')).href;
    const result = await exposures(session, [open, onDisk, pathToFileURL(join(dir, 'notes.md')).href, missing]);
    assert.deepEqual(result.exposures.map((item) => [item.uri, item.resource, item.range.start.line, item.direction, item.protocol, item.ports, item.portLabels, item.peers, item.reach, item.ownerState, item.owner, item.findings.map((finding) => finding.checkId)]), [
      [open, 'aws_security_group.web', 10, 'ingress', 'tcp', '0-65535', ['0-65535'], ['0.0.0.0/0'], 'internet', 'named', 'platform-team', ['full-range-exposure']],
      [onDisk, 'aws_security_group.db', 3, 'ingress', 'tcp', '3306', ['3306'], ['0.0.0.0/0'], 'internet', 'missing', undefined, ['missing-owner', 'public-database']],
      [onDisk, 'aws_security_group.db', 10, 'ingress', 'tcp', '22', ['22'], ['203.0.113.0/24'], 'external', 'missing', undefined, ['missing-owner']],
    ]);
    assert.deepEqual(result.exposures[0].range, { start: { line: 10, character: 2 }, end: { line: 15, character: 3 } });
    assert.deepEqual(result.skipped.map((item) => item.uri), [missing]);
  });

  it('lists an open document as the editor has it, not as it is on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portwarden-exposures-'));
    temporary.push(dir);
    writeFileSync(join(dir, 'main.tf'), CLEAN);
    const uri = pathToFileURL(join(dir, 'main.tf')).href;
    await session.open(uri, CLEAN.replace('10.0.0.0/8', '0.0.0.0/0'));
    const result = await exposures(session, [uri]);
    assert.deepEqual(result.exposures.map((item) => item.reach), ['internet']);
  });
});

describe('code lenses for a plain LSP client', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({ settings: () => null });
  });
  after(() => session.dispose());

  it('are text only: no command the client does not run', async () => {
    const uri = 'file:///project/plain.tf';
    await session.open(uri, DATABASE);
    assert.deepEqual((await lenses(session, uri))?.map((lens) => lens.command), [{ title: 'Open to the internet: 3306 (MySQL) · 2 rules · 2 findings', command: '' }]);
  });
});
