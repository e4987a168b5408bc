import { defineCheck, type CheckContext } from './define-check';
import { headOf, listByPriority, nameOf, relatedTo, removalFix, showTraffic, verbOf } from './overlap/messages';
import { allCandidates, candidatesByGroup, comesFirst, covers, isFullyKnown, isSameWrittenRule, MAX_GROUP_RULES, priorityOf, type Candidate } from './overlap/coverage';
import { newBudget, unionWinners, type Budget } from './overlap/union';

type MessageId = 'repeated' | 'denyProtectsNothing' | 'allowOpensNothing' | 'unionRepeated' | 'unionDenyProtectsNothing' | 'unionAllowOpensNothing' | 'unionMixed';

/**
 * The rule that decides every packet `own` matches before `own` is looked at: the first (lowest
 * priority) rule of the group that comes before it and covers it.
 */
function winnerOver(own: Candidate, known: readonly Candidate[]): Candidate | undefined {
  let winner: Candidate | undefined;
  for (const other of known) {
    if (other === own || isSameWrittenRule(own, other)) continue;
    if (comesFirst(other.rule, own.rule) !== true || !covers(other.rule, own.rule)) continue;
    if (!winner || (priorityOf(other.rule) ?? 0) < (priorityOf(winner.rule) ?? 0)) winner = other;
  }
  return winner;
}

/** Why the winner is first: a lower priority, or the deny that wins a tie. */
function whyFirst(winner: Candidate, own: Candidate): string {
  return priorityOf(winner.rule) === priorityOf(own.rule) ? `, and a deny wins a tie of priorities` : '';
}

/**
 * No single earlier rule covers `own`, but several together do: reports the rules that decide its
 * packets, in evaluation order.
 */
function reportUnion(own: Candidate, known: readonly Candidate[], budget: Budget, ctx: CheckContext<MessageId>): void {
  const winners = unionWinners(own, known, budget);
  if (!winners || winners.length === 0) return;
  const allows = winners.filter((winner) => winner.rule.action === 'allow');
  const denies = winners.filter((winner) => winner.rule.action === 'deny');
  const tie = winners.some((winner) => priorityOf(winner.rule) === priorityOf(own.rule)) ? ', and a deny wins a tie of priorities' : '';
  const same = winners.every((winner) => winner.rule.action === own.rule.action);
  const message: MessageId = allows.length > 0 && denies.length > 0 ? 'unionMixed'
    : same ? 'unionRepeated' : own.rule.action === 'deny' ? 'unionDenyProtectsNothing' : 'unionAllowOpensNothing';
  ctx.report({
    message,
    span: headOf(own.rule, ctx.text),
    rule: own.rule,
    data: {
      winners: listByPriority(winners), verb: own.rule.action === 'allow' ? 'allow' : 'deny', traffic: showTraffic(own.rule), tie,
      allowers: allows.length > 0 ? listByPriority(allows) : '', deniers: denies.length > 0 ? listByPriority(denies) : '',
    },
    // Removal changes nothing whatever the winners are, but a rule hidden behind the other action is a mistake to correct, not to delete.
    fixes: same ? removalFix(own.rule) : [],
    related: winners.map((winner) => relatedTo(winner, `matches first: ${verbOf(winner.rule)} ${showTraffic(winner.rule)}`)),
  });
}

export const check = defineCheck<MessageId>({
  id: 'shadowed-rule',
  title: 'Rule that can never match',
  severity: 'warning',
  fixable: false,
  messages: {
    repeated: 'never matches: {winner} already {verb} {traffic}{tie}',
    denyProtectsNothing: 'never matches: {winner} already allows {traffic}{tie}, so this deny protects nothing',
    allowOpensNothing: 'never matches: {winner} already denies {traffic}{tie}, so this allow opens nothing',
    unionRepeated: 'never matches: {winners} together already {verb} {traffic}{tie}',
    unionDenyProtectsNothing: 'never matches: {winners} together already allow {traffic}{tie}, so this deny protects nothing',
    unionAllowOpensNothing: 'never matches: {winners} together already deny {traffic}{tie}, so this allow opens nothing',
    unionMixed: 'never matches: every packet of {traffic} is decided first, allowed by {allowers} and denied by {deniers}{tie}',
  },
  docs: {
    why: 'Where a provider evaluates rules in order (Azure NSG priorities, network ACL rule numbers, GCP firewall priorities, Tencent policy order, Alibaba and Huawei priorities), the first matching rule decides. A rule whose every packet an earlier rule already matches is never used, and so is a rule whose packets several earlier rules match between them (one allows port 22, another ports 23-100, so a later rule for 22-100 is never reached; or two halves of a network before a rule for the whole of it). Then the message names every earlier rule that decides some of its packets, with what each allows or denies, and says so when some are allows and some denies: a deny hidden behind an earlier allow protects nothing, although its author believes it does, and an allow hidden behind a deny opens nothing, so the service it was written for stays cut off.',
    howToFix: 'Give the rule a lower priority number than the rule that hides it, narrow the earlier rule, or remove the rule that never matches (the quick fix "Remove redundant rule" is offered when both rules have the same action). At the same priority, GCP, Alibaba and Huawei let a deny win. Only known values are compared: a rule with an unresolved variable or priority is never reported. Several earlier rules add up over ports (tcp and udp) and addresses; each of them must cover the rule\'s protocol and its target (tags, service accounts, destination) on its own, and another group, a tag or `self` is covered only by a rule naming the same one. The work per group is capped: past the cap, coverage by several rules is not looked for, and nothing is reported for it.',
    example: 'examples/terraform/bad/overlap.tf',
  },
  runDocument(rules, ctx) {
    for (const group of candidatesByGroup(allCandidates(rules, ctx)).values()) {
      if (group.length > MAX_GROUP_RULES) continue;
      const known = group.filter((candidate) => isFullyKnown(candidate.rule) && priorityOf(candidate.rule) !== undefined);
      const budget = newBudget();
      for (const own of known) {
        if (own.file.path !== undefined) continue;
        const winner = winnerOver(own, known);
        if (!winner) {
          reportUnion(own, known, budget, ctx);
          continue;
        }
        const same = winner.rule.action === own.rule.action;
        const message: MessageId = same ? 'repeated' : own.rule.action === 'deny' ? 'denyProtectsNothing' : 'allowOpensNothing';
        ctx.report({
          message,
          span: headOf(own.rule, ctx.text),
          rule: own.rule,
          data: { winner: nameOf(winner), verb: verbOf(winner.rule), traffic: showTraffic(winner.rule), tie: whyFirst(winner, own) },
          fixes: same ? removalFix(own.rule) : [],
          related: [relatedTo(winner, `matches first: ${verbOf(winner.rule)} ${showTraffic(winner.rule)}`)],
        });
      }
    }
  },
});
