import type { LinkedRules, ValueLink } from './adapters/module-context';
import type { Finding, RelatedInformation } from './findings';
import { isInternetPeer } from './model/peers';
import { LineMap, type Span } from './model/span';
import { directoryOf, relativePath } from './paths';

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The places of a finding whose values may come from elsewhere: the internet-wide peers first
 * (what exposes the rule), then the finding's own span.
 */
function placesOf(finding: Finding): Span[] {
  const peers = finding.rule?.peers;
  const exposing = peers?.known ? peers.value.filter(isInternetPeer).map((peer) => peer.span) : [];
  return [...exposing, finding.span];
}

function linksOf(finding: Finding, links: readonly ValueLink[]): ValueLink[] {
  const address = finding.rule?.resource.address;
  const relevant = links.filter((link) => address === undefined || address.startsWith(link.instance));
  const found: ValueLink[] = [];
  for (const place of placesOf(finding)) {
    for (const link of relevant) {
      if (overlaps(link.span, place) && !found.some((known) => known.targetPath === link.targetPath && known.target.start === link.target.start)) found.push(link);
    }
  }
  return found;
}

/**
 * A finding on a value written in another file (an argument of the module call that reaches this
 * module) points to where the value is written.
 */
export function withIncomingLinks(findings: readonly Finding[], incoming: readonly ValueLink[]): Finding[] {
  if (incoming.length === 0) return [...findings];
  return findings.map((finding) => {
    const related: RelatedInformation[] = linksOf(finding, incoming).map((link) => ({ message: `the value comes from ${link.label}`, span: link.target, path: link.targetPath }));
    return related.length === 0 ? finding : { ...finding, related: [...related, ...finding.related] };
  });
}

/**
 * Findings on a child module's rules that depend on a value the document passes in, reported at
 * that value in the document too (the one that exposes the rule, when several do), pointing back
 * at the child. Fixes are left to the child's own report: the document holds the value, not the rule.
 */
export function linkedFindings(documentPath: string, linked: LinkedRules, findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let lines: LineMap | undefined;
  for (const finding of findings) {
    const link = linksOf(finding, linked.links)[0];
    if (!link) continue;
    lines ??= new LineMap(linked.text);
    const place = `${relativePath(directoryOf(documentPath), linked.path)}:${lines.positionAt(finding.span.start).line + 1}`;
    const where = finding.rule ? `${finding.rule.resource.address}, ${place}` : place;
    out.push({
      ...finding,
      message: `${finding.message} (in ${where})`,
      span: link.target,
      fixes: [],
      related: [{ message: finding.rule ? `reported in ${finding.rule.resource.address}` : 'reported here', span: finding.span, path: linked.path }],
    });
  }
  return out;
}

/** More instance addresses than this are summarised in a message. */
const MAX_NAMED_INSTANCES = 3;

function instanceAddress(finding: Finding): string | undefined {
  const resource = finding.rule?.resource;
  return resource?.instanceOf !== undefined && resource.address !== resource.instanceOf ? resource.address : undefined;
}

/**
 * One finding per place and message, naming the instances it stands for: the instances of a
 * resource (count, for_each, each call of its module) that agree report once, e.g. "... (in
 * aws_security_group_rule.ssh["prod"])". A message that names its resource already keeps the
 * first instance's address.
 */
export function mergeInstanceFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, { first: Finding; addresses: string[] }>();
  for (const finding of findings) {
    const address = instanceAddress(finding);
    const resource = finding.rule?.resource;
    const message = address && resource?.instanceOf ? finding.message.split(address).join(resource.instanceOf) : finding.message;
    const key = `${finding.checkId}\u0000${finding.span.start}\u0000${finding.span.end}\u0000${message}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { first: finding, addresses: address ? [address] : [] });
    else if (address && !group.addresses.includes(address)) group.addresses.push(address);
  }
  return [...groups.values()].map(({ first, addresses }) => {
    if (addresses.length === 0 || first.message.includes(addresses[0])) return first;
    const named = addresses.slice(0, MAX_NAMED_INSTANCES).join(', ');
    const more = addresses.length > MAX_NAMED_INSTANCES ? ` and ${addresses.length - MAX_NAMED_INSTANCES} more` : '';
    return { ...first, message: `${first.message} (in ${named}${more})` };
  });
}
