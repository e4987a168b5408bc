import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { CLEAN, DATABASE, WEB } from './support/fixtures';
import { LspSession } from './support/session';

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('hover over LSP', () => {
  let session: LspSession;
  const web = 'file:///project/hover-web.tf';
  const db = 'file:///project/hover-db.tf';
  before(async () => {
    session = await LspSession.start({ settings: () => null });
    await session.open(web, WEB);
    await session.open(db, DATABASE);
  });
  after(() => session.dispose());

  it('names a well-known port and adds the finding on it', async () => {
    const hover = await session.hover(db, { line: 4, character: 19 });
    assert.equal(markdown(hover), '3306 MySQL\n\n---\n\nMySQL (3306) is open to 0.0.0.0/0 (`public-database`)');
    assert.deepEqual(hover?.range, { start: { line: 4, character: 4 }, end: { line: 5, character: 22 } });
  });

  it('counts a range and names the well-known ports inside it', async () => {
    const text = markdown(await session.hover(web, { line: 12, character: 20 }));
    const [ports, finding] = text.split('\n\n---\n\n');
    assert.match(ports, /^0-65535: 65,536 ports, including 20 FTP data, 21 FTP, 22 SSH, 23 Telnet, 135 Windows RPC and \d+ more named ports$/);
    assert.equal(finding, '65,536 ports (0-65535) are open to 0.0.0.0/0 (`full-range-exposure`)');
  });

  it('describes the whole internet, a public range and a private one', async () => {
    const internet = await session.hover(web, { line: 14, character: 22 });
    assert.equal(markdown(internet), '0.0.0.0/0: the whole IPv4 internet');
    assert.deepEqual(internet?.range, { start: { line: 14, character: 20 }, end: { line: 14, character: 29 } });
    assert.equal(markdown(await session.hover(db, { line: 14, character: 24 })), '203.0.113.0/24: 256 public addresses');
    const clean = 'file:///project/hover-clean.tf';
    await session.open(clean, CLEAN);
    assert.equal(markdown(await session.hover(clean, { line: 7, character: 22 })), '10.0.0.0/8: 16,777,216 private addresses');
  });

  it('says nothing away from ports and addresses', async () => {
    assert.equal(await session.hover(web, { line: 7, character: 2 }), null);
    assert.equal(await session.hover(web, { line: 0, character: 5 }), null);
  });

  it('answers in plain text to a client without markdown', async () => {
    const plain = await LspSession.start({ settings: () => null, capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } } });
    try {
      await plain.open(db, DATABASE);
      const hover = await plain.hover(db, { line: 4, character: 19 });
      assert.deepEqual(hover?.contents, { kind: 'plaintext', value: '3306 MySQL\n\nMySQL (3306) is open to 0.0.0.0/0 (`public-database`)' });
    } finally {
      await plain.dispose();
    }
  });
});
