import type { Forward, NetworkRule, Peer, Protocol, RuleEditor, TextEdit } from '../../../model/network-rule';
import type { PortRange } from '../../../model/ports';
import type { Span } from '../../../model/span';
import { known, unknown, type Value } from '../../../model/value';
import { bodyIndentation, quote, replace, setAttributes } from '../edits';
import type { HclAttribute, HclBlock, HclValue } from '../hcl';
import type { ResourceElsewhere } from '../module-resources';
import { groupKeyOf, ruleBase, type ResourceHandler, type ResourceInput } from '../resource';
import { ownerTagEditor } from '../rule-editor';
import { originOf, readAnnotations, readKeyword, readPort, readString, whyUnknown, type Annotations } from '../values';

/**
 * The device a listener or forward belongs to (a load balancer, a NAT gateway), found through the
 * attribute that names it (`load_balancer_arn`, `clb_id`, `nat_id`).
 */
export interface Device {
  /** The device's block when it is in this document: the only one a fix may edit. */
  readonly block: HclBlock | undefined;
  /** The device's block to read its settings and tags from: in this document, or in another file of its module (`elsewhere`). */
  readonly found: HclBlock | undefined;
  /** Where the device is when another file of the module instance holds it; its spans are that file's. */
  readonly elsewhere?: ResourceElsewhere;
  /**
   * The device's address in its module instance (`module.web.aws_lb.web`) whether or not it is in
   * this document, the scheme of groupKeyOf; else the expression or literal id as written.
   */
  readonly key: string;
  /** The attribute that names the device; undefined when the listener is part of the device itself. */
  readonly attribute: HclAttribute | undefined;
}

/** The device named by `attributeName` (a reference such as `aws_lb.web.arn`, or a literal id). */
export function deviceOf(input: ResourceInput, attributeName: string): Device {
  const attribute = input.block.attributes.get(attributeName);
  const value = attribute?.value;
  if (!value) return { block: undefined, found: undefined, key: input.resource.address, attribute };
  const block = value.kind === 'expression' ? input.index.referencedBy(value.text) : undefined;
  const elsewhere = !block && value.kind === 'expression' ? input.index.referencedElsewhere(value.text) : undefined;
  // One key wherever the device is, so that forwards on it in two files are compared.
  return { block, found: block ?? elsewhere?.block, ...(elsewhere ? { elsewhere } : {}), key: groupKeyOf(input, value), attribute };
}

/** The device is the resource itself (an `aws_elb` with inline listeners). */
export function ownDevice(input: ResourceInput): Device {
  return { block: input.block, found: input.block, key: input.resource.address, attribute: undefined };
}

/** A place in another file than the document: where a device's setting is written. */
export interface PlaceElsewhere {
  readonly path: string;
  readonly span: Span;
  /** As messages say it: `lb.tf:3`. */
  readonly place: string;
}

/**
 * Whether the device is reachable from the internet, and the setting (or header) that says so.
 * `outside`: the device is in neither this document nor its module, so nothing about it can be said.
 */
export type Exposure =
  /**
   * `origin` says where an evaluated setting was written, e.g. `network_type from var.network_type default, variables.tf:6`.
   * `elsewhere`: the setting is in another file of the module; `span` is then the attribute that names the device.
   */
  | { readonly kind: 'public'; readonly span: Span; readonly origin?: string; readonly elsewhere?: PlaceElsewhere }
  | { readonly kind: 'private' }
  | { readonly kind: 'outside' }
  | { readonly kind: 'unknown'; readonly span: Span; readonly why: string };

/**
 * A device whose block is in neither this document nor another file of its module (another stack,
 * a literal id, a variable): no rule is read. Whether it is public cannot be seen, and an exposure
 * of unknown reach for every listener would fill the inventory and the editor's lenses with rules
 * nobody can judge here.
 */
export function exposureOutsideDocument(): Exposure {
  return { kind: 'outside' };
}

/**
 * The exposure `read` finds in the device's block. A device in another file of the module has
 * spans in that file: the exposure is placed on the attribute that names the device, and says
 * where the setting is, for the message and the related information.
 */
export function deviceExposure(device: Device, read: (block: HclBlock) => Exposure): Exposure {
  if (!device.found) return exposureOutsideDocument();
  const exposure = read(device.found);
  const away = device.elsewhere;
  const anchor = device.attribute?.value.outer;
  if (!away || !anchor || exposure.kind === 'private' || exposure.kind === 'outside') return exposure;
  const place = away.place(exposure.span);
  if (exposure.kind === 'unknown') return { kind: 'unknown', span: anchor, why: `${exposure.why} (${place})` };
  return { ...exposure, span: anchor, elsewhere: { path: away.path, span: exposure.span, place } };
}

/** An attribute set to `null` is Terraform's way of leaving it out: the provider's default applies. */
function writtenAttribute(block: HclBlock, name: string): HclAttribute | undefined {
  const attribute = block.attributes.get(name);
  return attribute?.value.kind === 'null' ? undefined : attribute;
}

/**
 * A boolean switch whose `true` (or `false`, with `publicWhen`) makes the device public, e.g.
 * `internal` (public when false, the default). An expression is unknown.
 */
export function exposureFromBool(block: HclBlock, name: string, publicWhen: boolean, publicByDefault: boolean): Exposure {
  const attribute = writtenAttribute(block, name);
  if (!attribute) return publicByDefault ? { kind: 'public', span: block.headerSpan } : { kind: 'private' };
  const value = attribute.value;
  const flag = value.kind === 'bool' ? value.value : value.kind === 'string' && (value.value === 'true' || value.value === 'false') ? value.value === 'true' : undefined;
  if (flag === undefined) return { kind: 'unknown', span: value.outer, why: `${name}: ${whyUnknown(value)}` };
  return flag === publicWhen ? publicAt(attribute, originOf(value)) : { kind: 'private' };
}

/**
 * A keyword setting (`network_type = "OPEN"`, `address_type = "internet"`); `absent` says what
 * the provider does when it is not written (its header is then the span of a public device).
 */
export function exposureFromKeyword(block: HclBlock, name: string, publicWords: readonly string[], absent: 'public' | 'private'): Exposure {
  const attribute = writtenAttribute(block, name);
  if (!attribute) return absent === 'public' ? { kind: 'public', span: block.headerSpan } : { kind: 'private' };
  const value = readString(attribute.value);
  if (!value.known) return { kind: 'unknown', span: value.span, why: `${name}: ${value.why}` };
  return publicWords.includes(value.value.trim().toLowerCase()) ? publicAt(attribute, value.origin) : { kind: 'private' };
}

function publicAt(attribute: HclAttribute, origin: string | undefined): Exposure {
  return origin === undefined ? { kind: 'public', span: attribute.span } : { kind: 'public', span: attribute.span, origin: `${attribute.name} from ${origin}` };
}

/** A single port attribute as a range; `fallback` is where a missing one is reported. */
export function readSinglePort(attribute: HclAttribute | undefined, fallback: Span, what: string): Value<readonly PortRange[]> {
  if (!attribute) return unknown(fallback, `${what} is not set`);
  const port = readPort(attribute.value);
  if (!port.known) return port;
  if (!Number.isInteger(port.value) || port.value < 0 || port.value > 65535) return unknown(port.span, `port ${port.value} is outside 0-65535`);
  return known([[port.value, port.value]], port.span, port.origin);
}

/** A protocol keyword read with `words`; `fallback` is the protocol when the attribute is absent. */
export function readForwardProtocol(attribute: HclAttribute | undefined, words: Readonly<Record<string, Protocol>>, absent: Protocol, span: Span): Value<Protocol> {
  if (!attribute) return known(absent, span);
  const value = readString(attribute.value);
  if (!value.known) return value;
  const protocol = readKeyword(attribute, words);
  return known(protocol ?? 'other', value.span, value.origin);
}

/** Sets a device's switch to its internal value; undefined when the device is not in this document. */
export function internalSwitchEditor(text: string, device: HclBlock | undefined, name: string, value: string | boolean): (() => TextEdit[] | undefined) | undefined {
  if (!device) return undefined;
  const current = device.attributes.get(name)?.value;
  // An expression is left alone: writing over it would cut it loose from its variable.
  if (current && !isLiteral(current)) return undefined;
  const written = typeof value === 'boolean' ? String(value) : quote(value);
  // A block of nested blocks only gets its first attribute at the top, where `terraform fmt` users put them.
  if (device.attributes.size === 0 && device.blocks.length > 0) {
    return () => [replace({ start: device.bodyStart, end: device.bodyStart }, `${eolOf(text)}${bodyIndentation(text, device)}${name} = ${written}`)];
  }
  // New attributes go below the last one-line attribute, above a `tags = { ... }` map.
  const anchor = [...device.attributes.values()].filter((attribute) => !/[\r\n]/.test(text.slice(attribute.span.start, attribute.span.end))).sort((a, b) => b.span.end - a.span.end)[0];
  return () => setAttributes(text, device, [[name, written]], anchor);
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function isLiteral(value: HclValue): boolean {
  return value.kind === 'string' || value.kind === 'bool' || value.kind === 'number';
}

export interface ForwardSpec {
  readonly device: Device;
  readonly exposure: Exposure;
  /** The block the rule is (a listener resource, an inline `listener` block, a DNAT rule block). */
  readonly ruleBlock: HclBlock;
  readonly protocol: Value<Protocol>;
  /** The public (frontend) ports. */
  readonly ports: Value<readonly PortRange[]>;
  readonly via: string;
  readonly deviceKey: string;
  readonly backend: string;
  readonly backendPorts: Value<readonly PortRange[]>;
  readonly backendGroupKeys?: readonly string[];
  /** A source restriction of the forward itself (Azure Firewall `source_addresses`); else the internet. */
  readonly peers?: Value<readonly Peer[]>;
  readonly replaceInternetPeers?: RuleEditor['replaceInternetPeers'];
  readonly setPorts?: RuleEditor['setPorts'];
  /** The switch that makes the device internal, and its editor. */
  readonly internal?: { readonly setting: string; readonly edit: (() => TextEdit[] | undefined) | undefined };
  readonly description?: HclAttribute;
  /** Blocks whose tags give the owner and expiry, first wins (the listener's own, then the device's `found` block, last). */
  readonly taggedBlocks: readonly (HclBlock | undefined)[];
  /** Where the owner tag is added: the device when it is in this document, else the listener. */
  readonly ownerBlock: HclBlock | undefined;
  readonly tagAttribute?: string;
}

/** What differs between the NAT gateways' DNAT entries: attribute names and how each port is read. */
export interface NatEntrySpec {
  readonly device: Device;
  /** As messages name the gateway. */
  readonly natName: string;
  /** The attributes holding the public (elastic) and the private address. */
  readonly publicIp: string;
  readonly privateIp: string;
  readonly protocol: Value<Protocol>;
  readonly ports: Value<readonly PortRange[]>;
  readonly backendPorts: Value<readonly PortRange[]>;
  readonly description?: HclAttribute;
}

/**
 * A NAT gateway's DNAT entry: its public address is an elastic IP, so every entry is reachable
 * from the internet; entries on the same gateway and address share a device key.
 */
export function natEntryRule(input: ResourceInput, spec: NatEntrySpec): NetworkRule[] {
  const { block } = input;
  const { device } = spec;
  const publicIp = block.attributes.get(spec.publicIp);
  const publicText = publicIp ? readString(publicIp.value) : undefined;
  const privateIp = block.attributes.get(spec.privateIp);
  const privateText = privateIp ? readString(privateIp.value) : undefined;
  const written = publicIp ? input.text.slice(publicIp.value.outer.start, publicIp.value.outer.end) : '';
  return forwardRule(input, {
    device,
    exposure: { kind: 'public', span: publicIp?.span ?? block.headerSpan },
    ruleBlock: block,
    protocol: spec.protocol,
    ports: spec.ports,
    via: `NAT gateway ${spec.natName}${publicText?.known ? ` (${publicText.value})` : ''}`,
    deviceKey: `${device.key} ${publicText?.known ? publicText.value : written}`.trim(),
    backend: privateText?.known ? privateText.value : 'a private address',
    backendPorts: spec.backendPorts,
    ...(spec.description ? { description: spec.description } : {}),
    taggedBlocks: [device.found],
    ownerBlock: device.block,
  });
}

const never = (): undefined => undefined;

/**
 * A listener or forward as a rule: ingress, allow, the public ports, and as peers the internet
 * (at the setting that makes the device public) unless the forward restricts its sources. A
 * private device gives no rule: nothing from outside reaches it through this path.
 */
export function forwardRule(input: ResourceInput, spec: ForwardSpec): NetworkRule[] {
  const { exposure } = spec;
  if (exposure.kind === 'private' || exposure.kind === 'outside') return [];
  const internet: Peer = { kind: 'anywhere', text: 'internet', span: exposure.span };
  const peers: Value<readonly Peer[]> = exposure.kind === 'unknown'
    ? unknown(exposure.span, exposure.why)
    : spec.peers ?? known([internet], exposure.span);
  const tagAttribute = spec.tagAttribute ?? 'tags';
  const annotations = forwardAnnotations(input, spec, tagAttribute);
  // The device's tags are nowhere to be read: its owner is unknown, not missing.
  const owner = annotations.owner ?? (!spec.device.found && spec.device.attribute ? unknown(spec.device.attribute.value.outer, `the tags of ${spec.device.key} are not in this document`) : undefined);
  const deviceAt = exposure.kind === 'public' && exposure.elsewhere ? exposure.elsewhere : headerElsewhere(spec.device);
  // A device in another file says where it is; one made public by an evaluated setting says where that was written.
  const notes = [deviceAt?.place, exposure.kind === 'public' ? exposure.origin : undefined].filter((note) => note !== undefined);
  const forward: Forward = {
    via: notes.length > 0 ? `${spec.via} (${notes.join('; ')})` : spec.via,
    deviceKey: spec.deviceKey,
    backendPorts: spec.backendPorts,
    backend: spec.backend,
    ...(spec.backendGroupKeys && spec.backendGroupKeys.length > 0 ? { backendGroupKeys: spec.backendGroupKeys } : {}),
    exposureSpan: exposure.span,
    ...(deviceAt ? { deviceAt: { path: deviceAt.path, span: deviceAt.span } } : {}),
    ...(spec.internal?.edit ? { internalSwitch: spec.internal.setting } : {}),
  };
  const turnOff = spec.internal?.edit;
  return [{
    ...ruleBase(input),
    groupKey: spec.device.key,
    direction: 'ingress',
    action: 'allow',
    protocol: spec.protocol,
    ports: spec.ports,
    peers,
    ...annotations,
    ...(owner ? { owner } : {}),
    forward,
    span: spec.ruleBlock.span,
    edit: {
      setPorts: spec.setPorts ?? never,
      replaceInternetPeers: spec.replaceInternetPeers ?? never,
      // Never a block of another file: its offsets are not this document's.
      addOwner: ownerTagEditor(input.text, spec.ownerBlock !== undefined && spec.ownerBlock === spec.device.elsewhere?.block ? undefined : spec.ownerBlock, tagAttribute),
      ...(turnOff ? { turnOffService: turnOff } : {}),
    },
  }];
}

/** The device's header, when another file holds the device. */
function headerElsewhere(device: Device): PlaceElsewhere | undefined {
  const away = device.elsewhere;
  return away ? { path: away.path, span: away.block.headerSpan, place: away.place(away.block.headerSpan) } : undefined;
}

/**
 * Description, owner and expiry of a forward. Tags of a device in another file are read as well
 * (an owner there is better than an unknown one), placed on the attribute that names the device,
 * with where they are written as their origin: a finding on them stays in this document.
 */
function forwardAnnotations(input: ResourceInput, spec: ForwardSpec, tagAttribute: string): Annotations {
  const away = spec.device.elsewhere;
  const anchor = spec.device.attribute?.value.outer;
  if (!away || !anchor) return readAnnotations(input.options, spec.description, spec.taggedBlocks, [tagAttribute]);
  const local = readAnnotations(input.options, spec.description, spec.taggedBlocks.filter((block) => block !== away.block), [tagAttribute]);
  const remote = readAnnotations(input.options, undefined, [away.block], [tagAttribute]);
  const relocate = (value: Value<string> | undefined): Value<string> | undefined => {
    if (!value) return undefined;
    const place = `${spec.device.key} tags, ${away.place(value.span)}`;
    return value.known ? { ...value, span: anchor, origin: value.origin ?? place } : { ...value, span: anchor, why: `${value.why} (${place})` };
  };
  const owner = local.owner ?? relocate(remote.owner);
  const expires = local.expires ?? relocate(remote.expires);
  return { description: local.description, owner, expires };
}

/** How messages name a device: its kind, then its name attribute when literal (wherever the device is), else its address. */
export function deviceName(device: Device, nameAttributes: readonly string[]): string {
  for (const name of nameAttributes) {
    const value = device.found?.attributes.get(name)?.value;
    if (value?.kind === 'string' && value.value.trim() !== '') return value.value.trim();
  }
  // `azurerm_firewall.main.name` names the resource `azurerm_firewall.main`, in another file.
  return /^([A-Za-z][\w-]*\.[\w-]+)\.(?:id|name|arn)$/.exec(device.key)?.[1] ?? device.key;
}

/**
 * The group keys of security groups named in `attribute` of `block` (e.g. an instance's
 * `vpc_security_group_ids`), in the scheme the security-group rules use: the group's address
 * when it is in this document, else the expression or id as written.
 */
export function groupKeysOf(input: ResourceInput, block: HclBlock | undefined, attributeNames: readonly string[]): string[] {
  const keys: string[] = [];
  for (const name of attributeNames) {
    const value = block?.attributes.get(name)?.value;
    if (!value) continue;
    const items = value.kind === 'tuple' ? value.items : [value];
    for (const item of items) {
      if (item.kind !== 'string' && item.kind !== 'expression') continue;
      // The key the security-group rules use, so a group in another file of the module matches too.
      const key = groupKeyOf(input, item);
      if (!keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

/** The block an attribute refers to (`aws_lb_target_group.web.arn`), when it is in this document. */
export function referencedBlock(input: ResourceInput, value: HclValue | undefined): HclBlock | undefined {
  return value?.kind === 'expression' ? input.index.referencedBy(value.text) : undefined;
}

/** `<type>.<name>` of a block. */
export function addressOf(block: HclBlock): string {
  return `${block.labels[0].value}.${block.labels[1].value}`;
}

/**
 * The handler of a device or backend (a load balancer, a target group, a NAT gateway): it holds no
 * rule itself, but registering it makes the adapter evaluate it, so that listeners read its
 * settings with variables resolved (`network_type = var.network_type` whose default is "OPEN").
 */
export const evaluatedOnly: ResourceHandler = () => [];
