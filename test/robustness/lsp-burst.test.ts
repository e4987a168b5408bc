import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspSession } from '../lsp/support/session';
import { WEB } from '../lsp/support/fixtures';

/*
 * The built language server (dist/server.js over stdio) under a burst of edits, and on documents
 * it must not lint: one too large, and one with a port no value can be. `npm run memory:lsp`
 * measures its memory over 10,000 edits (scripts/memory-lsp.mjs).
 */
describe('the language server under load (built server, stdio)', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({ settings: () => null });
  });
  after(() => session.dispose());

  it('1,000 didChange in a row: diagnostics for the last version, a handful of lints, never an older version after a newer one', async (t) => {
    const uri = 'file:///project/burst-1000.tf';
    await session.open(uri, WEB);
    const since = session.diagnostics.length;
    // Line 12 is `    to_port     = 65535`: the burst flips it between 22 and 65535, and the last edit makes it 1024.
    // All 1,000 are written at once, as an editor replaying a macro would, not one per event-loop turn.
    const sends: Promise<number>[] = [];
    for (let i = 1; i <= 1000; i++) {
      const line = session.text(uri).split('\n')[12];
      const port = i === 1000 ? 1024 : i % 2 === 0 ? 65535 : 22;
      sends.push(session.sendChange(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: line.length } }, text: `    to_port     = ${port}` }]));
    }
    const version = Math.max(...(await Promise.all(sends)));
    assert.equal(version, 1001);
    const last = await session.waitForDiagnostics(uri, (params) => params.version === version, since);
    assert.deepEqual(last.diagnostics.map((diagnostic) => diagnostic.message), ['1,025 ports (0-1024) are open to 0.0.0.0/0']);
    // Give a late, stale lint the time to show up if there were one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const versions = session.diagnostics.slice(since).filter((params) => params.uri === uri).map((params) => params.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions.join(', ')}`);
    assert.equal(versions.at(-1), version, `something was published after the last version: ${versions.join(', ')}`);
    // The debouncer lints a change that follows a quiet spell at once and merges the rest into one lint
    // 20 ms after the last. The messages reach the server in chunks, and on a loaded machine a pause
    // between two chunks can pass for a quiet spell: measured here 2 to 9 publishes, never one per change.
    t.diagnostic(`published versions: ${versions.join(', ')}`);
    assert.ok(versions.length <= 25, `${versions.length} publishes for 1,000 changes: ${versions.join(', ')}`);
    assert.equal(session.errorOutput, '');
  });

  it('a document over maxFileSize gets one warning saying so, at once, instead of a frozen editor', async () => {
    const uri = 'file:///project/generated-2mb.tf';
    const text = WEB.repeat(Math.ceil((2 * 1024 * 1024) / WEB.length));
    const started = Date.now();
    const published = await session.open(uri, text);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.equal(published.diagnostics.length, 1);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(diagnostic.message, /^The file has 2\.0 MiB \(2,\d{3},\d{3} bytes\), more than maxFileSize \(1\.0 MiB \(1,048,576 bytes\)\): it was not linted\./);
    await session.close(uri);
  });

  it('a port no value can be is a warning at its exact range, with no check id and no fix', async () => {
    const uri = 'file:///project/invalid-port.tf';
    const text = WEB.replace('to_port     = 65535', 'to_port     = 65536');
    const published = await session.open(uri, text);
    const notes = published.diagnostics.filter((diagnostic) => diagnostic.code === undefined);
    assert.deepEqual(notes.map((diagnostic) => [diagnostic.severity, diagnostic.range, diagnostic.message]), [
      [DiagnosticSeverity.Warning, { start: { line: 12, character: 18 }, end: { line: 12, character: 23 } }, "Port 65536 is outside 0-65535; the rule's ports were not checked"],
    ]);
    assert.deepEqual(published.diagnostics.filter((diagnostic) => diagnostic.code === 'full-range-exposure'), []);
    const actions = await session.codeActions(uri, notes[0].range, ['quickfix']);
    assert.deepEqual(actions, []);
  });
});
