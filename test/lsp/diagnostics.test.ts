import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { DATABASE, WEB } from './support/fixtures';
import { LspSession } from './support/session';

describe('diagnostics over LSP (the built server, stdio)', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({ settings: () => null });
  });
  after(() => session.dispose());

  it('says what it serves: incremental sync, quick fixes and fix-all, hover', () => {
    assert.deepEqual(session.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(session.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.portwarden'] });
    assert.equal(session.capabilities.hoverProvider, true);
  });

  it('publishes findings on open with exact ranges, check id, source, docs link and related information', async () => {
    const uri = 'file:///project/web.tf';
    const published = await session.open(uri, WEB);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics, [{
      range: { start: { line: 11, character: 4 }, end: { line: 12, character: 23 } },
      severity: DiagnosticSeverity.Error,
      code: 'full-range-exposure',
      source: 'portwarden',
      message: '65,536 ports (0-65535) are open to 0.0.0.0/0',
      codeDescription: { href: 'https://github.com/portwarden/portwarden/blob/main/docs/checks/full-range-exposure.md' },
      relatedInformation: [{ location: { uri, range: { start: { line: 7, character: 0 }, end: { line: 7, character: 35 } } }, message: 'in aws_security_group.web' }],
    }]);
  });

  it('reports every check on its own token', async () => {
    const published = await session.open('file:///project/db.tf', DATABASE);
    assert.deepEqual(published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character]), [
      ['missing-owner', DiagnosticSeverity.Warning, 0, 0, 0, 34],
      ['public-database', DiagnosticSeverity.Error, 4, 4, 5, 22],
    ]);
  });

  it('re-lints after an incremental change and tags the result with the new version', async () => {
    const uri = 'file:///project/change.tf';
    await session.open(uri, WEB);
    // "65535" -> "443" on line 12: the range becomes 0-443, which is under the 1,024-port threshold.
    const published = await session.change(uri, [{ range: { start: { line: 12, character: 18 }, end: { line: 12, character: 23 } }, text: '443' }]);
    assert.equal(published.version, 2);
    assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['admin-port-exposed']);
    assert.equal(published.diagnostics[0].message, 'FTP data (20), FTP (21), SSH (22) and 3 more are open to 0.0.0.0/0');
    const back = await session.change(uri, [{ range: { start: { line: 12, character: 18 }, end: { line: 12, character: 21 } }, text: '65535' }]);
    assert.deepEqual(back.diagnostics.map((diagnostic) => diagnostic.code), ['full-range-exposure']);
  });

  it('publishes only the last of several quick changes, and never an older version after a newer one', async () => {
    const uri = 'file:///project/burst.tf';
    await session.open(uri, WEB);
    const since = session.diagnostics.length;
    // Delete "65535" on line 12, then type "1024" one character at a time without waiting: the
    // versions in between would report other things (0-1 nothing, 0-102 admin ports).
    let version = await session.sendChange(uri, [{ range: { start: { line: 12, character: 18 }, end: { line: 12, character: 23 } }, text: '' }]);
    for (const [i, digit] of [...'1024'].entries()) {
      version = await session.sendChange(uri, [{ range: { start: { line: 12, character: 18 + i }, end: { line: 12, character: 18 + i } }, text: digit }]);
    }
    assert.equal(session.text(uri).split('\n')[12], '    to_port     = 1024');
    const last = await session.waitForDiagnostics(uri, (params) => params.version === version, since);
    assert.deepEqual(last.diagnostics.map((diagnostic) => diagnostic.message), ['1,025 ports (0-1024) are open to 0.0.0.0/0']);
    const versions = session.diagnostics.slice(since).filter((params) => params.uri === uri).map((params) => params.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions.join(', ')}`);
    assert.ok(versions.length < 5, `expected the burst to be merged, got ${versions.length} publishes`);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///project/closed.tf';
    const opened = await session.open(uri, WEB);
    assert.equal(opened.diagnostics.length, 1);
    const cleared = await session.close(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('lints by language id, so an untitled Terraform buffer is linted too', async () => {
    const published = await session.open('untitled:Untitled-1', WEB, 'terraform');
    assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['full-range-exposure']);
  });

  it('lints a .tf file whatever language id the client gives it (Neovim says "tf" or "terraform")', async () => {
    const published = await session.open('file:///project/other-client.tf', WEB, 'tf');
    assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['full-range-exposure']);
  });

  it('publishes nothing for a YAML document that no adapter claims (a Helm values file)', async () => {
    const published = await session.open('file:///project/values.yaml', 'ports:\n  - 0-65535\ncidr: 0.0.0.0/0\n', 'yaml');
    assert.deepEqual(published.diagnostics, []);
  });
});

describe('malformed documents never crash the server', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start({ settings: () => null });
  });
  after(() => session.dispose());

  const broken: readonly [string, string][] = [
    ['empty', ''],
    ['a lone brace', '{'],
    ['a block that never closes', 'resource "aws_security_group" "web" {\n  ingress {\n    from_port = 0\n'],
    ['an unterminated string', 'resource "aws_security_group" "web" {\n  name = "web\n}\n'],
    ['an unterminated heredoc', 'locals {\n  x = <<EOT\n  hello\n'],
    ['an unterminated interpolation', 'locals {\n  x = "${var.a"\n}\n'],
    ['NUL and control characters', 'resource "\u0000" "\u0007" {\n\u0001\u0002 = \u001b[0m\n}\n'],
    ['lone surrogates and emoji', 'resource "aws_security_group" "\ud800" {\n  name = "\udfff😀"\n}\n'],
    ['20,000 nested braces', '{'.repeat(20000)],
    ['a 200,000-character line', `locals { x = "${'a'.repeat(200000)}" }\n`],
    ['binary garbage', Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    ['ports and CIDRs out of range', 'resource "aws_security_group_rule" "x" {\n  type = "ingress"\n  from_port = -5\n  to_port = 99999999999999999999\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/99", "999.1.1.1/8", ""]\n  security_group_id = "sg-1"\n}\n'],
  ];

  for (const [name, text] of broken) {
    it(`answers for ${name}`, async () => {
      const uri = `file:///project/broken-${name.replace(/\W+/g, '-')}.tf`;
      const published = await session.open(uri, text);
      assert.ok(Array.isArray(published.diagnostics));
      await session.close(uri);
    });
  }

  it('still lints a good document afterwards, and a broken block does not hide the others', async () => {
    const published = await session.open('file:///project/after-broken.tf', `resource "aws_security_group" "broken" {\n  ingress {\n    from_port = ]\n  }\n}\n\n${WEB}`);
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'full-range-exposure'), JSON.stringify(published.diagnostics));
    assert.equal(session.errorOutput, '');
  });
});
