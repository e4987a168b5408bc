import type { Direction, NetworkRule, Protocol, ResourceRef, RuleEditor, TextEdit } from '../../model/network-rule';
import { isInternetPeer } from '../../model/peers';
import { ALL_PORTS, type PortRange } from '../../model/ports';
import { invalid, known, unknown, type Value } from '../../model/value';
import type { AdapterOptions } from '../adapter';
import { portsForProtocol, protocolFromWord, readPort } from '../document/read';
import { asMap, asSeq, entryOf, fullSpan, get, textOf, type MapNode, type TreeNode } from '../document/tree';
import { mergeInserts, type JsonValue } from '../document/writer';
import { isLiteralField, readField, readPeerField } from './values';
import type { Template, TemplateResource } from './template';

export interface ResourceInput {
  readonly template: Template;
  readonly resource: TemplateResource;
  readonly options: AdapterOptions;
}

export type ResourceReader = (input: ResourceInput) => NetworkRule[];

export function resourceRef(resource: TemplateResource): ResourceRef {
  // `Web:` names the resource; findings about the whole resource go on its logical id.
  return { type: resource.type, name: resource.logicalId, address: resource.logicalId, provider: 'aws', headerSpan: resource.entry.keySpan, span: resource.entry.span };
}

const never = (): undefined => undefined;

export function ruleEditor(parts: Partial<RuleEditor>): RuleEditor {
  return { setPorts: parts.setPorts ?? never, replaceInternetPeers: parts.replaceInternetPeers ?? never, addOwner: parts.addOwner ?? never };
}

/** Adds `{ Key: owner, Value: TODO }` to a resource's `Tags`, creating the list when there is none. */
export function tagEditor(template: Template, resource: TemplateResource | undefined): RuleEditor['addOwner'] {
  return (key, owner) => {
    const properties = resource?.properties;
    if (!properties) return undefined;
    const tag: JsonValue = { Key: key, Value: owner };
    const tags = get(properties, 'Tags');
    if (!tags) return template.writer.set(properties, 'Tags', [tag]);
    // A tag with the key already there (empty) gets its value; a second one would be a duplicate.
    const seq = asSeq(tags);
    if (!seq || seq.tag) return undefined;
    const existing = seq.items.find((item) => textOf(get(item, 'Key')) === key);
    const value = get(existing, 'Value');
    if (existing && value) return isLiteralField(template, value) ? template.writer.replace(value, owner) : undefined;
    return template.writer.append(seq, tag);
  };
}

/** `IpProtocol`/`Protocol`: a name or number, `-1` for every protocol. */
export function readProtocolField(template: Template, node: TreeNode | undefined, fallback: TreeNode | MapNode): Value<Protocol> {
  if (!node) return known('all', fallback.outer);
  return readField(template, node, (field) => {
    const text = textOf(field);
    return text === undefined ? { known: false, span: fullSpan(field), why: 'not a literal' } : known(protocolFromWord(text), field.span);
  });
}

/** A port that may be -1 (every port, as AWS writes it for all protocols and ICMP). */
function readSignedPort(node: TreeNode): Value<number> {
  const text = textOf(node)?.trim();
  if (text === '-1') return known(-1, node.span);
  return readPort(node);
}

/**
 * A from/to port pair (`FromPort`/`ToPort`, `PortRange.From`/`To`) of literals or parameter
 * defaults; its span covers both entries, as a Terraform pair covers both attributes.
 */
export function readPorts(template: Template, protocol: Value<Protocol>, holder: MapNode | undefined, names: readonly [string, string], fallback: TreeNode): Value<readonly PortRange[]> {
  return portsForProtocol(protocol, () => {
    const fromEntry = entryOf(holder, names[0]);
    const toEntry = entryOf(holder, names[1]);
    const entries = [fromEntry, toEntry].filter((entry) => entry?.value !== undefined);
    if (entries.length === 0) return known([ALL_PORTS], fallback.outer);
    const span = { start: Math.min(...entries.map((entry) => entry?.span.start ?? 0)), end: Math.max(...entries.map((entry) => entry?.span.end ?? 0)) };
    const from = fromEntry?.value ? readField(template, fromEntry.value, readSignedPort) : undefined;
    const to = toEntry?.value ? readField(template, toEntry.value, readSignedPort) : from;
    const first = from ?? to;
    const last = to ?? from;
    if (!first || !last) return unknown(span, 'no port is given');
    // An invalid port (65536) keeps its own span, so the report points at it.
    if (!first.known) return first.invalid ? first : unknown(span, first.why);
    if (!last.known) return last.invalid ? last : unknown(span, last.why);
    const origin = first.origin ?? last.origin;
    if (first.value === -1 && last.value === -1) return known([ALL_PORTS], span, origin);
    if (first.value < 0 || last.value < 0) return invalid(span, 'port -1 means every port only when both ends say so');
    if (first.value > last.value) return invalid(span, `the range ${first.value}-${last.value} starts after it ends`);
    return known([[first.value, last.value]], span, origin);
  }, protocol.span);
}

/**
 * Writes one range into `from`/`to` fields of `map`. An all-protocol rule has no ports to narrow,
 * so its protocol becomes `tcp` (or the number 6, for network ACLs) in the same edit.
 */
export function portPairEditor(template: Template, map: MapNode, fields: { protocol: string; from: string; to: string; tcp: string | number; container?: string }): RuleEditor['setPorts'] {
  return (ranges) => {
    if (ranges.length !== 1) return undefined;
    const [low, high] = ranges[0];
    const edits: TextEdit[] = [];
    const holder = fields.container ? asMap(get(map, fields.container)) : map;
    const protocol = get(map, fields.protocol);
    const protocolText = protocol && isLiteralField(template, protocol) ? textOf(protocol) : undefined;
    const isAll = protocol === undefined || protocolText === '-1' || protocolText?.toLowerCase() === 'all';
    if (isAll) {
      if (protocol && !isLiteralField(template, protocol)) return undefined;
      const edit = protocol ? template.writer.replace(protocol, fields.tcp) : template.writer.set(map, fields.protocol, fields.tcp);
      if (!edit) return undefined;
      edits.push(...edit);
    } else if (protocolText === undefined) return undefined;
    if (fields.container && !holder) {
      const edit = template.writer.set(map, fields.container, { [fields.from]: low, [fields.to]: high });
      return edit ? [...edits, ...edit] : undefined;
    }
    if (!holder) return undefined;
    for (const [name, port] of [[fields.from, low], [fields.to, high]] as const) {
      const node = get(holder, name);
      if (node && !isLiteralField(template, node)) return undefined;
      const edit = node ? template.writer.replace(node, port) : template.writer.set(holder, name, port);
      if (!edit) return undefined;
      edits.push(...edit);
    }
    return mergeInserts(edits);
  };
}

/** Single-CIDR fields (`CidrIp`, `CidrIpv6`, `CidrBlock`): an internet-wide one takes the one new CIDR of its family. */
export function cidrFieldEditor(template: Template, map: MapNode, fields: readonly { name: string; family: 4 | 6 }[]): RuleEditor['replaceInternetPeers'] {
  return (cidrs) => {
    const edits: TextEdit[] = [];
    for (const { name, family } of fields) {
      const node = get(map, name);
      if (!node || !isInternetPeer(readPeerField(template, node))) continue;
      const replacements = cidrs.filter((cidr) => (cidr.includes(':') ? 6 : 4) === family);
      if (replacements.length !== 1 || !isLiteralField(template, node)) return undefined;
      const edit = template.writer.replace(node, replacements[0]);
      if (!edit) return undefined;
      edits.push(...edit);
    }
    return edits.length > 0 ? edits : undefined;
  };
}

/** The logical id of the template resource a field refers to (`!Ref Web`, `!GetAtt Web.GroupId`), if any. */
export function referencedResource(input: ResourceInput, node: TreeNode | undefined): TemplateResource | undefined {
  if (!node) return undefined;
  const peer = readPeerField(input.template, node, true);
  const logicalId = peer.kind === 'reference' ? peer.text.split('.')[0] : undefined;
  return logicalId === undefined ? undefined : input.template.resources.get(logicalId);
}

export function directionOf(isEgress: boolean): Direction {
  return isEgress ? 'egress' : 'ingress';
}

export { entryOf };
