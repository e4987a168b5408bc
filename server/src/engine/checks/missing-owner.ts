import type { Fix } from '../findings';
import type { NetworkRule } from '../model/network-rule';
import { defineCheck } from './define-check';

const OWNER_PLACEHOLDER = 'TODO';

/** An unknown owner (tags from an expression) counts as present; an empty one does not. */
function hasOwner(rule: NetworkRule): boolean {
  return rule.owner !== undefined && !(rule.owner.known && rule.owner.value.trim() === '');
}

export const check = defineCheck({
  id: 'missing-owner',
  title: 'Open port without a named owner',
  severity: 'warning',
  fixable: false,
  messages: {
    missing: '{resource} has no owner tag ({keys}) and no owner= in its descriptions',
    device: '{device} publishes ports ({resource}) but has no owner tag ({keys})',
  },
  docs: {
    why: 'Every open port should have someone who can say why it is open and whether it still has to be. Without an owner, audits cannot ask anyone, temporary rules are never closed, and during an incident nobody knows whose service a rule protects.',
    howToFix: 'Tag the resource with an owner (a team or a person; the keys are `ownerKeys` in `.portwarden.yaml`, default `owner` and `Owner`), or write `owner=NAME` in a rule\'s description. Tags built from an expression such as `var.tags` count as present, and so do the tags of a group defined in another file. Only groups that allow some ingress are checked. A group is judged together with the standalone rules attached to it in the same file (one finding per group, on the group), and an owner found on any of those rules counts for all of them. Load-balancer listeners and NAT port forwards are exposure too: they are judged with their device (the load balancer, the NAT gateway or firewall, a GCP forwarding rule itself), whose tags or labels name the owner, one finding per device.',
    example: 'examples/terraform/bad/aws.tf',
  },
  runDocument(rules, ctx) {
    // Standalone rules attached to a group share the group's owner, so they are judged (and
    // reported) together with it: one finding per group, not one per rule resource.
    const byGroup = new Map<string, NetworkRule[]>();
    for (const rule of rules) {
      const group = byGroup.get(rule.groupKey);
      if (group) group.push(rule);
      else byGroup.set(rule.groupKey, [rule]);
    }
    for (const [groupKey, resourceRules] of byGroup) {
      // Deny-only and egress-only resources open nothing to anyone, so nobody has to vouch for them;
      // but once a resource opens a port, an owner named on any of its rules (egress or deny too) is the resource's owner.
      if (!resourceRules.some((rule) => rule.direction === 'ingress' && rule.action === 'allow')) continue;
      if (resourceRules.some(hasOwner)) continue;
      const first = resourceRules.find((rule) => rule.resource.address === groupKey) ?? resourceRules[0];
      const keys = ctx.settings.ownerKeys;
      const edits = keys.length > 0 ? first.edit.addOwner(keys[0], OWNER_PLACEHOLDER) : undefined;
      // Not preferred: only a person can name the owner, and a "TODO" tag would silence the check for good.
      const fixes: Fix[] = edits ? [{ title: 'Add owner tag', edits, placeholder: OWNER_PLACEHOLDER }] : [];
      const data = { resource: first.resource.address, keys: keys.length > 0 ? keys.join(', ') : 'none configured' };
      // A listener or forward takes its owner from its device (the load balancer, the NAT gateway), which the message names.
      const isDevice = first.forward !== undefined && groupKey !== first.resource.address;
      ctx.report({
        ...(isDevice ? { message: 'device', data: { ...data, device: groupKey } } : { message: 'missing', data }),
        span: first.resource.headerSpan,
        rule: first,
        fixes,
      });
    }
  },
});
