import type { Exposure, ExposureChange, PortRange, Reach } from '../../engine/index';
import { portablePath } from '../formatters/types';

/** The columns every inventory format shows, in order; a comparison (--since) adds `change` and `summary` in front. */
export const INVENTORY_COLUMNS = ['resource', 'location', 'provider', 'direction', 'protocol', 'ports', 'peers', 'reach', 'owner', 'expires', 'findings'] as const;
export const CHANGE_COLUMNS = ['change', 'summary', ...INVENTORY_COLUMNS] as const;
export type ColumnId = (typeof CHANGE_COLUMNS)[number];

export const COLUMN_TITLES: Readonly<Record<ColumnId, string>> = {
  change: 'Change',
  summary: 'Summary',
  resource: 'Resource',
  location: 'File:line',
  provider: 'Provider',
  direction: 'Direction',
  protocol: 'Protocol',
  ports: 'Ports',
  peers: 'From/to',
  reach: 'Reach',
  owner: 'Owner',
  expires: 'Expires',
  findings: 'Findings',
};

/** One line of a report: an exposure, or one change of a comparison, as text per column. */
export interface Row {
  readonly exposure: Exposure;
  readonly change?: ExposureChange;
  readonly cells: Readonly<Record<ColumnId, string>>;
  /** The ports the row is about (a change: only those that changed); undefined when unresolved. */
  readonly ports: readonly PortRange[] | undefined;
  /** The exposure's reach; a change's peer's. */
  readonly reach: Reach;
  readonly isOwnerless: boolean;
  readonly isExpired: boolean;
  readonly isInternet: boolean;
  /** The file relative to the working directory, with forward slashes. */
  readonly file: string;
}

export interface RowSet {
  readonly columns: readonly ColumnId[];
  readonly rows: readonly Row[];
}

export function inventoryRows(exposures: readonly Exposure[], cwd: string): RowSet {
  return { columns: INVENTORY_COLUMNS, rows: exposures.map((exposure) => toRow(exposure, cwd)) };
}

export function changeRows(changes: readonly ExposureChange[], cwd: string): RowSet {
  return {
    columns: CHANGE_COLUMNS,
    rows: changes.map((change) => {
      const row = toRow(change.exposure, cwd);
      return {
        ...row,
        change,
        ports: change.ports,
        reach: change.reach,
        isInternet: change.reach === 'internet' && change.direction === 'ingress',
        cells: {
          ...row.cells,
          change: change.kind,
          summary: change.summary,
          ports: change.portsText,
          peers: change.previousPeer ? `${change.peer.text} (was ${change.previousPeer.text})` : change.peer.text,
          reach: change.reach,
        },
      };
    }),
  };
}

function toRow(exposure: Exposure, cwd: string): Row {
  const file = portablePath(exposure.path, cwd);
  const owner = exposure.ownerState === 'named' ? exposure.owner ?? '' : exposure.ownerState === 'unresolved' ? '(unresolved)' : '';
  const checkIds = [...new Set(exposure.findings.map((finding) => finding.checkId))];
  return {
    exposure,
    file,
    ports: exposure.ports,
    reach: exposure.reach,
    isOwnerless: exposure.ownerState === 'missing',
    isExpired: exposure.isExpired,
    isInternet: exposure.reach === 'internet' && exposure.direction === 'ingress',
    cells: {
      change: '',
      summary: '',
      resource: exposure.resource,
      location: `${file}:${exposure.line}`,
      provider: exposure.provider,
      direction: exposure.direction,
      protocol: exposure.protocol,
      ports: exposure.ports !== undefined && exposure.ports.length === 0 ? '-' : exposure.service && exposure.portsText === '?' ? `? (${exposure.service})` : exposure.portsText,
      // A listener or forward says where the traffic goes next, in every format that shows this cell.
      peers: exposure.peers.map((peer) => peer.text).join(', ') + (exposure.forward ? ` (via ${exposure.forward})` : ''),
      reach: exposure.reach,
      owner,
      expires: exposure.expires ?? '',
      findings: checkIds.join(', '),
    },
  };
}
