import { countExposures, describeChanges, describeCounts, type InventoryFormatter } from '../report';
import { COLUMN_TITLES, type ColumnId, type Row } from '../rows';

const INVENTORY_MARKDOWN: readonly ColumnId[] = ['resource', 'location', 'provider', 'direction', 'protocol', 'ports', 'peers', 'reach', 'owner', 'expires', 'findings'];
const CHANGE_MARKDOWN: readonly ColumnId[] = ['change', 'summary', 'resource', 'location', 'reach', 'owner', 'findings'];

/**
 * A heading, a summary and a GitHub-flavoured table: for a pull-request comment or a job summary
 * (`>> $GITHUB_STEP_SUMMARY`). With --since, the internet exposures a change opens come first as
 * sentences ("`aws_security_group.db` opens 3306 (MySQL) to 0.0.0.0/0").
 */
export const formatMarkdown: InventoryFormatter = (report) => {
  const { table, comparison } = report;
  const columns = comparison ? CHANGE_MARKDOWN : INVENTORY_MARKDOWN;
  let output = comparison ? `## Port exposure changes since \`${comparison.since}\`\n\n${describeChanges(comparison.changes)}.\n\n` : `## Port inventory\n\n${describeCounts(countExposures(table.rows))}.\n\n`;
  if (comparison) {
    const opening = table.rows.filter((row) => row.change && row.change.kind !== 'closed' && row.isInternet);
    for (const row of opening) output += `- **This change ${row.cells.summary}** in \`${row.cells.resource}\` (${link(row, report.link(row))})\n`;
    if (opening.length > 0) output += '\n';
  }
  if (table.rows.length === 0) return `${output}Nothing to list.\n`;
  output += `| ${columns.map((column) => COLUMN_TITLES[column]).join(' | ')} |\n|${columns.map(() => '---').join('|')}|\n`;
  for (const row of table.rows) output += `| ${columns.map((column) => cell(row, column, report.link(row))).join(' | ')} |\n`;
  return output;
};

function cell(row: Row, column: ColumnId, href: string): string {
  const value = row.cells[column];
  if (column === 'location') return link(row, href);
  if (column === 'resource') return code(value);
  if (column === 'owner' && row.isOwnerless) return '**none**';
  if (column === 'expires' && row.isExpired) return `**${escape(value)} (expired)**`;
  if (column === 'reach' && row.isInternet) return `**${value}**`;
  return escape(value);
}

function link(row: Row, href: string): string {
  return `[${escape(row.cells.location)}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** A code span that survives backticks and pipes in the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\|/g, '\\|')}${fence}`;
}

/** Table cells must not break the row: pipes escaped, line breaks flattened, markup neutralised. */
function escape(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}
