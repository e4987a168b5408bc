import { defineCheck } from './define-check';

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 for a real calendar date written YYYY-MM-DD, else undefined ("2026-02-30", "soon"). */
export function dayNumber(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March; a date that does not survive the round trip is not real.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime() / MS_PER_DAY;
}

export const check = defineCheck({
  id: 'expired-rule',
  title: 'Temporary rule past its expiry date',
  severity: 'warning',
  fixable: false,
  messages: {
    expired: 'Temporary rule expired on {date} ({days} ago)',
    invalid: 'Expiry date "{value}" is not a valid YYYY-MM-DD date',
  },
  docs: {
    why: 'Rules opened "for now" (a debugging session, a vendor visit, a migration) outlive their reason when nobody closes them. An expiry date only helps if someone acts on it: a rule past its date is access nobody is vouching for any more, and an expiry that is not a real date never comes due.',
    howToFix: 'Remove the rule, or, if it is still needed, agree a new date with its owner and update `expires=YYYY-MM-DD` in the description (or the expiry tag named in `expiryKeys`). Write dates as YYYY-MM-DD. A load-balancer listener or NAT forward takes its expiry from its own tags, then its device\'s.',
    example: 'examples/terraform/bad/aws.tf',
  },
  // Per document, not per rule: an expiry tag on a group is shared by all of its rules and must be reported once.
  runDocument(rules, ctx) {
    const today = dayNumber(ctx.today);
    const seen = new Set<string>();
    for (const rule of rules) {
      const expires = rule.expires;
      if (!expires || !expires.known) continue;
      const key = `${expires.span.start}:${expires.span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const day = dayNumber(expires.value.trim());
      if (day === undefined) {
        ctx.report({ message: 'invalid', span: expires.span, rule, data: { value: expires.value } });
        continue;
      }
      if (today === undefined || day >= today) continue;
      const days = today - day;
      // Removing the rule or moving its date is a decision for its owner, so no fix is offered.
      ctx.report({ message: 'expired', span: expires.span, rule, data: { date: expires.value.trim(), days: days === 1 ? '1 day' : `${days.toLocaleString('en-US')} days` } });
    }
  },
});
