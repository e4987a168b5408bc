import type { Cidr } from './cidr';
import type { PortRange } from './ports';
import type { Span } from './span';
import type { Value } from './value';
import type { LinkedRules, ValueLink } from '../adapters/module-context';

export type FormatId = 'terraform' | 'kubernetes' | 'cloudformation' | 'compose' | 'sg-exports';
/** The cloud (or platform, for Kubernetes manifests and Compose files) whose rules these are. */
export type Provider = 'aws' | 'azure' | 'gcp' | 'tencent' | 'alibaba' | 'huawei' | 'openstack' | 'kubernetes' | 'docker';
export type Direction = 'ingress' | 'egress';
export type Action = 'allow' | 'deny';
/** `other` is a protocol without ports (GRE, ESP, a protocol number); `all` includes tcp and udp. */
export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all' | 'other';

/** The resource a rule belongs to, e.g. `aws_security_group.web` or `aws_security_group_rule.ssh`. */
export interface ResourceRef {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly provider: Provider;
  /** The resource's header, e.g. `resource "aws_security_group" "web"`: where block-level findings go. */
  readonly headerSpan: Span;
  /** The whole resource block. */
  readonly span: Span;
  /**
   * Set when the rule comes from one instance of what is written (count, for_each, a module
   * call): the address as written, e.g. `aws_security_group_rule.ssh` for `module.web.aws_security_group_rule.ssh["prod"]`.
   */
  readonly instanceOf?: string;
}

/**
 * The other side of a rule: the sources of an ingress rule, the destinations of an egress rule.
 * Each peer keeps its own span so a finding can point at the one CIDR that opens the rule.
 */
export type Peer =
  | { readonly kind: 'cidr'; readonly text: string; readonly cidr: Cidr; readonly span: Span; readonly origin?: string }
  /** A provider's word for every address: Azure `*`, `Internet`, `Any`; Tencent `0.0.0.0/0` spelled as `ALL`. */
  | { readonly kind: 'anywhere'; readonly text: string; readonly span: Span; readonly origin?: string }
  /** Another security group, a GCP network tag, an Azure service tag other than Internet, a prefix list. */
  | { readonly kind: 'reference'; readonly text: string; readonly span: Span; readonly origin?: string }
  /** The group itself (`self = true`). */
  | { readonly kind: 'self'; readonly span: Span }
  /** An expression that is not resolved yet, or (`invalid`) an address no network can have: it never makes a finding on its own. */
  | { readonly kind: 'unknown'; readonly why: string; readonly span: Span; readonly invalid?: true };

/** What a rule exposes when it is a resource's own endpoint rather than a firewall rule. */
export type ExposedService = ExposedDatabase | HostNetwork;

export interface ExposedDatabase {
  readonly kind: 'database';
  /** A readable engine name, e.g. "MySQL", or undefined when the engine is not literal. */
  readonly engine?: string;
  /** The setting that makes it public, e.g. `publicly_accessible = true`. */
  readonly switchSpan: Span;
}

/**
 * A workload that shares its node's network (Kubernetes `hostNetwork: true`, Compose
 * `network_mode: host`): every port it listens on is a port of the host, declared or not.
 */
export interface HostNetwork {
  readonly kind: 'host-network';
  /** Never set: kept so that code reading `service.engine` reads both kinds. */
  readonly engine?: undefined;
  /** The setting that does it, e.g. `hostNetwork: true`. */
  readonly switchSpan: Span;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/**
 * Rewrites one rule in its own syntax. Each method returns the edits, or undefined when the field
 * is an expression the adapter cannot rewrite safely; then no fix is offered.
 */
export interface RuleEditor {
  setPorts(ranges: readonly PortRange[]): TextEdit[] | undefined;
  /** Replaces the internet-wide peers with `cidrs`, keeping every other peer. */
  replaceInternetPeers(cidrs: readonly string[]): TextEdit[] | undefined;
  /** Adds an owner where the format keeps one (a tag on the group, a label). */
  addOwner(key: string, owner: string): TextEdit[] | undefined;
  /**
   * For a port published on a host (Compose `ports`, a Kubernetes `hostPort`), where sources
   * cannot be listed: binds it to 127.0.0.1 so that only the host itself reaches it.
   */
  bindToLoopback?(): TextEdit[] | undefined;
  /**
   * Turns off the setting behind `service` when that is a plain switch (`hostNetwork: false`); for
   * a `forward`, makes its device internal (Forward.internalSwitch).
   */
  turnOffService?(): TextEdit[] | undefined;
  /** Deletes the rule (its block, resource, list item or policy entry) and nothing else. */
  removeRule?(): TextEdit[] | undefined;
}

/**
 * A port published by a device in front of the backend: a load balancer's listener or rule, or a
 * NAT gateway's port forward (DNAT). The rule's `ports` are the public (frontend) ports and its
 * peers whoever can reach the device; traffic then goes on to the backend port.
 */
export interface Forward {
  /** How messages name the device, e.g. `public CLB clb-web`, `internet-facing ALB aws_lb.web`, `NAT gateway nat.main`. */
  readonly via: string;
  /** Forwards published on the same device and public address share this key, e.g. the load balancer's address. */
  readonly deviceKey: string;
  /** The port(s) traffic is forwarded to; unknown when not written or not resolved. */
  readonly backendPorts: Value<readonly PortRange[]>;
  /** How messages name the backend, e.g. `instance`, `target group aws_lb_target_group.web`, `10.0.0.5`. */
  readonly backend: string;
  /**
   * Group keys (NetworkRule.groupKey) of the security groups in front of the backend, where the
   * document says which they are: their ingress rules should allow the backend port.
   */
  readonly backendGroupKeys?: readonly string[];
  /**
   * What makes the device public, e.g. `network_type = "OPEN"`, or its header when public by default;
   * when another file holds the device, the attribute that names it (`clb_id = ...`).
   */
  readonly exposureSpan: Span;
  /** Where the device is when another file of the module holds it: the setting that makes it public, else its header. */
  readonly deviceAt?: { readonly path: string; readonly span: Span };
  /**
   * The setting RuleEditor.turnOffService writes to make the device internal (`internal = true`,
   * `network_type = "INTERNAL"`), for the fix's title; undefined when no plain switch does it.
   */
  readonly internalSwitch?: string;
}

export interface NetworkRule {
  readonly format: FormatId;
  readonly resource: ResourceRef;
  /**
   * Rules that belong to one group, NSG, firewall or ACL share this key (e.g. the group's address
   * for inline blocks, the `security_group_id` expression text for standalone rules).
   */
  readonly groupKey: string;
  readonly direction: Direction;
  readonly action: Action;
  readonly protocol: Value<Protocol>;
  /** Empty when the protocol has no ports (icmp, other). */
  readonly ports: Value<readonly PortRange[]>;
  readonly peers: Value<readonly Peer[]>;
  readonly description?: Value<string>;
  /** From the rule's or its group's tags/labels, or `owner=NAME` in a description. */
  readonly owner?: Value<string>;
  /** From `expires=YYYY-MM-DD` in a description, or an expiry tag. */
  readonly expires?: Value<string>;
  /** Lower matches first, where a provider orders its rules (priority, rule number). */
  readonly priority?: Value<number>;
  /**
   * Where a provider narrows a rule to part of its group: the destination of an Azure inbound rule
   * (the source of an outbound one), a GCP firewall's target tags or service accounts. Absent
   * means every member of the group; overlap checks never compare rules that apply to different parts.
   */
  readonly appliesTo?: Value<readonly Peer[]>;
  readonly service?: ExposedService;
  /** Set when the rule is a load-balancer listener or a NAT forward rather than a firewall rule. */
  readonly forward?: Forward;
  /** The rule itself: an inline block, or the whole standalone resource. */
  readonly span: Span;
  readonly edit: RuleEditor;
}

export interface ParseError {
  readonly message: string;
  readonly span: Span;
}

/** What an adapter makes of one document. */
export interface AdapterResult {
  readonly rules: readonly NetworkRule[];
  readonly parseErrors: readonly ParseError[];
  /** True when this document cannot hold comments (JSON), whatever the adapter's commentPrefix: no suppression is offered. */
  readonly hasNoComments?: boolean;
  /** Rules of other files (a child module) whose findings may depend on values written in this document. */
  readonly linked?: readonly LinkedRules[];
  /** Places in this document whose values were written in another file (a caller's module argument). */
  readonly incoming?: readonly ValueLink[];
  /** Other files the rules were read with; a change to one of them can change this document's findings. */
  readonly dependencies?: readonly string[];
  /** Not syntax errors, but reasons a part of the document was not evaluated (a module cycle). */
  readonly notes?: readonly ParseError[];
  /**
   * Rules of the other files of the document's module (the same module instance), for checks that
   * compare a document's rules with the rest of their group. Never reported on themselves.
   */
  readonly siblings?: readonly SiblingRules[];
}

/** The rules of one other file of the document's module. */
export interface SiblingRules {
  readonly path: string;
  readonly text: string;
  readonly rules: readonly NetworkRule[];
}
