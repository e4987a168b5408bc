import type { Exposure, ExposureChange, ExposurePeer, PortRange, Reach, Severity } from '../../../engine/index';
import { countExposures, type InventoryCounts, type InventoryFormatter } from '../report';
import { inventoryRows } from '../rows';

/*
 * `portwarden inventory --format json` prints one object (on one line). These types are the
 * documented shape; lines count from 1, ports are inclusive [from, to] pairs.
 */

export interface JsonInventory {
  readonly tool: 'portwarden';
  readonly version: string;
  /** The day expiry dates were compared with, YYYY-MM-DD. */
  readonly today: string;
  readonly summary: InventoryCounts;
  readonly exposures: readonly JsonExposure[];
  /** With --since only. */
  readonly since?: string;
  readonly changes?: readonly JsonChange[];
}

export interface JsonExposure {
  /** Absolute path. */
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
  readonly format: string;
  readonly provider: string;
  readonly resource: string;
  readonly resourceType: string;
  readonly group: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: string;
  /** null when the ports are an expression not resolved yet (see portsText); [] for icmp and the like. */
  readonly ports: readonly PortRange[] | null;
  readonly portsText: string;
  /** Sources of an ingress rule, destinations of an egress rule. */
  readonly peers: readonly ExposurePeer[];
  /** internet, external, unknown, trusted, group or private: the widest of the peers. */
  readonly reach: Reach;
  readonly owner: string | null;
  /** `missing` rules are highlighted in reports; `unresolved` owners come from an expression. */
  readonly ownerState: 'named' | 'unresolved' | 'missing';
  readonly expires: string | null;
  readonly isExpired: boolean;
  readonly service: string | null;
  /** For a load-balancer listener or NAT forward: the device and where it forwards to. */
  readonly forward: string | null;
  readonly findings: readonly { readonly checkId: string; readonly severity: Severity; readonly message: string; readonly line: number }[];
}

export interface JsonChange {
  readonly kind: 'opened' | 'widened' | 'closed';
  /** "opens 3306 (MySQL) to 0.0.0.0/0". */
  readonly summary: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: string;
  /** Only the ports that changed. */
  readonly ports: readonly PortRange[];
  readonly portsText: string;
  readonly peer: ExposurePeer;
  readonly previousPeer: ExposurePeer | null;
  readonly reach: Reach;
  /** The rule after the change, or before it for a closed one (its filePath and line are at the revision). */
  readonly exposure: JsonExposure;
}

export const formatInventoryJson: InventoryFormatter = ({ exposures, comparison, version, today, cwd }) => {
  const output: JsonInventory = {
    tool: 'portwarden',
    version,
    today,
    summary: countExposures(inventoryRows(exposures, cwd).rows),
    exposures: exposures.map(toJsonExposure),
    ...(comparison ? { since: comparison.since, changes: comparison.changes.map(toJsonChange) } : {}),
  };
  return `${JSON.stringify(output)}\n`;
};

export function toJsonExposure(exposure: Exposure): JsonExposure {
  return {
    filePath: exposure.path,
    line: exposure.line,
    column: exposure.column,
    format: exposure.format,
    provider: exposure.provider,
    resource: exposure.resource,
    resourceType: exposure.resourceType,
    group: exposure.group,
    direction: exposure.direction,
    protocol: exposure.protocol,
    ports: exposure.ports ?? null,
    portsText: exposure.portsText,
    peers: exposure.peers,
    reach: exposure.reach,
    owner: exposure.owner ?? null,
    ownerState: exposure.ownerState,
    expires: exposure.expires ?? null,
    isExpired: exposure.isExpired,
    service: exposure.service ?? null,
    forward: exposure.forward ?? null,
    findings: exposure.findings,
  };
}

function toJsonChange(change: ExposureChange): JsonChange {
  return {
    kind: change.kind,
    summary: change.summary,
    direction: change.direction,
    protocol: change.protocol,
    ports: change.ports,
    portsText: change.portsText,
    peer: change.peer,
    previousPeer: change.previousPeer ?? null,
    reach: change.reach,
    exposure: toJsonExposure(change.exposure),
  };
}
