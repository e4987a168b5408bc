import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const root = join(__dirname, '..', '..', '..');
const GRAMMAR = join(root, 'syntaxes', 'terraform.tmLanguage.json');
const SCOPE = 'source.terraform.portwarden';

/** Tokenizes with the TextMate engine VS Code uses (vscode-textmate on Oniguruma), line by line. */
function tokenize(grammar: IGrammar, text: string): { text: string; scopes: string[] }[] {
  const tokens: { text: string; scopes: string[] }[] = [];
  let stack = INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    stack = result.ruleStack;
  }
  return tokens;
}

/** The scopes of the first token with exactly this text. */
function scopesOf(tokens: { text: string; scopes: string[] }[], text: string, nth = 0): string[] {
  const found = tokens.filter((token) => token.text === text)[nth];
  assert.ok(found, `no token "${text}" in ${JSON.stringify(tokens.map((token) => token.text))}`);
  return found.scopes;
}

const SAMPLE = `# A comment
// another one
/* a block
   comment */
resource "aws_security_group" "web" {
  name        = "web-\${var.env}"
  description = "escaped \\" quote and $\${literal}"
  port        = 8443
  ratio       = 1.5e3
  enabled     = true
  cidrs       = [for c in var.cidrs : c if c != "0.0.0.0/0"]
  policy      = <<-EOT
    allow \${local.who}
  EOT

  ingress {
    from_port = 0
  }

  tags = merge(local.tags, { "Name" = "web" })
}
`;

describe('the Terraform TextMate grammar', () => {
  let grammar: IGrammar;

  before(async () => {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (sources) => new OnigScanner(sources), createOnigString: (text) => new OnigString(text) }),
      loadGrammar: async (scopeName) => (scopeName === SCOPE ? parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
    });
    const loaded = await registry.loadGrammar(SCOPE);
    assert.ok(loaded, 'the grammar did not load');
    grammar = loaded;
  });

  it('is the grammar package.json contributes for the terraform language', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { grammars: { language: string; scopeName: string; path: string }[] } };
    assert.deepEqual(manifest.contributes.grammars, [{ language: 'terraform', scopeName: SCOPE, path: './syntaxes/terraform.tmLanguage.json' }]);
  });

  it('colours comments of all three kinds', () => {
    const tokens = tokenize(grammar, SAMPLE);
    assert.ok(scopesOf(tokens, ' A comment').includes('comment.line.number-sign.terraform'));
    assert.ok(scopesOf(tokens, ' another one').includes('comment.line.double-slash.terraform'));
    assert.ok(scopesOf(tokens, '   comment ').includes('comment.block.terraform'));
  });

  it('colours block types and labels', () => {
    const tokens = tokenize(grammar, SAMPLE);
    assert.ok(scopesOf(tokens, 'resource').includes('entity.name.type.block.terraform'));
    assert.ok(scopesOf(tokens, '"aws_security_group"').includes('entity.name.label.terraform'));
    assert.ok(scopesOf(tokens, '"web"').includes('entity.name.label.terraform'));
    assert.ok(scopesOf(tokens, 'ingress').includes('entity.name.type.block.terraform'));
  });

  it('colours attributes, numbers and constants', () => {
    const tokens = tokenize(grammar, SAMPLE);
    assert.ok(scopesOf(tokens, 'port').includes('variable.other.property.terraform'));
    assert.ok(scopesOf(tokens, 'from_port').includes('variable.other.property.terraform'));
    assert.ok(scopesOf(tokens, '8443').includes('constant.numeric.terraform'));
    assert.ok(scopesOf(tokens, '1.5e3').includes('constant.numeric.terraform'));
    assert.ok(scopesOf(tokens, 'true').includes('constant.language.terraform'));
  });

  it('colours strings with escapes and interpolation, and heredocs', () => {
    const tokens = tokenize(grammar, SAMPLE);
    assert.ok(scopesOf(tokens, '${').includes('meta.interpolation.terraform'));
    assert.ok(scopesOf(tokens, 'env').includes('meta.interpolation.terraform'));
    assert.ok(scopesOf(tokens, '\\"').includes('constant.character.escape.terraform'));
    assert.ok(scopesOf(tokens, '$${').includes('constant.character.escape.terraform'));
    assert.ok(scopesOf(tokens, '    allow ').includes('string.unquoted.heredoc.terraform'));
    assert.ok(scopesOf(tokens, 'who').includes('meta.interpolation.terraform'));
  });

  it('colours keywords, functions and references in expressions', () => {
    const tokens = tokenize(grammar, SAMPLE);
    assert.ok(scopesOf(tokens, 'for').includes('keyword.control.terraform'));
    assert.ok(scopesOf(tokens, 'merge').includes('support.function.terraform'));
    assert.ok(scopesOf(tokens, 'var').includes('variable.language.terraform'));
    assert.ok(scopesOf(tokens, '"Name"').includes('variable.other.property.terraform'));
  });

  it('closes every block: the scope stack is back at the top after the file', () => {
    const tokens = tokenize(grammar, SAMPLE);
    const last = tokens.filter((token) => token.text === '}').at(-1);
    assert.ok(last);
    assert.deepEqual(last.scopes, [SCOPE, 'meta.block.terraform', 'punctuation.section.block.end.terraform']);
    const after = tokenize(grammar, `${SAMPLE}variable "x" {}\n`).filter((token) => token.text === 'variable');
    assert.deepEqual(after[0].scopes, [SCOPE, 'meta.block.terraform', 'entity.name.type.block.terraform']);
  });
});
