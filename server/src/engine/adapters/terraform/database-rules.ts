import type { NetworkRule, Peer, RuleEditor } from '../../model/network-rule';
import type { PortRange } from '../../model/ports';
import type { Span } from '../../model/span';
import { known, type Value } from '../../model/value';
import { replace } from './edits';
import type { HclBlock, HclValue } from './hcl';
import { ruleBase, type ResourceInput } from './resource';
import { ownerTagEditor, ruleEditor } from './rule-editor';
import { readAnnotations, type Annotations } from './values';

/** A managed data store's own public endpoint, turned on by one setting (`publicly_accessible = true`). */
export interface EndpointSwitch {
  /** The value that makes it public; findings point at it and the fix rewrites it. */
  readonly value: HclValue;
  /** How the peer names it, e.g. `publicly_accessible`. */
  readonly name: string;
  /** What the fix writes instead, already formatted (`false`, `0`, `"DISABLED"`). */
  readonly offText: string;
}

/**
 * The rule of a public endpoint: an ingress from anywhere on the store's ports, with the switch as
 * its only peer. The fix turns the switch off, since there is no list of sources to narrow. Owner
 * and expiry come from the tags of `taggedBlock` (the resource by default).
 */
export function publicEndpointRule(input: ResourceInput, endpoint: EndpointSwitch, engine: string | undefined, ports: Value<readonly PortRange[]>, taggedBlock: HclBlock = input.block): NetworkRule {
  const { block, text, options } = input;
  const switchSpan = endpoint.value.span;
  const peer: Peer = { kind: 'anywhere', text: endpoint.name, span: switchSpan };
  return {
    ...ruleBase(input),
    groupKey: input.resource.address,
    direction: 'ingress',
    action: 'allow',
    protocol: known('tcp', block.headerSpan),
    ports,
    peers: known([peer], switchSpan),
    ...readAnnotations(options, undefined, [taggedBlock]),
    service: { kind: 'database', ...(engine === undefined ? {} : { engine }), switchSpan },
    span: block.span,
    edit: ruleEditor({
      replaceInternetPeers: () => [replace(endpoint.value.outer, endpoint.offText)],
      addOwner: ownerTagEditor(text, taggedBlock),
    }),
  };
}

export interface WhitelistRule {
  readonly peers: Value<readonly Peer[]>;
  readonly switchSpan: Span;
  readonly engine: string | undefined;
  readonly ports: Value<readonly PortRange[]>;
  /** The whitelist itself: an entry block, an attribute, or the whole rule resource. */
  readonly span: Span;
  readonly groupKey: string;
  readonly annotations: Annotations;
  readonly edit: RuleEditor;
}

/**
 * The rule of an allow-list in front of a managed data store (a whitelist, a firewall range, a DB
 * security group entry): an ingress from its peers on the store's ports. Findings point at
 * `switchSpan`, the entry that lets the internet in when one does.
 */
export function whitelistRule(input: ResourceInput, whitelist: WhitelistRule): NetworkRule {
  return {
    ...ruleBase(input),
    groupKey: whitelist.groupKey,
    direction: 'ingress',
    action: 'allow',
    protocol: known('tcp', input.block.headerSpan),
    ports: whitelist.ports,
    peers: whitelist.peers,
    ...whitelist.annotations,
    service: { kind: 'database', ...(whitelist.engine === undefined ? {} : { engine: whitelist.engine }), switchSpan: whitelist.switchSpan },
    span: whitelist.span,
    edit: whitelist.edit,
  };
}
