import type { NetworkRule, ParseError } from './model/network-rule';
import type { Span } from './model/span';

/**
 * Notes for the values of rules that are written out but cannot be valid (port 65536, "0-200000",
 * a /33 prefix), at the span of each, once per place. Such a value is unknown in the model, so no
 * check reports on it: without this note the mistake would pass in silence.
 */
export function invalidValueNotes(rules: readonly NetworkRule[]): ParseError[] {
  const notes = new Map<string, ParseError>();
  const add = (why: string, span: Span, consequence: string): void => {
    const message = `${why.charAt(0).toUpperCase()}${why.slice(1)}; ${consequence}`;
    const key = `${span.start}:${span.end}:${message}`;
    if (!notes.has(key)) notes.set(key, { message, span });
  };
  for (const rule of rules) {
    if (!rule.ports.known && rule.ports.invalid) add(rule.ports.why, rule.ports.span, 'the rule\'s ports were not checked');
    if (!rule.peers.known && rule.peers.invalid) add(rule.peers.why, rule.peers.span, 'the rule\'s addresses were not checked');
    if (!rule.peers.known) continue;
    for (const peer of rule.peers.value) {
      if (peer.kind === 'unknown' && peer.invalid) add(peer.why, peer.span, 'this address was not checked');
    }
  }
  return [...notes.values()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
