import { stringify } from 'csv-stringify/sync';
import type { InventoryFormatter } from '../report';
import { COLUMN_TITLES, type ColumnId } from '../rows';

/**
 * RFC 4180 CSV with a header row, for spreadsheets: file and line in their own columns, lists
 * joined with "; ", and `ownerless` and `expired` as yes/no columns so a sheet can filter on them.
 */
export const formatCsv: InventoryFormatter = ({ table }) => {
  const columns = table.columns.flatMap((column): (ColumnId | 'file' | 'line')[] => (column === 'location' ? ['file', 'line'] : [column]));
  const header = [...columns.map((column) => (column === 'file' ? 'File' : column === 'line' ? 'Line' : COLUMN_TITLES[column])), 'Without owner', 'Expired'];
  const records = table.rows.map((row) => [
    ...columns.map((column) => {
      if (column === 'file') return row.file;
      if (column === 'line') return String(row.exposure.line);
      return column === 'peers' || column === 'findings' ? row.cells[column].split(', ').join('; ') : row.cells[column];
    }),
    row.isOwnerless ? 'yes' : 'no',
    row.isExpired ? 'yes' : 'no',
  ]);
  return stringify([header, ...records], { record_delimiter: 'windows' });
};
