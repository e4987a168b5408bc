import { peerFromText } from '../../model/peers';
import type { Peer, Protocol } from '../../model/network-rule';
import { isValidPort, portTextProblem, type PortRange } from '../../model/ports';
import type { Span } from '../../model/span';
import { invalid, known, unknown, type Value } from '../../model/value';
import type { AdapterOptions } from '../adapter';
import type { HclAttribute, HclBlock, HclValue } from './hcl';

/** Why a value is unknown, in words a user reads in hover text. */
export function whyUnknown(value: HclValue): string {
  if (value.kind === 'expression') return value.why ?? `${value.text} is not a literal`;
  return `a ${value.kind} is not expected here`;
}

/** Where a value the adapter evaluated was written; undefined for a literal read where it is used. */
export function originOf(...values: readonly (HclValue | undefined)[]): string | undefined {
  const origins = values.map((value) => value?.resolved?.origin).filter((origin): origin is string => origin !== undefined);
  return origins.length === 0 ? undefined : [...new Set(origins)].join(' and ');
}

export function readString(value: HclValue): Value<string> {
  if (value.kind === 'string') return known(value.value, value.span, originOf(value));
  if (value.kind === 'number' || value.kind === 'bool') return known(String(value.value), value.span, originOf(value));
  return unknown(value.outer, whyUnknown(value));
}

/** A whole number written as a number or a numeric string, e.g. a rule number or a priority. */
export function readInteger(value: HclValue): Value<number> {
  const number = value.kind === 'number' ? value.value : value.kind === 'string' && /^\s*-?\d+\s*$/.test(value.value) ? Number(value.value) : undefined;
  if (number === undefined || !Number.isInteger(number)) return unknown(value.outer, whyUnknown(value));
  return known(number, value.span, originOf(value));
}

/**
 * The meaning of a keyword such as "ingress" or "ACCEPT", compared case-insensitively; undefined
 * for other text. Own keys only, so that "constructor" is not a keyword.
 */
export function lookupKeyword<T>(words: Readonly<Record<string, T>>, text: string): T | undefined {
  const word = text.trim().toLowerCase();
  return Object.hasOwn(words, word) ? words[word] : undefined;
}

/** A keyword attribute read with lookupKeyword; undefined when absent, unknown or not a keyword. */
export function readKeyword<T>(attribute: HclAttribute | undefined, words: Readonly<Record<string, T>>): T | undefined {
  const value = attribute ? readString(attribute.value) : undefined;
  return value?.known ? lookupKeyword(words, value.value) : undefined;
}

/** A port written as a number or a numeric string. Out-of-range ports are unknown, never guessed. */
export function readPort(value: HclValue): Value<number> {
  const number = value.kind === 'number' ? value.value : value.kind === 'string' && /^\s*-?\d+\s*$/.test(value.value) ? Number(value.value) : undefined;
  if (number === undefined) return unknown(value.outer, whyUnknown(value));
  return known(number, value.span, originOf(value));
}

export function readBool(value: HclValue | undefined): boolean | undefined {
  if (!value) return undefined;
  if (value.kind === 'bool') return value.value;
  if (value.kind === 'string' && (value.value === 'true' || value.value === 'false')) return value.value === 'true';
  return undefined;
}

/** Reads a protocol word or IANA number; `-1`, `all`, `*` and `any` mean every protocol. */
export function readProtocol(value: HclValue | undefined, span: Span): Value<Protocol> {
  if (!value) return known('all', span);
  const text = value.kind === 'string' ? value.value : value.kind === 'number' ? String(value.value) : undefined;
  if (text === undefined) return unknown(value.outer, whyUnknown(value));
  return known(protocolFromWord(text), value.span, originOf(value));
}

export function protocolFromWord(word: string): Protocol {
  switch (word.trim().toLowerCase()) {
    case 'tcp': case '6': return 'tcp';
    case 'udp': case '17': return 'udp';
    case 'icmp': case '1': return 'icmp';
    case 'icmpv6': case 'ipv6-icmp': case '58': return 'icmpv6';
    case '-1': case 'all': case '*': case 'any': case '': return 'all';
    default: return 'other';
  }
}

/**
 * The ports of a rule given its protocol: every port for all protocols, none for a protocol
 * without ports, else what `read` finds (also when the protocol is unknown, so that the ports
 * keep their own span). `span` is where a value implied by the protocol points.
 */
export function portsForProtocol(protocol: Value<Protocol>, read: () => Value<readonly PortRange[]>, span: Span): Value<readonly PortRange[]> {
  if (!protocol.known || protocol.value === 'tcp' || protocol.value === 'udp') return read();
  return known(protocol.value === 'all' ? [[0, 65535]] : [], span);
}

/** from/to port pair; `-1`/`-1` or `0`/`0` with an all-protocol rule mean every port. */
export function readPortPair(from: HclAttribute | undefined, to: HclAttribute | undefined, fallback: Span): Value<readonly PortRange[]> {
  if (!from && !to) return known([[0, 65535]], fallback);
  const fromValue = from ? readPort(from.value) : undefined;
  const toValue = to ? readPort(to.value) : fromValue;
  const span = from && to ? { start: Math.min(from.span.start, to.span.start), end: Math.max(from.span.end, to.span.end) } : (from ?? to)!.span;
  if (!fromValue || !fromValue.known) return unknown(span, fromValue ? fromValue.why : 'from_port is missing');
  if (!toValue || !toValue.known) return unknown(span, toValue ? toValue.why : 'to_port is missing');
  return portRangeValue(fromValue.value, toValue.value, span, originOf(from?.value, to?.value), fromValue.span, toValue.span);
}

/**
 * Checks a literal range; an invalid one is unknown with a reason, never expanded, and marked
 * invalid at the port that is wrong (`fromSpan`, `toSpan`) when the caller knows where each is.
 */
export function portRangeValue(from: number, to: number, span: Span, origin?: string, fromSpan = span, toSpan = span): Value<readonly PortRange[]> {
  if (from === -1 && to === -1) return known([[0, 65535]], span, origin);
  if (!isValidPort(from)) return invalid(fromSpan, `port ${from} is outside 0-65535`);
  if (!isValidPort(to)) return invalid(toSpan, `port ${to} is outside 0-65535`);
  if (from > to) return invalid(span, `the range ${from}-${to} starts after it ends`);
  return known([[from, to]], span, origin);
}

/**
 * Parses port text in the forms providers use: "22", "80,443", "8000-9000", "1/65535", "-1/-1",
 * "ALL", "*". Returns undefined for text that is not a port list.
 */
export function parsePortText(text: string): PortRange[] | 'invalid' | undefined {
  const trimmed = text.trim();
  if (/^(all|\*|any|-1\/-1|-1)$/i.test(trimmed)) return [[0, 65535]];
  const ranges: PortRange[] = [];
  for (const part of trimmed.split(',')) {
    const match = /^\s*(-?\d{1,6})\s*(?:[-/]\s*(-?\d{1,6}))?\s*$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from === -1 && to === -1) return [[0, 65535]];
    if (!isValidPort(from) || !isValidPort(to) || from > to) return 'invalid';
    ranges.push([from, to]);
  }
  return ranges;
}

export function readPortText(value: HclValue): Value<readonly PortRange[]> {
  if (value.kind !== 'string' && value.kind !== 'number') return unknown(value.outer, whyUnknown(value));
  const parsed = parsePortText(String(value.value));
  const problem = parsed === undefined || parsed === 'invalid' ? portTextProblem(String(value.value)) : undefined;
  if (problem !== undefined) return invalid(value.span, problem);
  if (parsed === undefined) return unknown(value.span, `"${value.value}" is not a port list`);
  if (parsed === 'invalid') return unknown(value.span, `"${value.value}" holds a port outside 0-65535`);
  return known(parsed, value.span, originOf(value));
}

/**
 * Every literal peer in the given attributes (lists or single strings); unknown items stay unknown.
 * Attributes named in `referenceNames` hold other groups (security group ids, prefix lists): their
 * items are references even when written as expressions, since no expression there can be an address.
 */
export function readPeers(attributes: readonly (HclAttribute | undefined)[], fallback: Span, referenceNames: readonly string[] = []): Value<readonly Peer[]> {
  const present = attributes.filter((attribute): attribute is HclAttribute => attribute !== undefined);
  if (present.length === 0) return known([], fallback);
  const peers: Peer[] = [];
  for (const attribute of present) {
    const value = attribute.value;
    const isReference = referenceNames.includes(attribute.name);
    const items = value.kind === 'tuple' ? value.items : [value];
    if (value.kind === 'expression' && present.length === 1 && !isReference) return unknown(value.outer, whyUnknown(value));
    for (const item of items) {
      if (isReference && (item.kind === 'string' || item.kind === 'expression')) peers.push(withPeerOrigin({ kind: 'reference', text: item.kind === 'string' ? item.value : item.text, span: item.kind === 'string' ? item.span : item.outer }, item));
      else if (item.kind === 'string') peers.push(withPeerOrigin(peerFromText(item.value, item.span), item));
      else if (item.kind !== 'null') peers.push({ kind: 'unknown', why: whyUnknown(item), span: item.outer });
    }
  }
  const span = present.length === 1 ? present[0].value.outer : { start: Math.min(...present.map((a) => a.span.start)), end: Math.max(...present.map((a) => a.span.end)) };
  return known(peers, span, originOf(...present.map((attribute) => attribute.value)));
}

/** A peer read from an evaluated value says where that value was written. */
export function withPeerOrigin(peer: Peer, value: HclValue): Peer {
  const origin = originOf(value);
  return origin === undefined || peer.kind === 'self' || peer.kind === 'unknown' ? peer : { ...peer, origin };
}

const OWNER_IN_TEXT = /\bowner\s*[=:]\s*([^\s,;]+)/i;
const EXPIRY_IN_TEXT = /\bexpires?\s*[=:]\s*(\d{4}-\d{2}-\d{2})/i;

function findInDescription(description: HclValue | undefined, pattern: RegExp): Value<string> | undefined {
  if (!description || description.kind !== 'string') return undefined;
  const match = pattern.exec(description.value);
  if (!match) return undefined;
  if (description.resolved) return known(match[1], description.span, originOf(description));
  const raw = description.span.end - description.span.start === description.value.length;
  // Offsets inside the string are exact only when it has no escape sequences.
  const start = raw ? description.span.start + match.index + match[0].length - match[1].length : description.span.start;
  const span = raw ? { start, end: start + match[1].length } : description.span;
  return known(match[1], span);
}

/** The value of the first tag whose key is one of `keys`, in a `tags`/`labels` object. */
export function findTag(block: HclBlock | undefined, attributeNames: readonly string[], keys: readonly string[]): Value<string> | undefined {
  if (!block) return undefined;
  for (const name of attributeNames) {
    const tags = block.attributes.get(name)?.value;
    if (!tags) continue;
    // Tags built by an expression (var.tags, merge(...)) may hold an owner: unknown, not missing.
    if (tags.kind === 'expression') return unknown(tags.outer, `${name} come from ${tags.text}`);
    if (tags.kind !== 'object') continue;
    for (const entry of tags.entries) {
      if (entry.key !== undefined && keys.includes(entry.key)) return readString(entry.value);
    }
  }
  return undefined;
}

export interface Annotations {
  readonly description?: Value<string>;
  readonly owner?: Value<string>;
  readonly expires?: Value<string>;
}

/**
 * Description, owner and expiry of a rule: the rule's own description and tags first, then its
 * group's tags. An owner held in an expression is unknown, which counts as present.
 */
export function readAnnotations(
  options: AdapterOptions,
  description: HclAttribute | undefined,
  taggedBlocks: readonly (HclBlock | undefined)[],
  tagAttributes: readonly string[] = ['tags'],
): Annotations {
  const descriptionValue = description ? readString(description.value) : undefined;
  let owner = findInDescription(description?.value, OWNER_IN_TEXT);
  let expires = findInDescription(description?.value, EXPIRY_IN_TEXT);
  for (const block of taggedBlocks) {
    owner ??= findTag(block, tagAttributes, options.ownerKeys);
    expires ??= findTag(block, tagAttributes, options.expiryKeys);
  }
  return { description: descriptionValue, owner, expires };
}
