import type { Fix } from '../findings';
import type { NetworkRule } from '../model/network-rule';
import { normalizeRanges, showRanges } from '../model/ports';
import { fromOrigin, known } from '../model/value';
import { defineCheck, type CheckContext } from './define-check';
import { forwardFindings } from './overlap/forwards';
import { headOf, listByName, nameOf, relatedTo, removalFix, showTraffic, verbOf } from './overlap/messages';
import {
  allCandidates, candidatesByGroup, comesFirst, MAX_GROUP_RULES, covers, hasInterveningOpposite, isFullyKnown, isSameWrittenRule, isWrittenAfter,
  priorityOf, rangesJoin, samePeersAndProtocol, type Candidate,
} from './overlap/coverage';
import { coveringUnion, newBudget } from './overlap/union';

type MessageId = 'redundant' | 'unionRedundant' | 'mergeable' | 'sharedPublicPort' | 'backendNotAllowed';

/**
 * The rule that makes `rule` redundant: same action, covers it, and nothing of the other action
 * can decide some of its packets in between. Where the order is known and the coverer comes
 * first, the rule is shadowed instead (shadowed-rule reports it). Of two identical rules only the
 * later one is reported.
 */
function coveringRule(own: Candidate, comparable: readonly Candidate[], group: readonly Candidate[]): Candidate | undefined {
  for (const other of comparable) {
    if (other === own || other.rule.action !== own.rule.action || isSameWrittenRule(own, other)) continue;
    if (!covers(other.rule, own.rule) || comesFirst(other.rule, own.rule) === true || (dependsOnDefault(other.rule) && !dependsOnDefault(own.rule))) continue;
    const isIdentical = covers(own.rule, other.rule);
    // Identical and ordered: the later one is shadowed; identical and unordered: the later one repeats.
    if (isIdentical && (comesFirst(own.rule, other.rule) === true || !isWrittenAfter(own, other))) continue;
    if (hasInterveningOpposite(own.rule, other.rule, group)) continue;
    return other;
  }
  return undefined;
}

/**
 * Whether the rule's traffic comes from an input's default (a Terraform variable's, a template
 * parameter's `Default`): the deployer is expected to pass another value. A rule written in
 * literals, or from values fixed in the code (locals, a module argument), is kept whatever the
 * input, so a rule that covers it only through a default does not make it redundant.
 */
function dependsOnDefault(rule: NetworkRule): boolean {
  const origins = [rule.protocol, rule.ports, rule.peers].map(fromOrigin);
  if (rule.peers.known) origins.push(...rule.peers.value.map((peer) => ('origin' in peer && peer.origin !== undefined ? peer.origin : '')));
  return origins.some((origin) => /\bdefault\b/i.test(origin));
}

/** "Merge port ranges": the union on the earlier rule, the later one removed; both in this document. */
function mergeFix(keep: Candidate, drop: Candidate, ranges: readonly (readonly [number, number])[]): Fix[] {
  if (keep.file.path !== undefined) return [];
  const widened = keep.rule.edit.setPorts(ranges);
  const removed = drop.rule.edit.removeRule?.();
  if (!widened || !removed || removed.length === 0) return [];
  return [{ title: `Merge port ranges into ${showRanges(ranges)}`, edits: [...widened, ...removed] }];
}

function mergeableWith(own: Candidate, comparable: readonly Candidate[], group: readonly Candidate[]): Candidate | undefined {
  return comparable.find((other) => other !== own && other.rule.action === own.rule.action && !isSameWrittenRule(own, other)
    && isWrittenAfter(own, other) && samePeersAndProtocol(own.rule, other.rule) && own.rule.ports.known && other.rule.ports.known
    && rangesJoin(own.rule.ports.value, other.rule.ports.value) && !covers(own.rule, other.rule) && !covers(other.rule, own.rule)
    && dependsOnDefault(own.rule) === dependsOnDefault(other.rule)
    && !hasInterveningOpposite(own.rule, other.rule, group) && !hasInterveningOpposite(other.rule, own.rule, group));
}

function byWriting(a: Candidate, b: Candidate): number {
  return isWrittenAfter(a, b) ? 1 : isWrittenAfter(b, a) ? -1 : 0;
}

/**
 * Rules of an unordered, one-action group (an AWS security group, a NetworkPolicy) that the union
 * of several other rules covers, with those rules. Rules are taken out one at a time, the last
 * written first, each checked against the rules still kept: whatever is reported, the rules not
 * reported still allow all of it, so two rules that cover each other are never both reported.
 * Rules another single rule covers are out from the start (they are reported as redundant, and
 * the rule covering them stays). A rule written together with others (ports of one list item,
 * instances of one count) or resting on an input's default is neither reported nor counted.
 */
function unionRedundancies(comparable: readonly Candidate[], group: readonly Candidate[], single: ReadonlySet<Candidate>): Map<Candidate, Candidate[]> {
  const found = new Map<Candidate, Candidate[]>();
  if (group.some(({ rule }) => priorityOf(rule) !== undefined || rule.action !== group[0].rule.action)) return found;
  const kept = comparable
    .filter((candidate) => !single.has(candidate) && !dependsOnDefault(candidate.rule) && !group.some((other) => other !== candidate && isSameWrittenRule(candidate, other)))
    .sort(byWriting);
  const budget = newBudget();
  const removed = new Set<Candidate>();
  for (const own of [...kept].reverse()) {
    const covering = coveringUnion(own.rule, kept.filter((other) => other !== own && !removed.has(other)), budget);
    if (!covering) continue;
    removed.add(own);
    found.set(own, covering);
  }
  return found;
}

function checkGroup(group: readonly Candidate[], ctx: CheckContext<MessageId>): void {
  const comparable = group.filter((candidate) => isFullyKnown(candidate.rule));
  const covered = new Map(comparable.map((candidate) => [candidate, coveringRule(candidate, comparable, group)] as const));
  const single = new Set(comparable.filter((candidate) => covered.get(candidate) !== undefined));
  const unions = unionRedundancies(comparable, group, single);
  for (const own of comparable) {
    if (own.file.path !== undefined) continue;
    const cover = covered.get(own);
    const together = unions.get(own);
    if (together) {
      ctx.report({
        message: 'unionRedundant',
        span: headOf(own.rule, ctx.text),
        rule: own.rule,
        data: { traffic: showTraffic(own.rule), others: listByName(together), verb: own.rule.action === 'allow' ? 'allow' : 'deny' },
        fixes: removalFix(own.rule),
        related: together.map((other) => relatedTo(other, `${verbOf(other.rule)} ${showTraffic(other.rule)}`)),
      });
      continue;
    }
    if (cover) {
      ctx.report({
        message: 'redundant',
        span: headOf(own.rule, ctx.text),
        rule: own.rule,
        data: { traffic: showTraffic(own.rule), other: nameOf(cover), verb: verbOf(cover.rule), otherTraffic: showTraffic(cover.rule) },
        fixes: removalFix(own.rule),
        related: [relatedTo(cover, `${verbOf(cover.rule)} ${showTraffic(cover.rule)}`)],
      });
      continue;
    }
    const other = mergeableWith(own, comparable, group);
    if (!other || !own.rule.ports.known || !other.rule.ports.known) continue;
    const union = normalizeRanges([...other.rule.ports.value, ...own.rule.ports.value]);
    ctx.report({
      message: 'mergeable',
      span: own.rule.ports.span,
      rule: own.rule,
      data: { ports: showRanges(own.rule.ports.value), otherPorts: showRanges(other.rule.ports.value), other: nameOf(other), traffic: showTraffic({ ...own.rule, ports: known([], own.rule.ports.span) }), union: showRanges(union) },
      fixes: mergeFix(other, own, union),
      related: [relatedTo(other, `${verbOf(other.rule)} ${showTraffic(other.rule)}`)],
    });
  }
}

export const check = defineCheck<MessageId>({
  id: 'overlapping-rules',
  title: 'Rule repeated or overlapped by another rule of its group',
  severity: 'warning',
  fixable: false,
  messages: {
    redundant: '{traffic} is already covered: {other} {verb} {otherTraffic}',
    unionRedundant: '{traffic} is already covered: {others} together {verb} all of it',
    mergeable: 'ports {ports} overlap or adjoin ports {otherPorts} of {other} for the same {traffic}: one rule of {union} says the same',
    sharedPublicPort: 'two forwards publish the same public port: {traffic} on {via} is also forwarded by {other} to {otherBackend}',
    backendNotAllowed: '{via} forwards {ports} to {backend} port {backendPorts}, which no ingress rule of {groups} allows',
  },
  docs: {
    why: 'When one rule repeats what another rule of the same group, NSG, firewall or policy already allows (or what several other rules of an unordered group allow between them, such as two halves of a network on the same ports), nobody can tell which of the two keeps a port open: closing one leaves the port open through the other, and an audit counts the opening twice. Rules for the same sources whose port ranges overlap or adjoin say in two places what one rule can say. A load balancer or NAT forward that publishes the same public port as another, or forwards to a backend port no ingress rule of the backend\'s security group allows, is a forwarding rule that contradicts the rest of the configuration.',
    howToFix: 'Remove the rule that adds nothing (the quick fix "Remove redundant rule" does this where the rule is a whole Terraform block or resource written in literals, or a CloudFormation or NetworkPolicy list item), or merge the two rules into one ("Merge port ranges"). Only known values are compared: a rule with an unresolved variable is never reported, and rules read from the other files of a Terraform module count as well (separate `aws_security_group_rule` resources attached to one group). Where the provider orders its rules, a rule hidden by an earlier one is reported by shadowed-rule instead. Coverage by several rules together is looked for in unordered groups whose rules all allow (or all deny) only; of rules that cover each other that way, only those that can all be removed at once are reported (the last written first), so removing every reported rule keeps the same traffic. Two forwards on one device and public port: keep one. A backend port no security group allows: open it to the load balancer in the backend\'s group, or forward to the port the group allows.',
    example: 'examples/terraform/bad/overlap.tf',
  },
  runDocument(rules, ctx) {
    for (const group of candidatesByGroup(allCandidates(rules, ctx)).values()) if (group.length <= MAX_GROUP_RULES) checkGroup(group, ctx);
    forwardFindings(rules, ctx);
  },
});
