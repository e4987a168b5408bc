import type { Exposure, ExposureChange } from '../../engine/index';
import type { Row, RowSet } from './rows';

/** What every inventory format gets: the exposures, and for --since the changes. */
export interface InventoryReport {
  readonly exposures: readonly Exposure[];
  /** Undefined for a plain inventory; the comparison with --since otherwise. */
  readonly comparison?: { readonly since: string; readonly changes: readonly ExposureChange[] };
  /** The rows to show: the exposures, or the changes. */
  readonly table: RowSet;
  readonly cwd: string;
  readonly version: string;
  readonly today: string;
  readonly color: boolean;
  /** Where a row's file and line can be opened (html, markdown). */
  link(row: Row): string;
}

export type InventoryFormatter = (report: InventoryReport) => string;

export interface InventoryCounts {
  readonly exposures: number;
  readonly internet: number;
  readonly ownerless: number;
  readonly expired: number;
  readonly withFindings: number;
}

export function countExposures(rows: readonly Row[]): InventoryCounts {
  return {
    exposures: rows.length,
    internet: rows.filter((row) => row.isInternet).length,
    ownerless: rows.filter((row) => row.isOwnerless).length,
    expired: rows.filter((row) => row.isExpired).length,
    withFindings: rows.filter((row) => row.exposure.findings.length > 0).length,
  };
}

/** "12 exposures: 3 open to the internet, 2 without an owner, 1 past its expiry date, 4 with findings". */
export function describeCounts(counts: InventoryCounts): string {
  const parts = [
    `${counts.internet} open to the internet`,
    `${counts.ownerless} without an owner`,
    `${counts.expired} past ${counts.expired === 1 ? 'its' : 'their'} expiry date`,
    `${counts.withFindings} with findings`,
  ];
  return `${counts.exposures} ${counts.exposures === 1 ? 'exposure' : 'exposures'}: ${parts.join(', ')}`;
}

/** "3 opened (2 to the internet), 1 widened, 4 closed". */
export function describeChanges(changes: readonly ExposureChange[]): string {
  const count = (kind: ExposureChange['kind']) => changes.filter((change) => change.kind === kind);
  const toInternet = (list: readonly ExposureChange[]) => list.filter((change) => change.reach === 'internet' && change.direction === 'ingress').length;
  const opened = count('opened');
  const widened = count('widened');
  const withInternet = (list: readonly ExposureChange[]) => (toInternet(list) > 0 ? ` (${toInternet(list)} to the internet)` : '');
  return `${opened.length} opened${withInternet(opened)}, ${widened.length} widened${withInternet(widened)}, ${count('closed').length} closed`;
}
