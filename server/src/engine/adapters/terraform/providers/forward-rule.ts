import type { Forward, NetworkRule, Peer, Protocol, RuleEditor, TextEdit } from '../../../model/network-rule';
import type { PortRange } from '../../../model/ports';
import type { Span } from '../../../model/span';
import { known, unknown, type Value } from '../../../model/value';
import { bodyIndentation, quote, replace, setAttributes } from '../edits';
import type { HclAttribute, HclBlock, HclValue } from '../hcl';
import { groupKeyOf, ruleBase, type ResourceHandler, type ResourceInput } from '../resource';
import { ownerTagEditor } from '../rule-editor';
import { originOf, readAnnotations, readKeyword, readPort, readString, whyUnknown } from '../values';

/**
 * The device a listener or forward belongs to (a load balancer, a NAT gateway), found through the
 * attribute that names it (`load_balancer_arn`, `clb_id`, `nat_id`).
 */
export interface Device {
  /** The device's block when it is in this document. */
  readonly block: HclBlock | undefined;
  /** The device's address when it is in this document, else the expression or literal id as written. */
  readonly key: string;
  /** The attribute that names the device; undefined when the listener is part of the device itself. */
  readonly attribute: HclAttribute | undefined;
}

/** The device named by `attributeName` (a reference such as `aws_lb.web.arn`, or a literal id). */
export function deviceOf(input: ResourceInput, attributeName: string): Device {
  const attribute = input.block.attributes.get(attributeName);
  const value = attribute?.value;
  if (!value) return { block: undefined, key: input.resource.address, attribute };
  const block = value.kind === 'expression' ? input.index.referencedBy(value.text) : undefined;
  const key = block ? `${block.labels[0].value}.${block.labels[1].value}` : value.kind === 'string' ? value.value : input.text.slice(value.outer.start, value.outer.end);
  return { block, key, attribute };
}

/** The device is the resource itself (an `aws_elb` with inline listeners). */
export function ownDevice(input: ResourceInput): Device {
  return { block: input.block, key: input.resource.address, attribute: undefined };
}

/**
 * Whether the device is reachable from the internet, and the setting (or header) that says so.
 * `outside`: the device is not in this document, so nothing about it can be said.
 */
export type Exposure =
  /** `origin` says where an evaluated setting was written, e.g. `network_type from var.network_type default, variables.tf:6`. */
  | { readonly kind: 'public'; readonly span: Span; readonly origin?: string }
  | { readonly kind: 'private' }
  | { readonly kind: 'outside' }
  | { readonly kind: 'unknown'; readonly span: Span; readonly why: string };

/**
 * A device whose block is not in this document (another file, another stack, a literal id): no
 * rule is read. Whether it is public cannot be seen, and an exposure of unknown reach for every
 * listener would fill the inventory and the editor's lenses with rules nobody can judge here.
 */
export function exposureOutsideDocument(): Exposure {
  return { kind: 'outside' };
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
  /** Blocks whose tags give the owner and expiry, first wins (the listener's own, then the device's). */
  readonly taggedBlocks: readonly (HclBlock | undefined)[];
  /** Where the owner tag is added: the device, else the listener. */
  readonly ownerBlock: HclBlock | undefined;
  readonly tagAttribute?: string;
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
  const annotations = readAnnotations(input.options, spec.description, spec.taggedBlocks, [tagAttribute]);
  // The device's tags are in another file: its owner is unknown there, not missing.
  const owner = annotations.owner ?? (!spec.device.block && spec.device.attribute ? unknown(spec.device.attribute.value.outer, `the tags of ${spec.device.key} are not in this document`) : undefined);
  const forward: Forward = {
    // A device made public by an evaluated setting says where it was written.
    via: exposure.kind === 'public' && exposure.origin !== undefined ? `${spec.via} (${exposure.origin})` : spec.via,
    deviceKey: spec.deviceKey,
    backendPorts: spec.backendPorts,
    backend: spec.backend,
    ...(spec.backendGroupKeys && spec.backendGroupKeys.length > 0 ? { backendGroupKeys: spec.backendGroupKeys } : {}),
    exposureSpan: exposure.span,
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
      addOwner: ownerTagEditor(input.text, spec.ownerBlock, tagAttribute),
      ...(turnOff ? { turnOffService: turnOff } : {}),
    },
  }];
}

/** How messages name a device: its kind, then its name attribute when literal, else its address. */
export function deviceName(device: Device, nameAttributes: readonly string[]): string {
  for (const name of nameAttributes) {
    const value = device.block?.attributes.get(name)?.value;
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
