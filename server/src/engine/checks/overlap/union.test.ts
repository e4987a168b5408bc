import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { lintDocument, LineMap, type LintResult } from '../../index';
import type { SourceFile } from '../../adapters/module-context';
import { ready } from '../../../testing/engine';
import { dedent } from '../../../testing/tags';
import { allCandidates, candidatesByGroup, isFullyKnown, MAX_GROUP_RULES, type Candidate } from './coverage';
import { newBudget, UNION_WORK_PER_GROUP, unionWinners } from './union';

/*
 * Shadowing by the union of several earlier rules (shadowed-rule): related information points at
 * every rule that decides some packet, rules of the other files of a module count, and the work
 * is bounded without ever claiming what it did not finish proving.
 */

const DIRECTORY = '/work/module';
const TODAY = '2026-11-23';

function file(name: string, text: string): SourceFile {
  return { path: `${DIRECTORY}/${name}`, text: dedent(text) };
}

/** An Azure NSG rule resource attached to NSG `web`. */
function nsgRule(name: string, priority: number, access: string, port: string, source: string): string {
  return [
    `resource "azurerm_network_security_rule" "${name}" {`,
    `  name                        = "${name}"`,
    `  priority                    = ${priority}`,
    '  direction                   = "Inbound"',
    `  access                      = "${access}"`,
    '  protocol                    = "Tcp"',
    '  source_port_range           = "*"',
    `  destination_port_range      = "${port}"`,
    `  source_address_prefix       = "${source}"`,
    '  destination_address_prefix  = "*"',
    '  resource_group_name         = "rg"',
    '  network_security_group_name = "web"',
    '}',
    '',
  ].join('\n');
}

function lintIn(files: readonly SourceFile[], name: string): LintResult {
  const document = files.find((candidate) => candidate.path.endsWith(`/${name}`))!;
  return lintDocument({ text: document.text, path: document.path, today: TODAY, freezeModel: true, module: { directories: new Map([[DIRECTORY, files]]) } });
}

function shown(result: LintResult, files: readonly SourceFile[], name: string): string[] {
  const text = files.find((candidate) => candidate.path.endsWith(`/${name}`))!.text;
  const lines = new LineMap(text);
  return result.findings
    .filter((finding) => finding.checkId === 'shadowed-rule')
    .flatMap((finding) => [
      `${lines.positionAt(finding.span.start).line + 1} ${finding.message}`,
      ...finding.related.map((related) => {
        const other = related.path === undefined ? text : files.find((candidate) => candidate.path === related.path)!.text;
        return `  -> ${related.path ?? name}:${new LineMap(other).positionAt(related.span.start).line + 1} ${related.message}`;
      }),
    ]);
}

/** The candidates of the document's only group. */
function groupOfDocument(text: string): Candidate[] {
  const result = lintDocument({ text, path: `${DIRECTORY}/main.tf`, today: TODAY });
  const groups = [...candidatesByGroup(allCandidates(result.rules, { path: `${DIRECTORY}/main.tf`, text, siblingRules: [] })).values()];
  assert.equal(groups.length, 1);
  return groups[0].filter((candidate) => isFullyKnown(candidate.rule));
}

describe('shadowed-rule: coverage by several earlier rules', () => {
  before(ready);

  it('related information points at each rule that decides some packet, and not at one that decides none', () => {
    const main = file('main.tf', [
      nsgRule('ssh', 100, 'Allow', '22', '*'),
      nsgRule('again', 105, 'Allow', '22', '10.0.0.0/8'),
      nsgRule('range', 110, 'Deny', '23-100', '*'),
      nsgRule('wide', 200, 'Allow', '22-100', '*'),
    ].join('\n'));
    assert.deepEqual(shown(lintIn([main], 'main.tf'), [main], 'main.tf'), [
      '15 never matches: priority 100 rule of azurerm_network_security_rule.ssh (line 1) already allows tcp 22 from *',
      '  -> main.tf:1 matches first: allows tcp 22 from *',
      '43 never matches: every packet of tcp 22-100 from * is decided first, allowed by the rule at priority 100 (line 1) and denied by the rule at priority 110 (line 29)',
      '  -> main.tf:1 matches first: allows tcp 22 from *',
      '  -> main.tf:29 matches first: denies tcp 23-100 from *',
    ]);
  });

  it('rules of another file of the module count, and are named by file and line', () => {
    const low = file('low.tf', nsgRule('low', 100, 'Allow', '22', '10.0.0.0/9'));
    const high = file('high.tf', nsgRule('high', 110, 'Allow', '22', '10.128.0.0/9'));
    const files = [low, high];
    const all = file('all.tf', nsgRule('all', 200, 'Allow', '22', '10.0.0.0/8'));
    assert.deepEqual(shown(lintIn([...files, all], 'all.tf'), [...files, all], 'all.tf'), [
      '1 never matches: rules at priority 100 (low.tf:1) and 110 (high.tf:1) together already allow tcp 22 from 10.0.0.0/8',
      `  -> ${DIRECTORY}/low.tf:1 matches first: allows tcp 22 from 10.0.0.0/9`,
      `  -> ${DIRECTORY}/high.tf:1 matches first: allows tcp 22 from 10.128.0.0/9`,
    ]);
    // Without one of the halves, half of the addresses reach the rule.
    assert.deepEqual(shown(lintIn([low, all], 'all.tf'), [low, all], 'all.tf'), []);
  });

  it('a message names five rules and counts the rest', () => {
    const rules = [0, 1, 2, 3, 4, 5, 6].map((i) => nsgRule(`r${i}`, 100 + i, 'Allow', String(22 + i), '*'));
    const main = file('main.tf', [...rules, nsgRule('wide', 200, 'Allow', '22-28', '*')].join('\n'));
    const [first] = shown(lintIn([main], 'main.tf'), [main], 'main.tf');
    assert.equal(first, '99 never matches: rules at priority 100 (line 1), 101 (line 15), 102 (line 29), 103 (line 43), 104 (line 57) and 2 more together already allow tcp 22-28 from *');
  });

  it('an exhausted budget claims nothing', () => {
    const text = dedent([nsgRule('low', 100, 'Allow', '22', '10.0.0.0/9'), nsgRule('high', 110, 'Allow', '22', '10.128.0.0/9'), nsgRule('all', 200, 'Allow', '22', '10.0.0.0/8')].join('\n'));
    const group = groupOfDocument(text);
    const own = group.find((candidate) => candidate.rule.resource.address.endsWith('.all'))!;
    assert.deepEqual(unionWinners(own, group, newBudget())?.map((candidate) => candidate.rule.resource.address), [
      'azurerm_network_security_rule.low', 'azurerm_network_security_rule.high',
    ]);
    // Two pieces (the two halves): the lower half is settled by the first rule, the upper half by the second, in three steps.
    assert.equal(unionWinners(own, group, { left: 2 }), undefined);
    assert.ok(unionWinners(own, group, { left: 3 }));
  });

  it('a group of the largest size, made to cut the addresses finely, stays within the budget', () => {
    // 999 earlier allows of single addresses, then one rule of all of them: 1,999 pieces times 999 rules.
    const hosts = Array.from({ length: MAX_GROUP_RULES - 1 }, (_, i) => nsgRule(`h${i}`, 100 + i, 'Allow', '22', `10.0.${Math.floor(i / 256)}.${i % 256}`));
    const main = file('main.tf', [...hosts, nsgRule('net', 4000, 'Deny', '22', '10.0.0.0/22')].join('\n'));
    const started = performance.now();
    const result = lintIn([main], 'main.tf');
    const elapsed = performance.now() - started;
    // 999 hosts leave 25 addresses of the /22 uncovered: nothing may be claimed, whether the budget ran out or not.
    assert.deepEqual(result.findings.filter((finding) => finding.checkId === 'shadowed-rule'), []);
    assert.ok(UNION_WORK_PER_GROUP < (MAX_GROUP_RULES * 2) ** 2, 'the budget is below the quadratic worst case');
    assert.ok(elapsed < 20_000, `took ${Math.round(elapsed)} ms`);
  });

  it('overlapping-rules: of rules in several files that cover each other, one file reports one of them', () => {
    const group = file('main.tf', 'resource "aws_security_group" "web" {\n  name = "web"\n}\n');
    const rule = (name: string, cidrs: string) => file(`${name}.tf`, `
      resource "aws_security_group_rule" "${name}" {
        type              = "ingress"
        from_port         = 22
        to_port           = 22
        protocol          = "tcp"
        cidr_blocks       = [${cidrs}]
        security_group_id = aws_security_group.web.id
      }
    `);
    const files = [group, rule('a', '"10.0.0.0/16", "10.1.0.0/16"'), rule('b', '"10.1.0.0/16", "10.2.0.0/16"'), rule('c', '"10.0.0.0/16", "10.2.0.0/16"')];
    const reported = files.flatMap(({ path }) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return lintIn(files, name).findings.filter((finding) => finding.checkId === 'overlapping-rules').map((finding) => `${name}: ${finding.message}`);
    });
    assert.deepEqual(reported, [
      'c.tf: tcp 22 from 10.0.0.0/16, 10.2.0.0/16 is already covered: aws_security_group_rule.a (a.tf:1) and aws_security_group_rule.b (b.tf:1) together allow all of it',
    ]);
  });

  /*
   * Brute force over a small world: addresses of 10.0.0.0/24 and ports 20-27, every (address,
   * port) pair enumerated. Random groups (seeded, so a failure repeats) must get exactly the
   * findings the enumeration says.
   */
  const random = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  interface Box { readonly low: number; readonly high: number; readonly from: number; readonly to: number }
  const randomBox = (next: () => number): Box => {
    // Wide networks and few ports, so that several rules often cover one between them.
    const prefix = 24 + Math.floor(next() * next() * 9);
    const size = 2 ** (32 - prefix);
    const low = Math.floor(next() * (256 / size)) * size;
    const from = 20 + Math.floor(next() * 8);
    return { low, high: low + size - 1, from, to: Math.min(27, from + Math.floor(next() * 8)) };
  };
  const cidrOf = (box: Box) => `10.0.0.${box.low}/${32 - Math.log2(box.high - box.low + 1)}`;
  const inside = (point: readonly [number, number], box: Box) => point[0] >= box.low && point[0] <= box.high && point[1] >= box.from && point[1] <= box.to;
  const pointsOf = (box: Box) => {
    const points: [number, number][] = [];
    for (let address = box.low; address <= box.high; address++) for (let port = box.from; port <= box.to; port++) points.push([address, port]);
    return points;
  };

  it('shadowed-rule agrees with enumeration on random ordered groups', () => {
    const next = random(7);
    let byUnion = 0;
    for (let round = 0; round < 150; round++) {
      const boxes = Array.from({ length: 3 + Math.floor(next() * 6) }, () => randomBox(next));
      const priorities = boxes.map((_, i) => 100 + 10 * i).sort(() => next() - 0.5);
      const actions = boxes.map(() => (next() < 0.7 ? 'Allow' : 'Deny'));
      const main = file('main.tf', boxes.map((box, i) => nsgRule(`r${i}`, priorities[i], actions[i], `${box.from}-${box.to}`, cidrOf(box))).join('\n'));
      const expected = boxes
        .map((box, i) => (pointsOf(box).every((point) => boxes.some((other, j) => priorities[j] < priorities[i] && inside(point, other))) ? i * 14 + 1 : 0))
        .filter((line) => line > 0);
      const lines = new LineMap(main.text);
      const findings = lintIn([main], 'main.tf').findings.filter((finding) => finding.checkId === 'shadowed-rule');
      byUnion += findings.filter((finding) => /together|decided first/.test(finding.message)).length;
      assert.deepEqual(findings.map((finding) => lines.positionAt(finding.span.start).line + 1), expected, main.text);
    }
    assert.ok(byUnion >= 10, 'the random groups exercise shadowing by several rules');
  });

  it('overlapping-rules on random unordered groups: removing every rule it reports keeps the same traffic', () => {
    const next = random(11);
    let reportedByUnion = 0;
    for (let round = 0; round < 150; round++) {
      const boxes = Array.from({ length: 3 + Math.floor(next() * 6) }, () => randomBox(next));
      const blocks = boxes.map((box) => `  ingress {\n    from_port   = ${box.from}\n    to_port     = ${box.to}\n    protocol    = "tcp"\n    cidr_blocks = ["${cidrOf(box)}"]\n  }`);
      const main = file('main.tf', `resource "aws_security_group" "web" {\n${blocks.join('\n')}\n}\n`);
      const lines = new LineMap(main.text);
      const findings = lintIn([main], 'main.tf').findings.filter((finding) => finding.checkId === 'overlapping-rules' && /already covered/.test(finding.message));
      reportedByUnion += findings.filter((finding) => finding.message.includes('together')).length;
      const removed = new Set(findings.map((finding) => (lines.positionAt(finding.span.start).line - 1) / 6));
      const kept = boxes.filter((_, i) => !removed.has(i));
      for (const box of boxes) assert.ok(pointsOf(box).every((point) => kept.some((other) => inside(point, other))), main.text);
    }
    assert.ok(reportedByUnion >= 10, 'the random groups exercise coverage by several rules');
  });
});
