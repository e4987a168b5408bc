import { dayNumber } from '../checks/expired-rule';
import { forwardTarget } from '../model/forwards';
import type { Finding } from '../findings';
import type { LintResult } from '../lint';
import type { Direction, ExposedService, FormatId, NetworkRule, Peer } from '../model/network-rule';
import { showRanges, type PortRange } from '../model/ports';
import { LineMap, type Span } from '../model/span';
import type { Value } from '../model/value';
import type { Settings, Severity } from '../settings';
import { peerReach, trustedNetworks, widestReach, type Reach } from './reach';

export interface ExposurePeer {
  /** As written: a CIDR, `*`, a group reference, or the expression of an unresolved value. */
  readonly text: string;
  readonly reach: Reach;
}

export interface ExposureFinding {
  readonly checkId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Counted from 1. */
  readonly line: number;
}

/** Whether a rule names its owner: `unresolved` is an owner from an expression such as `var.tags`. */
export type OwnerState = 'named' | 'unresolved' | 'missing';

/** One allow rule of a document, as an audit lists it. */
export interface Exposure {
  /** As the front end gave it to the lint (the CLI: absolute). */
  readonly path: string;
  readonly format: FormatId;
  readonly provider: string;
  /** e.g. `aws_security_group.web`. */
  readonly resource: string;
  readonly resourceType: string;
  /** Rules of one group, NSG or firewall share it. */
  readonly group: string;
  /** The rule itself, and where it starts, counted from 1. */
  readonly span: Span;
  readonly line: number;
  readonly column: number;
  /** The resource's header, where an editor puts a summary of the resource. */
  readonly resourceHeader: Span;
  readonly direction: Direction;
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `all`, `other`, or the expression when it is not resolved. */
  readonly protocol: string;
  /** Undefined when the ports are an unresolved expression; empty for a protocol without ports. */
  readonly ports: readonly PortRange[] | undefined;
  /** `22`, `80, 443`, `0-65535`; the expression when unresolved; empty without ports. */
  readonly portsText: string;
  /** The sources of an ingress rule, the destinations of an egress rule. */
  readonly peers: readonly ExposurePeer[];
  /** The widest reach of the peers. */
  readonly reach: Reach;
  readonly owner?: string;
  readonly ownerState: OwnerState;
  /** YYYY-MM-DD as written, or the expression when unresolved. */
  readonly expires?: string;
  readonly isExpired: boolean;
  /** What the rule is the endpoint of, e.g. `database MySQL` for `publicly_accessible = true`. */
  readonly service?: string;
  /**
   * For a load-balancer listener or NAT forward, the path its traffic takes, e.g. `internet-facing
   * ALB web forwards to target group aws_lb_target_group.web port 8080`.
   */
  readonly forward?: string;
  /** Findings on the rule, and on its group when they are about the whole group (a missing owner tag). */
  readonly findings: readonly ExposureFinding[];
}

export interface InventoryInput {
  readonly path: string;
  readonly text: string;
  readonly result: LintResult;
  readonly settings: Settings;
  /** YYYY-MM-DD, for past expiry dates. */
  readonly today: string;
}

/** Longer expressions are cut: a cell in a table should not hold a whole `for` expression. */
const MAX_EXPRESSION_LENGTH = 60;

/**
 * Every allow rule the lint found, in document order, with its reach and the findings on it.
 * Built from the lint result only: nothing is parsed again. Deny rules open nothing and are left out.
 */
export function buildInventory(input: InventoryInput): Exposure[] {
  const { result, text, settings } = input;
  if (result.format === undefined) return [];
  const lines = new LineMap(text);
  const trusted = trustedNetworks(settings.trustedCidrs);
  const today = dayNumber(input.today);
  return result.rules
    .filter((rule) => rule.action === 'allow')
    .map((rule) => toExposure(rule, input.path, text, lines, findingsOn(rule, result.findings, lines), trusted, today));
}

function toExposure(rule: NetworkRule, path: string, text: string, lines: LineMap, findings: ExposureFinding[], trusted: ReturnType<typeof trustedNetworks>, today: number | undefined): Exposure {
  const start = lines.positionAt(rule.span.start);
  const header = rule.resource.headerSpan;
  const peers: ExposurePeer[] = rule.peers.known
    ? rule.peers.value.map((peer) => ({ text: peerText(peer, text, header), reach: peerReach(peer, trusted) }))
    : [{ text: expression(text, rule.peers, header), reach: 'unknown' }];
  const expiry = rule.expires;
  const expires = expiry === undefined ? undefined : expiry.known ? expiry.value.trim() : expression(text, expiry, header);
  const expiryDay = expiry?.known ? dayNumber(expiry.value.trim()) : undefined;
  const base = {
    path,
    format: rule.format,
    provider: rule.resource.provider,
    resource: rule.resource.address,
    resourceType: rule.resource.type,
    group: rule.groupKey,
    span: rule.span,
    line: start.line + 1,
    column: start.character + 1,
    resourceHeader: rule.resource.headerSpan,
    direction: rule.direction,
    protocol: rule.protocol.known ? rule.protocol.value : expression(text, rule.protocol, header),
    ports: rule.ports.known ? rule.ports.value : undefined,
    portsText: rule.ports.known ? showRanges(rule.ports.value) : expression(text, rule.ports, header),
    peers,
    reach: widestReach(peers.map((peer) => peer.reach)),
    ownerState: ownerState(rule),
    isExpired: expiryDay !== undefined && today !== undefined && expiryDay < today,
    findings,
  };
  return {
    ...base,
    ...(rule.owner?.known && rule.owner.value.trim() !== '' ? { owner: rule.owner.value.trim() } : {}),
    ...(expires === undefined ? {} : { expires }),
    ...(rule.service ? { service: serviceLabel(rule.service) } : {}),
    ...(rule.forward ? { forward: `${rule.forward.via} forwards to ${forwardTarget(rule.forward)}` } : {}),
  };
}

function serviceLabel(service: ExposedService): string {
  const engine = 'engine' in service ? service.engine : undefined;
  return engine ? `${service.kind} ${engine}` : service.kind;
}

function ownerState(rule: NetworkRule): OwnerState {
  if (rule.owner === undefined) return 'missing';
  if (!rule.owner.known) return 'unresolved';
  return rule.owner.value.trim() === '' ? 'missing' : 'named';
}

/**
 * The rule's own findings, plus those its group shares: a finding about a rule but placed outside
 * the rule's block (an owner or expiry tag on the group) concerns every rule of that group.
 */
function findingsOn(rule: NetworkRule, findings: readonly Finding[], lines: LineMap): ExposureFinding[] {
  return findings
    .filter((finding) => {
      const about = finding.rule;
      if (!about) return finding.span.start >= rule.span.start && finding.span.end <= rule.span.end;
      if (about === rule) return true;
      const isGroupWide = finding.span.start < about.span.start || finding.span.end > about.span.end;
      return isGroupWide && about.groupKey === rule.groupKey;
    })
    .map((finding) => ({ checkId: finding.checkId, severity: finding.severity, message: finding.message, line: lines.positionAt(finding.span.start).line + 1 }));
}

function peerText(peer: Peer, text: string, header: Span): string {
  switch (peer.kind) {
    case 'self':
      return 'self';
    case 'unknown':
      return expression(text, peer, header);
    default:
      return peer.text;
  }
}

/**
 * The source text of an unresolved value, on one line and cut to a readable length. A value the
 * adapter could only place on the resource's header (a database's default port) has no text: `?`.
 */
function expression(text: string, value: Value<unknown> | { readonly span: Span }, header?: Span): string {
  if (header && value.span.start >= header.start && value.span.end <= header.end) return '?';
  const source = text.slice(value.span.start, value.span.end).replace(/\s+/g, ' ').trim();
  if (source === '') return '?';
  return source.length > MAX_EXPRESSION_LENGTH ? `${source.slice(0, MAX_EXPRESSION_LENGTH - 1)}…` : source;
}
