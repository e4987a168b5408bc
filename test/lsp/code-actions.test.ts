import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { lintDocument } from '../../server/src/engine/index';
import { ready } from '../../server/src/testing/engine';
import {
  INSERT_SNIPPET_COMMAND,
  NARROW_PORTS_COMMAND,
  NARROW_PORTS_REQUEST,
  type InsertSnippetArgs,
  type NarrowPortsParams,
  type NarrowPortsResult,
  type NarrowPortsTarget,
} from '../../server/src/shared/protocol';
import { CLEAN, DATABASE, WEB } from './support/fixtures';
import { isCodeAction, LspSession } from './support/session';

const RICH_CLIENT = { clientCommands: [NARROW_PORTS_COMMAND, INSERT_SNIPPET_COMMAND] };
let documents = 0;
const freshUri = (name: string) => `file:///project/${name}-${++documents}.tf`;

async function actionsFor(session: LspSession, uri: string, code: string, only?: string[]): Promise<CodeAction[]> {
  const diagnostic = session.diagnostics.filter((params) => params.uri === uri).at(-1)?.diagnostics.find((item) => item.code === code);
  assert.ok(diagnostic, `no ${code} diagnostic for ${uri}`);
  const actions = await session.codeActions(uri, diagnostic.range, only);
  return actions.filter(isCodeAction);
}

/** What the client's snippet command does when the user keeps the tab stop's text. */
function snippetAsEdit(args: InsertSnippetArgs, typed: string): WorkspaceEdit {
  const newText = args.snippet.replace(/\$\{1:[^}]*\}/, typed).replace(/\\([\\$}])/g, '$1');
  const range = { start: { line: args.line, character: args.character }, end: { line: args.endLine, character: args.endCharacter } };
  return { changes: { [args.uri]: [{ range, newText }] } };
}

function edited(action: CodeAction): WorkspaceEdit {
  assert.ok(action.edit, `${action.title} has no edit`);
  return action.edit;
}

/** What the engine says of a text: used to prove a fix leaves no syntax error behind. */
function syntaxErrors(text: string): number {
  return lintDocument({ text, path: 'main.tf', today: '2026-11-23' }).parseErrors.length;
}

describe('code actions over LSP, for a client that runs the Port Warden commands', () => {
  let session: LspSession;
  before(async () => {
    await ready();
    session = await LspSession.start({ settings: () => null, initializationOptions: RICH_CLIENT });
  });
  after(() => session.dispose());

  it('offers every fix as a quick fix: the listener port first and preferred, then public ports, the port prompt, and ignore', async () => {
    const uri = freshUri('web');
    const published = await session.open(uri, WEB);
    const actions = await actionsFor(session, uri, 'full-range-exposure');
    assert.deepEqual(actions.map((action) => [action.title, action.kind, action.isPreferred === true]), [
      ['Narrow port range to 8443', 'quickfix', true],
      ['Narrow port range to 443', 'quickfix', false],
      ['Narrow port range to 80', 'quickfix', false],
      ['Narrow port range…', 'quickfix', false],
      ['Ignore full-range-exposure on this line (with a reason)', 'quickfix', false],
    ]);
    for (const action of actions) assert.deepEqual(action.diagnostics, published.diagnostics, `${action.title} names the diagnostic it fixes`);
  });

  for (const [title, port] of [['Narrow port range to 8443', 8443], ['Narrow port range to 443', 443], ['Narrow port range to 80', 80]] as const) {
    it(`"${title}" rewrites from_port and to_port; re-linting shows the finding gone and no syntax error`, async () => {
      const uri = freshUri('narrow');
      await session.open(uri, WEB);
      const action = (await actionsFor(session, uri, 'full-range-exposure')).find((candidate) => candidate.title === title);
      assert.ok(action);
      const after = await session.applyEdit(uri, edited(action));
      const lines = session.text(uri).split('\n');
      assert.deepEqual([lines[11].trim(), lines[12].trim()], [`from_port   = ${port}`, `to_port     = ${port}`]);
      assert.deepEqual(after.diagnostics, []);
      assert.equal(syntaxErrors(session.text(uri)), 0);
    });
  }

  it('"Narrow port range…" carries what the client needs to ask for ports and find the rule again', async () => {
    const uri = freshUri('prompt');
    await session.open(uri, WEB);
    const action = (await actionsFor(session, uri, 'full-range-exposure')).find((candidate) => candidate.title === 'Narrow port range…');
    assert.ok(action?.command);
    assert.equal(action.command.command, NARROW_PORTS_COMMAND);
    const target: NarrowPortsTarget = { uri, version: 1, ruleStart: WEB.indexOf('ingress {'), currentPorts: '0-65535', acceptsList: false };
    assert.deepEqual(action.command.arguments, [target]);
  });

  it('the narrow-ports request rewrites the rule with the typed ports; re-linting shows the finding gone', async () => {
    const uri = freshUri('typed');
    await session.open(uri, WEB);
    const action = (await actionsFor(session, uri, 'full-range-exposure')).find((candidate) => candidate.title === 'Narrow port range…');
    const [target] = action?.command?.arguments as [NarrowPortsTarget];
    const params: NarrowPortsParams = { target, ports: '8000-8080' };
    const result: NarrowPortsResult = await session.connection.sendRequest(NARROW_PORTS_REQUEST, params);
    assert.ok(result.edit, result.error);
    const after = await session.applyEdit(uri, result.edit);
    assert.match(session.text(uri), /from_port {3}= 8000\n {4}to_port {5}= 8080\n/);
    assert.deepEqual(after.diagnostics, []);
    assert.equal(syntaxErrors(session.text(uri)), 0);
  });

  it('the narrow-ports request refuses what cannot be written, saying why', async () => {
    const uri = freshUri('refused');
    await session.open(uri, WEB);
    const action = (await actionsFor(session, uri, 'full-range-exposure')).find((candidate) => candidate.title === 'Narrow port range…');
    const [target] = action?.command?.arguments as [NarrowPortsTarget];
    const ask = (ports: string, changed: Partial<NarrowPortsTarget> = {}): Promise<NarrowPortsResult> =>
      session.connection.sendRequest(NARROW_PORTS_REQUEST, { target: { ...target, ...changed }, ports } satisfies NarrowPortsParams);
    assert.deepEqual(await ask('70000'), { error: '"70000" is outside 0-65535.' });
    assert.deepEqual(await ask('https'), { error: '"https" is not a port or a range such as 8000-8080.' });
    assert.deepEqual(await ask('80, 443'), { error: 'This rule holds one range only; 80, 443 needs a rule per range.' });
    assert.deepEqual(await ask('443', { version: 7 }), { error: 'The document changed since the fix was offered: open the quick fixes again.' });
  });

  it('"Ignore with reason" is a snippet with the reason as its first tab stop', async () => {
    const uri = freshUri('snippet');
    await session.open(uri, WEB);
    const action = (await actionsFor(session, uri, 'full-range-exposure')).find((candidate) => candidate.title.startsWith('Ignore'));
    assert.ok(action?.command);
    assert.equal(action.edit, undefined);
    const args: InsertSnippetArgs = { uri, version: 1, line: 11, character: 0, endLine: 11, endCharacter: 0, snippet: '    # portwarden-ignore full-range-exposure: ${1:TODO reason}\n' };
    assert.deepEqual(action.command, { title: action.title, command: INSERT_SNIPPET_COMMAND, arguments: [args] });
  });

  it('"Restrict source" and "Add owner" fix the database group; re-linting shows each finding gone', async () => {
    const uri = freshUri('db');
    await session.open(uri, DATABASE);
    const restrict = (await actionsFor(session, uri, 'public-database')).find((candidate) => candidate.title === 'Restrict source to 10.0.0.0/8');
    assert.equal(restrict?.isPreferred, true);
    const afterRestrict = await session.applyEdit(uri, edited(restrict));
    assert.deepEqual(afterRestrict.diagnostics.map((diagnostic) => diagnostic.code), ['missing-owner']);
    const owner = (await actionsFor(session, uri, 'missing-owner')).find((candidate) => candidate.title === 'Add owner tag');
    // The owner's name is a snippet tab stop: only a person can name the owner.
    assert.equal(owner?.command?.command, INSERT_SNIPPET_COMMAND);
    const snippet = owner.command.arguments?.[0] as InsertSnippetArgs;
    assert.match(snippet.snippet, /owner = "\$\{1:TODO\}"/);
    const afterOwner = await session.applyEdit(uri, snippetAsEdit(snippet, 'TODO'));
    assert.deepEqual(afterOwner.diagnostics, []);
    assert.match(session.text(uri), /\n {2}tags = \{\n {4}owner = "TODO"\n {2}\}\n\}\n$/);
    assert.equal(syntaxErrors(session.text(uri)), 0);
  });

  it('source.fixAll.portwarden applies every preferred fix at once; re-linting leaves only what needs a person', async () => {
    const uri = freshUri('all');
    const text = `${WEB}\n${DATABASE}`;
    await session.open(uri, text);
    const [fixAll, ...others] = (await session.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll'])).filter(isCodeAction);
    assert.equal(others.length, 0);
    assert.equal(fixAll.kind, 'source.fixAll.portwarden');
    assert.equal(fixAll.title, 'Fix all Port Warden problems in this file');
    const after = await session.applyEdit(uri, edited(fixAll));
    assert.deepEqual(after.diagnostics.map((diagnostic) => diagnostic.code), ['missing-owner']);
    assert.match(session.text(uri), /from_port {3}= 8443\n {4}to_port {5}= 8443\n/);
    assert.match(session.text(uri), /from_port {3}= 3306\n {4}to_port {5}= 3306\n {4}protocol {4}= "tcp"\n {4}cidr_blocks = \["10\.0\.0\.0\/8"\]/);
    assert.equal(syntaxErrors(session.text(uri)), 0);
  });

  it('offers fix-all for the source menu and on save, not with the quick fixes', async () => {
    const uri = freshUri('kinds');
    await session.open(uri, WEB);
    const kinds = async (only?: string[]) => (await session.codeActions(uri, { start: { line: 11, character: 4 }, end: { line: 11, character: 4 } }, only)).filter(isCodeAction).map((action) => action.kind);
    assert.deepEqual(await kinds(['source']), ['source.fixAll.portwarden']);
    assert.deepEqual(await kinds(['source.fixAll.portwarden']), ['source.fixAll.portwarden']);
    assert.ok((await kinds(['quickfix'])).every((kind) => kind === 'quickfix'));
    assert.ok((await kinds()).every((kind) => kind === 'quickfix'));
  });

  it('offers no fix-all when nothing has a preferred fix', async () => {
    const uri = freshUri('clean');
    await session.open(uri, CLEAN);
    assert.deepEqual(await session.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']), []);
  });
});

describe('code actions for a client without the Port Warden commands (plain LSP)', () => {
  let session: LspSession;
  before(async () => {
    await ready();
    session = await LspSession.start({ settings: () => null });
  });
  after(() => session.dispose());

  it('offers plain edits only: no port prompt, and "Ignore with reason" writes the comment itself', async () => {
    const uri = freshUri('plain');
    await session.open(uri, WEB);
    const actions = await actionsFor(session, uri, 'full-range-exposure');
    assert.ok(actions.every((action) => action.edit !== undefined && action.command === undefined));
    assert.ok(!actions.some((action) => action.title === 'Narrow port range…'));
    const ignore = actions.find((action) => action.title.startsWith('Ignore'));
    assert.ok(ignore);
    const after = await session.applyEdit(uri, edited(ignore));
    assert.equal(session.text(uri).split('\n')[11], '    # portwarden-ignore full-range-exposure: TODO reason');
    assert.deepEqual(after.diagnostics, []);
    assert.equal(syntaxErrors(session.text(uri)), 0);
  });

  it('sends unversioned edits to a client without documentChanges support', async () => {
    const plain = await LspSession.start({ settings: () => null, capabilities: { textDocument: { publishDiagnostics: {} } } });
    try {
      const uri = freshUri('unversioned');
      await plain.open(uri, WEB);
      const [first] = await actionsFor(plain, uri, 'full-range-exposure');
      assert.ok(first.edit?.changes?.[uri]);
      assert.equal(first.edit.documentChanges, undefined);
    } finally {
      await plain.dispose();
    }
  });
});
