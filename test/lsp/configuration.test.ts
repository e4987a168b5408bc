import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { DATABASE, WEB } from './support/fixtures';
import { FULL_CAPABILITIES, isCodeAction, LspSession } from './support/session';

const codes = (params: { diagnostics: { code?: number | string }[] }) => params.diagnostics.map((diagnostic) => diagnostic.code);

describe('editor settings (workspace/configuration, per resource)', () => {
  let session: LspSession;
  let settings: Record<string, unknown> = {};
  before(async () => {
    session = await LspSession.start({
      settings: (scopeUri) => (scopeUri?.includes('/quiet/') ? { checks: { 'full-range-exposure': 'off' } } : settings),
    });
  });
  after(() => session.dispose());

  it('asks per document and applies the answer to that document only', async () => {
    assert.deepEqual(codes(await session.open('file:///project/quiet/main.tf', WEB)), []);
    assert.deepEqual(codes(await session.open('file:///project/loud/main.tf', WEB)), ['full-range-exposure']);
  });

  it('registers for configuration changes and for .portwarden.yaml changes', () => {
    const methods = session.registrations.map((registration) => registration.method);
    assert.ok(methods.includes('workspace/didChangeConfiguration'));
    const watcher = session.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles');
    const globs = ['**/.portwarden.yaml', '**/*.tf', '**/*.tf.json', '**/*.tfvars', '**/*.tfvars.json'];
    assert.deepEqual(watcher?.registerOptions, { watchers: globs.map((globPattern) => ({ globPattern })) });
  });

  it('caches the settings of an open document: an edit asks nothing again', async () => {
    const uri = 'file:///project/cached/main.tf';
    await session.open(uri, WEB);
    const asked = session.configurationRequests;
    await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
    assert.equal(session.configurationRequests, asked);
  });

  it('on didChangeConfiguration, asks again and re-lints every open document at once', async () => {
    const uri = 'file:///project/changing/main.tf';
    assert.deepEqual(codes(await session.open(uri, WEB)), ['full-range-exposure']);
    const since = session.diagnostics.length;
    settings = { maxPortRange: 65536, checks: { 'admin-port-exposed': 'info' } };
    await session.changeConfiguration();
    // The same version again, now under the new settings: named ports instead of a full range.
    const relinted = await session.waitForDiagnostics(uri, (params) => params.version === 1, since);
    assert.deepEqual(relinted.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [
      ['admin-port-exposed', DiagnosticSeverity.Information],
      ['public-database', DiagnosticSeverity.Error],
    ]);
    settings = {};
  });

  it('portwarden.enable = false clears the diagnostics', async () => {
    const uri = 'file:///project/disabled/main.tf';
    await session.open(uri, WEB);
    const since = session.diagnostics.length;
    settings = { enable: false };
    await session.changeConfiguration();
    await session.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, since);
    settings = {};
  });

  it('portwarden.trustedCidrs feeds "Restrict source to …"', async () => {
    const uri = 'file:///project/trusted/main.tf';
    settings = { trustedCidrs: ['192.0.2.0/24', 'not a cidr'] };
    await session.changeConfiguration();
    const published = await session.open(uri, DATABASE);
    const diagnostic = published.diagnostics.find((item) => item.code === 'public-database');
    assert.ok(diagnostic);
    const titles = (await session.codeActions(uri, diagnostic.range)).filter(isCodeAction).map((action) => action.title);
    assert.ok(titles.includes('Restrict source to 192.0.2.0/24'), titles.join(' | '));
    settings = {};
  });

  it('ignores settings of the wrong type instead of failing', async () => {
    settings = { enable: 'yes', checks: { 'full-range-exposure': 'loud', x: 3 }, maxPortRange: -4, publicPorts: 'all', ownerKeys: 'team' };
    await session.changeConfiguration();
    assert.deepEqual(codes(await session.open('file:///project/junk/main.tf', WEB)), ['full-range-exposure']);
    settings = {};
  });
});

describe('editor settings pushed by a client without workspace/configuration', () => {
  it('uses the portwarden section of didChangeConfiguration', async () => {
    const { workspace, ...rest } = FULL_CAPABILITIES;
    const session = await LspSession.start({ capabilities: { ...rest, workspace: { ...workspace, configuration: false } } });
    try {
      const uri = 'file:///project/pushed/main.tf';
      assert.deepEqual(codes(await session.open(uri, WEB)), ['full-range-exposure']);
      const since = session.diagnostics.length;
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { portwarden: { checks: { 'full-range-exposure': 'off' } } } });
      await session.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, since);
      assert.equal(session.configurationRequests, 0);
    } finally {
      await session.dispose();
    }
  });
});

describe('.portwarden.yaml (the nearest one above the document, watched)', () => {
  let session: LspSession;
  let root: string;
  let editorSettings: unknown = null;
  const configPath = () => join(root, '.portwarden.yaml');
  const documentUri = (relative: string) => pathToFileURL(join(root, relative)).href;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'portwarden-lsp-'));
    mkdirSync(join(root, 'stacks', 'web'), { recursive: true });
    writeFileSync(configPath(), 'checks:\n  full-range-exposure: warning\nignore:\n  - generated/**\n');
    session = await LspSession.start({ settings: () => editorSettings, rootUri: pathToFileURL(root).href });
  });
  after(async () => {
    await session.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('applies the file above the document, over the editor settings', async () => {
    editorSettings = { checks: { 'full-range-exposure': 'off' } };
    await session.changeConfiguration();
    const published = await session.open(documentUri('stacks/web/main.tf'), WEB);
    assert.deepEqual(published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['full-range-exposure', DiagnosticSeverity.Warning]]);
    editorSettings = null;
    await session.changeConfiguration();
  });

  it('skips documents under the file\'s ignore globs', async () => {
    assert.deepEqual(codes(await session.open(documentUri('generated/main.tf'), WEB)), []);
  });

  it('re-lints open documents at once when the file changes (workspace/didChangeWatchedFiles)', async () => {
    const uri = documentUri('stacks/web/watched.tf');
    assert.deepEqual(codes(await session.open(uri, WEB)), ['full-range-exposure']);
    const since = session.diagnostics.length;
    writeFileSync(configPath(), 'checks:\n  full-range-exposure: "off"\n');
    await session.changeWatchedFiles([{ uri: pathToFileURL(configPath()).href, type: FileChangeType.Changed }]);
    await session.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, since);
  });

  it('logs what is wrong with a broken file, naming the file and the line, and still lints', async () => {
    const uri = documentUri('stacks/web/broken-config.tf');
    writeFileSync(configPath(), 'checks:\n  full-range-exposure: loud\n');
    await session.changeWatchedFiles([{ uri: pathToFileURL(configPath()).href, type: FileChangeType.Changed }]);
    assert.deepEqual(codes(await session.open(uri, WEB)), ['full-range-exposure']);
    assert.ok(session.logs.some((line) => line.startsWith(`${configPath()}:2:`)), session.logs.join('\n'));
  });

  it('notices a deleted file', async () => {
    const uri = documentUri('stacks/web/deleted-config.tf');
    writeFileSync(configPath(), 'checks:\n  full-range-exposure: "off"\n');
    await session.changeWatchedFiles([{ uri: pathToFileURL(configPath()).href, type: FileChangeType.Changed }]);
    assert.deepEqual(codes(await session.open(uri, WEB)), []);
    const since = session.diagnostics.length;
    rmSync(configPath());
    await session.changeWatchedFiles([{ uri: pathToFileURL(configPath()).href, type: FileChangeType.Deleted }]);
    await session.waitForDiagnostics(uri, (params) => codes(params).includes('full-range-exposure'), since);
  });
});
