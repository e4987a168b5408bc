import { defineCheck } from './define-check';
import { headOf, nameOf, relatedTo, removalFix, showTraffic, verbOf } from './overlap/messages';
import { allCandidates, candidatesByGroup, comesFirst, covers, isFullyKnown, isSameWrittenRule, MAX_GROUP_RULES, priorityOf, type Candidate } from './overlap/coverage';

type MessageId = 'repeated' | 'denyProtectsNothing' | 'allowOpensNothing';

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

export const check = defineCheck<MessageId>({
  id: 'shadowed-rule',
  title: 'Rule that can never match',
  severity: 'warning',
  fixable: false,
  messages: {
    repeated: 'never matches: {winner} already {verb} {traffic}{tie}',
    denyProtectsNothing: 'never matches: {winner} already allows {traffic}{tie}, so this deny protects nothing',
    allowOpensNothing: 'never matches: {winner} already denies {traffic}{tie}, so this allow opens nothing',
  },
  docs: {
    why: 'Where a provider evaluates rules in order (Azure NSG priorities, network ACL rule numbers, GCP firewall priorities, Tencent policy order, Alibaba and Huawei priorities), the first matching rule decides. A rule whose every packet an earlier rule already matches is never used: a deny hidden behind an earlier allow protects nothing, although its author believes it does, and an allow hidden behind a deny opens nothing, so the service it was written for stays cut off.',
    howToFix: 'Give the rule a lower priority number than the rule that hides it, narrow the earlier rule, or remove the rule that never matches (the quick fix "Remove redundant rule" is offered when both rules have the same action). At the same priority, GCP, Alibaba and Huawei let a deny win. Only known values are compared: a rule with an unresolved variable or priority is never reported.',
    example: 'examples/terraform/bad/overlap.tf',
  },
  runDocument(rules, ctx) {
    for (const group of candidatesByGroup(allCandidates(rules, ctx)).values()) {
      if (group.length > MAX_GROUP_RULES) continue;
      const known = group.filter((candidate) => isFullyKnown(candidate.rule) && priorityOf(candidate.rule) !== undefined);
      for (const own of known) {
        if (own.file.path !== undefined) continue;
        const winner = winnerOver(own, known);
        if (!winner) continue;
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
