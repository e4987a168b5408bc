import type { NetworkRule, Peer, RuleEditor, TextEdit } from '../../model/network-rule';
import type { Span } from '../../model/span';
import type { Value } from '../../model/value';
import type { ResolvedRoot } from './eval/resolve-block';

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function countOccurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/**
 * Whether edits leave every evaluated expression as it is written. An edit may replace a larger
 * text that contains the expression only when it writes the expression again (a list rewritten
 * around a `var.x` item); touching, cutting into or replacing the expression itself is refused.
 */
function leavesExpressions(edits: readonly TextEdit[], roots: readonly ResolvedRoot[], text: string): boolean {
  for (const edit of edits) {
    const { start, end } = edit.span;
    const kept = new Map<string, number>();
    for (const root of roots) {
      const span = root.span;
      if (start === end) {
        if (start >= span.start && start <= span.end) return false;
        continue;
      }
      if (end <= span.start || start >= span.end) continue;
      const written = text.slice(span.start, span.end);
      // Writing the expression again and then new lines (an attribute added below it) leaves it as it is.
      if (start === span.start && end === span.end && /^[\r\n]/.test(edit.newText.slice(written.length)) && edit.newText.startsWith(written)) continue;
      const isStrictlyInside = start <= span.start && span.end <= end && (start < span.start || span.end < end);
      if (!isStrictlyInside) return false;
      kept.set(written, (kept.get(written) ?? 0) + 1);
    }
    for (const [written, times] of kept) if (countOccurrences(edit.newText, written) < times) return false;
  }
  return true;
}

/**
 * A rule editor that withholds any fix which would rewrite an evaluated expression: changing
 * `var.admin_cidr` into a literal would cut the rule loose from its variable without saying so,
 * and changing the variable's default or a tfvars line would change every other use of it. The
 * user gets the finding, with where the value came from, and the suppression fix.
 */
export function guardEditor(editor: RuleEditor, roots: readonly ResolvedRoot[], text: string): RuleEditor {
  if (roots.length === 0) return editor;
  const check = (edits: TextEdit[] | undefined): TextEdit[] | undefined => (edits && leavesExpressions(edits, roots, text) ? edits : undefined);
  const { bindToLoopback, turnOffService, removeRule } = editor;
  return {
    setPorts: (ranges) => check(editor.setPorts(ranges)),
    replaceInternetPeers: (cidrs) => check(editor.replaceInternetPeers(cidrs)),
    addOwner: (key, owner) => check(editor.addOwner(key, owner)),
    ...(bindToLoopback ? { bindToLoopback: () => check(bindToLoopback.call(editor)) } : {}),
    ...(turnOffService ? { turnOffService: () => check(turnOffService.call(editor)) } : {}),
    ...(removeRule ? { removeRule: () => check(removeRule.call(editor)) } : {}),
  };
}

function originAt(span: Span, roots: readonly ResolvedRoot[], test: (span: Span, root: Span) => boolean): string | undefined {
  const origins = roots.filter((root) => root.origin !== undefined && test(span, root.span)).map((root) => root.origin!);
  return origins.length === 0 ? undefined : [...new Set(origins)].join(' and ');
}

function withValueOrigin<T>(value: Value<T>, roots: readonly ResolvedRoot[]): Value<T> {
  if (!value.known || value.origin !== undefined) return value;
  const origin = originAt(value.span, roots, overlaps);
  return origin === undefined ? value : { ...value, origin };
}

function withPeersOrigin(peers: Value<readonly Peer[]>, roots: readonly ResolvedRoot[]): Value<readonly Peer[]> {
  const outer = withValueOrigin(peers, roots);
  if (!outer.known) return outer;
  let changed = outer !== peers;
  const inner = outer.value.map((peer) => {
    if (peer.kind === 'self' || peer.kind === 'unknown' || peer.origin !== undefined) return peer;
    const origin = originAt(peer.span, roots, within);
    if (origin === undefined) return peer;
    changed = true;
    return { ...peer, origin };
  });
  return changed ? { ...outer, value: inner } : peers;
}

/**
 * Says where evaluated values came from on the fields a provider built without looking (ports
 * implied by an evaluated protocol, peers parsed out of an evaluated string).
 */
export function withOrigins(rule: NetworkRule, roots: readonly ResolvedRoot[]): NetworkRule {
  if (roots.length === 0) return rule;
  const optional = <T>(value: Value<T> | undefined): Value<T> | undefined => (value ? withValueOrigin(value, roots) : value);
  return {
    ...rule,
    protocol: withValueOrigin(rule.protocol, roots),
    ports: withValueOrigin(rule.ports, roots),
    peers: withPeersOrigin(rule.peers, roots),
    ...(rule.owner ? { owner: optional(rule.owner) } : {}),
    ...(rule.expires ? { expires: optional(rule.expires) } : {}),
  };
}
