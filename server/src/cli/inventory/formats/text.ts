import type { InventoryFormatter } from '../report';
import type { Row } from '../rows';

/**
 * One line per exposure (or change), `file:line: …`, for grep and for editors that jump to a
 * location; no colour, no alignment, no summary.
 */
export const formatText: InventoryFormatter = ({ table }) => table.rows.map((row) => `${row.change ? changeLine(row) : exposureLine(row)}\n`).join('');

function exposureLine(row: Row): string {
  const { cells } = row;
  const link = row.exposure.direction === 'ingress' ? 'from' : 'to';
  const ports = cells.ports === '-' ? '' : ` ${cells.ports}`;
  const expiry = cells.expires === '' ? '-' : `${cells.expires}${row.isExpired ? ' (expired)' : ''}`;
  return `${cells.location}: ${cells.resource} ${cells.direction} ${cells.protocol}${ports} ${link} ${cells.peers} [${cells.reach}] owner=${cells.owner || '-'} expires=${expiry} findings=${cells.findings || '-'}`;
}

function changeLine(row: Row): string {
  const { cells } = row;
  return `${cells.location}: ${cells.change}: ${cells.resource} ${cells.summary} [${cells.reach}] findings=${cells.findings || '-'}`;
}
