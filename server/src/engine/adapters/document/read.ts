import { isPrivateCidr, parseCidr } from '../../model/cidr';
import type { Peer, Protocol } from '../../model/network-rule';
import { peerFromText } from '../../model/peers';
import { ALL_PORTS, isValidPort, portTextProblem, type PortRange } from '../../model/ports';
import type { Span } from '../../model/span';
import { invalid, known, unknown, type Value } from '../../model/value';
import { fullSpan, textOf, type ScalarNode, type TreeNode } from './tree';

/** Why a node is not a literal, in words a user reads in hover text. */
export function whyNotLiteral(node: TreeNode): string {
  if (node.tag) {
    const argument = node.kind === 'scalar' && node.value !== null ? ` ${String(node.value)}` : '';
    return `${node.tag.name}${argument} is not a literal`;
  }
  switch (node.kind) {
    case 'alias': return `the alias *${node.name} is not followed`;
    case 'map': return 'a mapping is not expected here';
    case 'seq': return 'a list is not expected here';
    case 'scalar': return node.value === null ? 'the value is empty' : 'not a literal';
  }
}

/** A scalar as text (numbers and booleans too); unknown for anything else. */
export function readText(node: TreeNode): Value<string> {
  const text = textOf(node);
  return text === undefined ? unknown(fullSpan(node), whyNotLiteral(node)) : known(text, node.span);
}

/** A port written as a number or a numeric string; out-of-range ports are unknown, never guessed. */
export function readPort(node: TreeNode): Value<number> {
  const text = textOf(node)?.trim();
  if (text === undefined) return unknown(fullSpan(node), whyNotLiteral(node));
  // A number no port can be is a mistake to report; other text (a named port such as "http") is only unknown.
  if (/^-?\d+$/.test(text) && !isValidPort(Number(text))) return invalid(node.span, `port ${text} is outside 0-65535`);
  if (!/^\d{1,6}$/.test(text)) return unknown(node.span, `"${text}" is not a port number`);
  return known(Number(text), node.span);
}

/** A peer written as a scalar (a CIDR, a word for anywhere, a reference); unknown for expressions. */
export function readPeer(node: TreeNode): Peer {
  const text = textOf(node);
  return text === undefined ? { kind: 'unknown', why: whyNotLiteral(node), span: fullSpan(node) } : peerFromText(text, node.span);
}

/**
 * The sources that reach a port bound to an address (Compose `127.0.0.1:5432:5432`, a hostPort's
 * `hostIP`): every address for `0.0.0.0`, `::` or a public address, only the host's own or private
 * networks for a loopback or private one. `span` is where the address is, or the port when none is written.
 */
export function bindPeer(address: string | undefined, span: Span): Peer {
  if (address === undefined || address === '') return impliedInternet(span);
  const trimmed = address.replace(/^\[|\]$/g, '');
  const cidr = parseCidr(trimmed);
  if (!cidr) return { kind: 'reference', text: trimmed, span };
  if (cidr.network === 0n) return { kind: 'anywhere', text: trimmed, span };
  return isPrivateCidr(cidr) ? { kind: 'cidr', text: trimmed, cidr, span } : impliedInternet(span);
}

const INTERNET = parseCidr('0.0.0.0/0');

/** Every IPv4 address, where the format opens a port to all without writing a CIDR (a Service, a published port). */
export function impliedInternet(span: Span): Peer {
  if (!INTERNET) throw new Error('0.0.0.0/0 does not parse');
  return { kind: 'cidr', text: '0.0.0.0/0', cidr: INTERNET, span };
}

const OWNER_IN_TEXT = /\bowner\s*[=:]\s*([^\s,;]+)/i;
const EXPIRY_IN_TEXT = /\bexpires?\s*[=:]\s*(\d{4}-\d{2}-\d{2})/i;

/** `owner=NAME` or `expires=YYYY-MM-DD` in a description, with the span of the name or date when it is exact. */
function findInText(node: TreeNode | undefined, pattern: RegExp): Value<string> | undefined {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const match = pattern.exec(node.value);
  if (!match) return undefined;
  // Offsets inside the string are exact only when it is written without escapes or folding.
  const exact = node.span.end - node.span.start === node.value.length && node.style !== 'block';
  const start = node.span.start + match.index + match[0].length - match[1].length;
  return known(match[1], exact ? { start, end: start + match[1].length } : node.span);
}

export function ownerInDescription(node: TreeNode | undefined): Value<string> | undefined {
  return findInText(node, OWNER_IN_TEXT);
}

export function expiryInDescription(node: TreeNode | undefined): Value<string> | undefined {
  return findInText(node, EXPIRY_IN_TEXT);
}

/** The value of the first key of `keys` in a map of labels, annotations or tags. */
export function findKey(map: TreeNode | undefined, keys: readonly string[]): Value<string> | undefined {
  if (!map) return undefined;
  if (map.kind !== 'map') return map.kind === 'alias' || map.tag ? unknown(fullSpan(map), whyNotLiteral(map)) : undefined;
  for (const key of keys) {
    const entry = map.entries.find((candidate) => candidate.key === key);
    if (entry) return entry.value ? readText(entry.value) : known('', entry.keySpan);
  }
  return undefined;
}

/** AWS-style tags, `[{ Key: owner, Value: team }]`: the value of the first key of `keys`. */
export function findTagInList(tags: TreeNode | undefined, keys: readonly string[], readKey: (node: TreeNode) => string | undefined = textOf): Value<string> | undefined {
  if (!tags) return undefined;
  if (tags.kind !== 'seq') return tags.kind === 'scalar' && tags.value === null ? undefined : unknown(fullSpan(tags), whyNotLiteral(tags));
  for (const key of keys) {
    for (const tag of tags.items) {
      if (tag.kind !== 'map') continue;
      const keyNode = tag.entries.find((entry) => entry.key === 'Key')?.value;
      if (!keyNode || readKey(keyNode) !== key) continue;
      const value = tag.entries.find((entry) => entry.key === 'Value')?.value;
      return value ? readText(value) : known('', keyNode.span);
    }
  }
  return undefined;
}

export function isScalarNode(node: TreeNode | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

/** A protocol word or IANA number; `-1`, `all`, `*` and `any` mean every protocol. */
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

/** A protocol field; `fallback` when it is absent (Kubernetes and Compose default to TCP). */
export function readProtocol(node: TreeNode | undefined, fallback: Protocol, span: Span): Value<Protocol> {
  if (!node) return known(fallback, span);
  const text = textOf(node);
  return text === undefined ? unknown(fullSpan(node), whyNotLiteral(node)) : known(protocolFromWord(text), node.span);
}

/**
 * Port text in the forms cloud APIs use: "22", "80,443", "8000-9000", "22/22", "-1/-1", "ALL".
 * Undefined for text that is not a port list, 'invalid' for ports outside 0-65535.
 */
export function parsePortText(text: string): PortRange[] | 'invalid' | undefined {
  const trimmed = text.trim();
  if (/^(all|\*|any|-1\/-1|-1)$/i.test(trimmed)) return [ALL_PORTS];
  const ranges: PortRange[] = [];
  for (const part of trimmed.split(',')) {
    const match = /^\s*(-?\d{1,6})\s*(?:[-/]\s*(-?\d{1,6}))?\s*$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from === -1 && to === -1) return [ALL_PORTS];
    if (!isValidPort(from) || !isValidPort(to) || from > to) return 'invalid';
    ranges.push([from, to]);
  }
  return ranges;
}

export function readPortText(node: TreeNode): Value<readonly PortRange[]> {
  const text = textOf(node);
  if (text === undefined) return unknown(fullSpan(node), whyNotLiteral(node));
  const parsed = parsePortText(text);
  const problem = parsed === undefined || parsed === 'invalid' ? portTextProblem(text) : undefined;
  if (problem !== undefined) return invalid(node.span, problem);
  if (parsed === undefined) return unknown(node.span, `"${text}" is not a port list`);
  if (parsed === 'invalid') return unknown(node.span, `"${text}" holds a port outside 0-65535`);
  return known(parsed, node.span);
}

/** A from/to pair read as one range; both missing means every port. */
export function readPortPair(from: TreeNode | undefined, to: TreeNode | undefined, fallback: Span): Value<readonly PortRange[]> {
  if (!from && !to) return known([ALL_PORTS], fallback);
  const fromValue = from ? readPort(from) : undefined;
  const toValue = to ? readPort(to) : fromValue;
  const spans = [from, to].filter((node): node is TreeNode => node !== undefined).map(fullSpan);
  const span = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
  const fromNumber = from ? signedNumber(from) : undefined;
  const toNumber = to ? signedNumber(to) : fromNumber;
  // -1 is how AWS writes "every port" for an all-protocol or ICMP rule.
  if (fromNumber === -1 && (toNumber === -1 || toNumber === undefined)) return known([ALL_PORTS], span);
  // An invalid port keeps its own span, so that the report points at the number that is wrong.
  if (fromValue?.known === false && fromValue.invalid) return fromValue;
  if (toValue?.known === false && toValue.invalid) return toValue;
  if (!fromValue || !fromValue.known) return unknown(span, fromValue ? fromValue.why : 'the first port is missing');
  if (!toValue || !toValue.known) return unknown(span, toValue ? toValue.why : 'the last port is missing');
  if (fromValue.value > toValue.value) return invalid(span, `the range ${fromValue.value}-${toValue.value} starts after it ends`);
  return known([[fromValue.value, toValue.value]], span);
}

function signedNumber(node: TreeNode): number | undefined {
  const text = textOf(node)?.trim();
  return text !== undefined && /^-?\d{1,6}$/.test(text) ? Number(text) : undefined;
}

/** The ports a protocol implies: every port for all protocols, none for ICMP and others, else `read()`. */
export function portsForProtocol(protocol: Value<Protocol>, read: () => Value<readonly PortRange[]>, span: Span): Value<readonly PortRange[]> {
  if (!protocol.known || protocol.value === 'tcp' || protocol.value === 'udp') return read();
  return known(protocol.value === 'all' ? [ALL_PORTS] : [], span);
}
