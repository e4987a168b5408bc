import { cidrContains, parseCidr } from '../model/cidr';
import type { Direction } from '../model/network-rule';
import type { PortRange } from '../model/ports';
import type { Settings } from '../settings';
import type { Exposure, ExposurePeer } from './inventory';
import { isEmptyPortSet, NO_PORTS, overlapsPortSets, showPortSet, subtractPortSets, unionPortSets, type PortSet } from './port-set';
import { REACHES, type Reach } from './reach';

/**
 * - `opened`: a peer gets ports it had nothing near before (a new rule, a new source, 9100 beside 443);
 * - `widened`: a range a peer had grows (443 becoming 443-444, 0-1023 becoming 0-65535), or the
 *   same ports go to a wider peer (10.0.0.0/8 becoming 0.0.0.0/0) or protocol (tcp becoming all);
 * - `closed`: ports a peer had and has no more.
 */
export const CHANGE_KINDS = ['opened', 'widened', 'closed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ExposureChange {
  readonly kind: ChangeKind;
  /** The rule after the change (opened, widened) or before it (closed): file and line are on that side. */
  readonly exposure: Exposure;
  readonly direction: Direction;
  readonly protocol: string;
  /** Only what changed: the ports opened, added or closed. */
  readonly ports: readonly PortRange[];
  readonly portsText: string;
  readonly peer: ExposurePeer;
  /** For a peer that widened: the narrower one it replaced. */
  readonly previousPeer?: ExposurePeer;
  /** For ports added to a peer that had some: those it had. */
  readonly previousPortsText?: string;
  readonly reach: Reach;
  /** "opens 3306 (MySQL) to 0.0.0.0/0". */
  readonly summary: string;
}

/** What one resource allows one peer over one protocol, with the rules that say so. */
interface Grant {
  readonly direction: Direction;
  readonly protocol: string;
  readonly peer: ExposurePeer;
  ports: PortSet;
  readonly exposures: Exposure[];
}

/**
 * Compares two inventories of the same files (before and after a change) resource by resource.
 * A resource is the same on both sides when it keeps its address in the same file, or moves to
 * another file of the same directory (one Terraform module). Sorted: opened, widened, closed,
 * widest reach first, then by file and line.
 */
export function diffInventories(before: readonly Exposure[], after: readonly Exposure[], settingsFor: (path: string) => Settings): ExposureChange[] {
  const keyOf = resourceKeys(before, after);
  const oldGrants = grantsByResource(before, keyOf);
  const newGrants = grantsByResource(after, keyOf);
  const changes: ExposureChange[] = [];
  for (const key of new Set([...oldGrants.keys(), ...newGrants.keys()])) {
    changes.push(...diffResource(oldGrants.get(key) ?? new Map(), newGrants.get(key) ?? new Map(), settingsFor));
  }
  return changes.sort((a, b) =>
    CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind)
    || REACHES.indexOf(a.reach) - REACHES.indexOf(b.reach)
    || compareText(a.exposure.path, b.exposure.path)
    || a.exposure.line - b.exposure.line
    || compareText(a.summary, b.summary));
}

function diffResource(before: Map<string, Grant>, after: Map<string, Grant>, settingsFor: (path: string) => Settings): ExposureChange[] {
  const changes: ExposureChange[] = [];
  /** What each old grant still has that no new grant has taken over. */
  const remaining = new Map<string, PortSet>();
  for (const [key, grant] of before) remaining.set(key, after.has(key) ? subtractPortSets(grant.ports, after.get(key)?.ports ?? NO_PORTS) : grant.ports);

  for (const [key, grant] of after) {
    const old = before.get(key);
    const added = old ? subtractPortSets(grant.ports, old.ports) : grant.ports;
    if (isEmptyPortSet(added)) continue;
    if (old) {
      // A range that grows (443 to 443-444) widens; a port that stands apart (9100 beside 443) opens.
      const { extending, apart } = splitByContact(added, old.ports);
      const previousPortsText = showPortSet(old.ports, old.protocol, settingsFor(old.exposures[0].path));
      if (!isEmptyPortSet(extending)) changes.push(change('widened', grant, extending, settingsFor, { previousPortsText }));
      if (!isEmptyPortSet(apart)) changes.push(change('opened', grant, apart, settingsFor, {}));
      continue;
    }
    const narrower = [...before.entries()].find(([oldKey, candidate]) => !after.has(oldKey) && covers(grant, candidate) && overlapsPortSets(candidate.ports, added));
    if (narrower) {
      const [oldKey, candidate] = narrower;
      remaining.set(oldKey, subtractPortSets(remaining.get(oldKey) ?? NO_PORTS, grant.ports));
      changes.push(change('widened', grant, added, settingsFor, { previousPeer: candidate.peer }));
    } else {
      changes.push(change('opened', grant, added, settingsFor, {}));
    }
  }
  for (const [key, grant] of before) {
    const closed = remaining.get(key) ?? NO_PORTS;
    if (!isEmptyPortSet(closed)) changes.push(change('closed', grant, closed, settingsFor, {}));
  }
  return changes;
}

/** The added ranges that touch or continue an existing range, and the rest. */
function splitByContact(added: PortSet, existing: PortSet): { extending: PortSet; apart: PortSet } {
  const touches = ([from, to]: PortRange) => existing.ranges.some(([start, end]) => from <= end + 1 && start <= to + 1);
  return {
    extending: { ranges: added.ranges.filter(touches), expressions: [], isPortless: false },
    apart: { ranges: added.ranges.filter((range) => !touches(range)), expressions: added.expressions, isPortless: added.isPortless },
  };
}

function change(kind: ChangeKind, grant: Grant, ports: PortSet, settingsFor: (path: string) => Settings, previous: { previousPeer?: ExposurePeer; previousPortsText?: string }): ExposureChange {
  const exposure = exposureFor(grant, ports);
  const portsText = showPortSet(ports, grant.protocol, settingsFor(exposure.path));
  const peer = grant.peer.text;
  const verb = grant.direction === 'ingress'
    ? { opened: 'opens', widened: 'opens', closed: 'closes' }[kind]
    : { opened: 'allows', widened: 'allows', closed: 'stops' }[kind];
  const link = grant.direction === 'ingress' ? 'to' : 'out to';
  let summary = `${verb} ${portsText} ${link} ${peer}`;
  if (previous.previousPeer) summary += ` (was ${previous.previousPeer.text})`;
  if (previous.previousPortsText) summary += ` (besides ${previous.previousPortsText})`;
  return {
    kind,
    exposure,
    direction: grant.direction,
    protocol: grant.protocol,
    ports: ports.ranges,
    portsText,
    peer: grant.peer,
    ...previous,
    reach: grant.peer.reach,
    summary,
  };
}

/** Whether the new grant covers the old one's peer and protocol, being wider in at least one. */
function covers(wide: Grant, narrow: Grant): boolean {
  if (wide.direction !== narrow.direction) return false;
  const protocolCovers = wide.protocol === narrow.protocol || wide.protocol === 'all';
  return protocolCovers && peerCovers(wide.peer, narrow.peer);
}

function peerCovers(wide: ExposurePeer, narrow: ExposurePeer): boolean {
  if (wide.text === narrow.text) return true;
  const outer = parseCidr(wide.text);
  const inner = parseCidr(narrow.text);
  // 0.0.0.0/0 covers 10.0.0.0/8 but not ::1/128; the family decides.
  if (outer && inner) return cidrContains(outer, inner);
  // `*`, `Internet` or a public endpoint covers any peer, and the internet covers a group or a tag.
  return wide.reach === 'internet';
}

function grantsByResource(exposures: readonly Exposure[], keyOf: (exposure: Exposure) => string): Map<string, Map<string, Grant>> {
  const byResource = new Map<string, Map<string, Grant>>();
  for (const exposure of exposures) {
    const resourceKey = keyOf(exposure);
    let grants = byResource.get(resourceKey);
    if (!grants) byResource.set(resourceKey, (grants = new Map()));
    const ports = portSetOf(exposure);
    for (const peer of exposure.peers) {
      const key = [exposure.direction, exposure.protocol, peer.text].join('\u0000');
      const grant = grants.get(key);
      if (grant) {
        grant.ports = unionPortSets(grant.ports, ports);
        grant.exposures.push(exposure);
      } else {
        grants.set(key, { direction: exposure.direction, protocol: exposure.protocol, peer, ports, exposures: [exposure] });
      }
    }
  }
  return byResource;
}

/**
 * Keys resources by directory and address when that names one file on each side, so a resource
 * moved between the files of one module is not closed in one and opened in the other; by file
 * and address otherwise (two templates in one folder may both define `WebSecurityGroup`).
 */
function resourceKeys(before: readonly Exposure[], after: readonly Exposure[]): (exposure: Exposure) => string {
  const filesOf = (exposures: readonly Exposure[]): Map<string, Set<string>> => {
    const files = new Map<string, Set<string>>();
    for (const exposure of exposures) {
      const key = `${directoryOf(exposure.path)}\u0000${exposure.resource}`;
      const set = files.get(key) ?? new Set<string>();
      set.add(exposure.path);
      files.set(key, set);
    }
    return files;
  };
  const oldFiles = filesOf(before);
  const newFiles = filesOf(after);
  return (exposure) => {
    const byDirectory = `${directoryOf(exposure.path)}\u0000${exposure.resource}`;
    const isUnique = (oldFiles.get(byDirectory)?.size ?? 0) <= 1 && (newFiles.get(byDirectory)?.size ?? 0) <= 1;
    return isUnique ? `dir\u0000${byDirectory}` : `file\u0000${exposure.path}\u0000${exposure.resource}`;
  };
}

function directoryOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'), 0));
}

/**
 * The rule a change is shown at: among the rules that hold the changed ports, the first with the
 * most findings, so a reader lands on the problem.
 */
function exposureFor(grant: Grant, ports: PortSet): Exposure {
  const holding = grant.exposures.filter((exposure) => overlapsPortSets(portSetOf(exposure), ports));
  const candidates = holding.length > 0 ? holding : grant.exposures;
  return candidates.reduce((best, exposure) => (exposure.findings.length > best.findings.length ? exposure : best));
}

function portSetOf(exposure: Exposure): PortSet {
  return exposure.ports === undefined
    ? { ranges: [], expressions: [exposure.portsText], isPortless: false }
    : { ranges: exposure.ports, expressions: [], isPortless: exposure.ports.length === 0 };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
