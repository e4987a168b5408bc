import { createColors } from 'picocolors';
import type { Reach } from '../../../engine/index';
import { countExposures, describeChanges, describeCounts, type InventoryFormatter } from '../report';
import { COLUMN_TITLES, type ColumnId, type Row } from '../rows';

/** Long expressions and peer lists would push every other column off the screen. */
const MAX_CELL_WIDTH = 40;

/** A terminal is narrow: the provider is in the address, and a change's summary says its ports and peer. */
const INVENTORY_TABLE: readonly ColumnId[] = ['resource', 'location', 'direction', 'protocol', 'ports', 'peers', 'reach', 'owner', 'expires', 'findings'];
const CHANGE_TABLE: readonly ColumnId[] = ['change', 'resource', 'location', 'summary', 'reach', 'owner', 'findings'];

/** Aligned columns with a header and a summary line, coloured on a terminal. */
export const formatTable: InventoryFormatter = ({ table, comparison, color }) => {
  const c = createColors(color);
  const reachColor: Readonly<Record<Reach, (text: string) => string>> = {
    internet: c.red, external: c.yellow, unknown: c.magenta, trusted: c.green, group: c.cyan, private: c.green,
  };
  const columns = comparison ? CHANGE_TABLE : INVENTORY_TABLE;
  const text = (row: Row, column: ColumnId): string => {
    const value = column === 'owner' && row.isOwnerless ? '(none)' : column === 'expires' && row.isExpired ? `${row.cells.expires} (expired)` : row.cells[column];
    // A change's summary is the sentence the reader came for: it is never cut.
    return value.length > MAX_CELL_WIDTH && column !== 'summary' ? `${value.slice(0, MAX_CELL_WIDTH - 1)}…` : value;
  };
  const paint = (row: Row, column: ColumnId, value: string): string => {
    if (column === 'reach') return reachColor[row.reach](value);
    if (column === 'owner' && row.isOwnerless) return c.yellow(value);
    if (column === 'expires' && row.isExpired) return c.red(value);
    if (column === 'change') return row.cells.change === 'closed' ? c.green(value) : c.red(value);
    if (column === 'location') return c.dim(value);
    return value;
  };
  const widths = columns.map((column) => Math.max(COLUMN_TITLES[column].length, ...table.rows.map((row) => text(row, column).length)));
  const line = (cells: readonly string[], raw: readonly string[]): string =>
    cells.map((cell, index) => (index === cells.length - 1 ? cell : cell + ' '.repeat(widths[index] - raw[index].length))).join('  ').trimEnd();
  const titles = columns.map((column) => COLUMN_TITLES[column]);
  let output = `${c.bold(line(titles, titles))}\n`;
  for (const row of table.rows) {
    const raw = columns.map((column) => text(row, column));
    output += `${line(raw.map((value, index) => paint(row, columns[index], value)), raw)}\n`;
  }
  const summary = comparison ? `Since ${comparison.since}: ${describeChanges(comparison.changes)}` : describeCounts(countExposures(table.rows));
  return `${output}\n${c.bold(summary)}\n`;
};
