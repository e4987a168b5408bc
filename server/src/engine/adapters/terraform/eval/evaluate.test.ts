import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ready } from '../../../../testing/engine';
import { parseDocument } from '../incremental';
import { TerraformProject } from './project';
import { sortedKeys, type EvalValue } from './value';

/** A value as the tables write it: `?` for unknown, sets marked, object keys sorted. */
function show(value: EvalValue): string {
  switch (value.kind) {
    case 'unknown': return '?';
    case 'string': return JSON.stringify(value.value);
    case 'number': case 'bool': return String(value.value);
    case 'null': return 'null';
    case 'tuple': return `${value.isSet ? 'set' : ''}[${value.items.map(show).join(', ')}]`;
    case 'object': return `{${sortedKeys(value.entries).map((key) => `${key} = ${show(value.entries.get(key)!)}`).join(', ')}}`;
  }
}

const DECLARATIONS = `
variable "cidr" {
  default = "10.1.0.0/16"
}
variable "ports" {
  type    = set(number)
  default = [443, 22, 22]
}
variable "rules" {
  default = [{ name = "ssh", port = 22 }, { name = "web", port = 443 }]
}
variable "no_default" {}
locals {
  ssh = 22
  loop_a = local.loop_b
  loop_b = local.loop_a
}
`;

function evaluate(expression: string): EvalValue {
  const text = `${DECLARATIONS}\nlocals {\n  subject = ${expression}\n}\n`;
  const project = new TerraformProject('main.tf', text, parseDocument(text).blocks, undefined);
  const [instance] = project.documentInstances();
  return instance.local('subject', project.evaluator);
}

/** [expression, what it evaluates to]. */
const CASES: readonly (readonly [string, string])[] = [
  // Literals, references and templates.
  ['"a"', '"a"'],
  ['-1', '-1'],
  ['var.cidr', '"10.1.0.0/16"'],
  ['local.ssh', '22'],
  ['"${var.cidr}/x"', '"10.1.0.0/16/x"'],
  ['"port ${local.ssh} ok"', '"port 22 ok"'],
  ['"a\\tb\\"c\\u0041 $${x}"', '"a\\tb\\"cA ${x}"'],
  ['<<EOT\nhello ${local.ssh}\nEOT', '"hello 22\\n"'],
  ['<<-EOT\n    one\n      two\n    EOT', '"one\\n  two\\n"'],
  ['var.rules[1].port', '443'],
  ['var.rules[*].name', '["ssh", "web"]'],
  ['var.rules.0.name', '"ssh"'],
  ['{ a = 1, "b" = 2 }.b', '2'],
  // Operators and conditionals.
  ['1 + 2 * 3', '7'],
  ['(1 + 2) * 3', '9'],
  ['10 % 4 - 1', '1'],
  ['local.ssh == 22 && !false', 'true'],
  ['local.ssh > 100 ? "big" : "small"', '"small"'],
  ['var.no_default ? "a" : "a"', '"a"'],
  ['var.no_default ? "a" : "b"', '?'],
  ['false && var.no_default', 'false'],
  // for expressions.
  ['[for r in var.rules : r.port if r.port != 443]', '[22]'],
  ['{ for r in var.rules : r.name => r.port }', '{ssh = 22, web = 443}'],
  ['{ for i, r in var.rules : r.port => i... }', '{22 = [0], 443 = [1]}'],
  ['[for k, v in { b = 2, a = 1 } : "${k}=${v}"]', '["a=1", "b=2"]'],
  // Variable types.
  ['var.ports', 'set[22, 443]'],
  // Collection functions.
  ['concat([1], [2, 3], [])', '[1, 2, 3]'],
  ['flatten([[1, [2]], [], 3])', '[1, 2, 3]'],
  ['toset(["b", "a", "b"])', 'set["a", "b"]'],
  ['tolist(toset(["b", "a"]))', '["a", "b"]'],
  ['length(var.rules)', '2'],
  ['element(["a", "b"], 3)', '"b"'],
  ['index(["a", "b"], "b")', '1'],
  ['keys({ b = 1, a = 2 })', '["a", "b"]'],
  ['values({ b = 1, a = 2 })', '[2, 1]'],
  ['lookup({ a = "x" }, "a", "d")', '"x"'],
  ['lookup({ a = "x" }, "b", "d")', '"d"'],
  ['lookup({ a = "x" }, "b")', '?'],
  ['merge({ a = 1, b = 1 }, { b = 2 }, null)', '{a = 1, b = 2}'],
  ['contains(["a"], "a")', 'true'],
  ['distinct([1, 2, 1])', '[1, 2]'],
  ['compact(["a", "", null])', '["a"]'],
  ['coalesce("", "x")', '"x"'],
  ['coalescelist([], [1])', '[1]'],
  ['zipmap(["a", "b"], [1, 2])', '{a = 1, b = 2}'],
  ['slice([1, 2, 3], 1, 3)', '[2, 3]'],
  ['reverse([1, 2])', '[2, 1]'],
  ['sort(["b", "a"])', '["a", "b"]'],
  ['range(3)', '[0, 1, 2]'],
  ['range(1, 10, 4)', '[1, 5, 9]'],
  ['range(2000)', '?'],
  ['one([5])', '5'],
  ['sum([1, 2])', '3'],
  ['setunion(["a"], ["b", "a"])', 'set["a", "b"]'],
  ['setintersection(["a", "b"], ["b"])', 'set["b"]'],
  ['setsubtract(["a", "b"], ["b"])', 'set["a"]'],
  ['max(1, 5, 3)', '5'],
  ['min(4, 2)', '2'],
  ['abs(-3)', '3'],
  ['parseint("ff", 16)', '255'],
  ['tonumber("22")', '22'],
  ['tostring(22)', '"22"'],
  ['tobool("true")', 'true'],
  // String functions.
  ['format("%s:%d %05.1f %q %%", "a", 22, 3.14159, "q")', '"a:22 003.1 \\"q\\" %"'],
  ['formatlist("%s-%d", ["a", "b"], [1, 2])', '["a-1", "b-2"]'],
  ['join(",", ["a", "b"], ["c"])', '"a,b,c"'],
  ['split(",", "a,b")', '["a", "b"]'],
  ['lower("AB")', '"ab"'],
  ['upper("ab")', '"AB"'],
  ['trimspace("  a ")', '"a"'],
  ['trim("xxaxx", "x")', '"a"'],
  ['trimprefix("sg-1", "sg-")', '"1"'],
  ['trimsuffix("a.tf", ".tf")', '"a"'],
  ['replace("a-b-c", "-", "_")', '"a_b_c"'],
  ['replace("abc", "/b/", "x")', '?'],
  ['substr("hello", 1, 3)', '"ell"'],
  ['startswith("sg-1", "sg-")', 'true'],
  ['title("hello world")', '"Hello World"'],
  ['chomp("a\\n\\n")', '"a"'],
  // Encoding and networks.
  ['jsonencode({ b = [1, "<x>"], a = true })', '"{\\"a\\":true,\\"b\\":[1,\\"\\\\u003cx\\\\u003e\\"]}"'],
  ['jsondecode("{\\"a\\": [1, 2]}").a[1]', '2'],
  ['cidrsubnet(var.cidr, 8, 2)', '"10.1.2.0/24"'],
  ['cidrsubnet("10.0.0.0/8", 0, 0)', '"10.0.0.0/8"'],
  ['cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', '"fd00:fd12:3456:7800:a200::/72"'],
  ['cidrsubnet("10.0.0.0/30", 4, 1)', '?'],
  ['cidrhost("10.12.112.0/20", 16)', '"10.12.112.16"'],
  ['cidrhost("10.12.112.0/20", -1)', '"10.12.127.255"'],
  ['cidrnetmask("172.16.0.0/12")', '"255.240.0.0"'],
  ['cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)', '["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]'],
  // Unknowns propagate; what is not evaluated stays unknown.
  ['var.no_default', '?'],
  ['var.undeclared', '?'],
  ['aws_security_group.web.id', '?'],
  ['data.aws_vpc.main.cidr_block', '?'],
  ['concat([var.no_default], [1])', '[?, 1]'],
  ['length(concat([var.no_default], [1]))', '2'],
  ['join(",", [var.no_default])', '?'],
  ['"${var.no_default}-x"', '?'],
  ['file("x.txt")', '?'],
  ['timestamp()', '?'],
  ['local.loop_a', '?'],
  ['"%{ if true }x%{ endif }"', '?'],
  ['[for r in var.no_default : r]', '?'],
  ['var.rules[5]', '?'],
];

describe('terraform expression evaluation', () => {
  before(ready);
  for (const [expression, expected] of CASES) {
    it(`${expression.replace(/\n/g, '\\n')} = ${expected}`, () => {
      assert.equal(show(evaluate(expression)), expected);
    });
  }

  it('says why a value is unknown', () => {
    const why = (expression: string): string => {
      const value = evaluate(expression);
      return value.kind === 'unknown' ? value.why : 'known';
    };
    assert.equal(why('var.no_default'), 'var.no_default has no default and no value is given');
    assert.equal(why('local.loop_a'), 'local.loop_a refers to itself');
    assert.equal(why('aws_security_group.web.id'), 'aws_security_group.web.id is an attribute of another resource');
    assert.equal(why('file("x")'), 'function file() is not evaluated');
  });

  it('gives up on hostile input instead of hanging or growing without bound', () => {
    const nested = `${'abs('.repeat(300)}1${')'.repeat(300)}`;
    assert.equal(evaluate(nested).kind, 'unknown', 'the innermost levels are not read');
    const huge = 'join("", [for a in range(1000) : join("", [for b in range(1000) : "xxxxxxxx"])])';
    assert.equal(evaluate(huge).kind, 'unknown');
  });

  it('records where each literal was written', () => {
    const value = evaluate('var.rules[0].port');
    assert.ok(value.kind === 'number');
    assert.deepEqual(value.origins.map((origin) => origin.label), ['var.rules default']);
  });
});
