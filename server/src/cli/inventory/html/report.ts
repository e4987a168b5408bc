import { CHANGE_KINDS, REACHES, topInternetPorts, type PortCount } from '../../../engine/index';
import { countExposures, describeChanges, describeCounts, type InventoryFormatter, type InventoryReport } from '../report';
import { COLUMN_TITLES, type ColumnId, type Row } from '../rows';
import { SCRIPT, STYLE } from './assets';
import { barChart } from './chart';
import { escapeHtml } from './escape';

/** Bars in the chart: enough to show the pattern, few enough to read. */
const CHART_PORTS = 10;

/** Columns whose data-sort keys are numbers; the others sort as text. */
const NUMERIC: ReadonlySet<ColumnId> = new Set(['ports', 'reach', 'findings', 'change']);

/** The row attributes the filters read, and their labels. */
const FILTERS: readonly { readonly key: 'change' | 'owner' | 'reach' | 'provider'; readonly title: string }[] = [
  { key: 'change', title: 'Change' },
  { key: 'owner', title: 'Owner' },
  { key: 'reach', title: 'Reach' },
  { key: 'provider', title: 'Provider' },
];

/**
 * A self-contained HTML page: summary, a bar chart of the ports most often open to the internet
 * (with --since: that the change opens), filters by owner, port, reach and provider, and a table
 * sortable by every column. Rows without an owner or past their expiry date are highlighted, and
 * each links to its file and line.
 */
export const formatHtml: InventoryFormatter = (report) => {
  const { table, comparison } = report;
  const title = comparison ? `Port exposure changes since ${comparison.since}` : 'Port inventory';
  const summary = comparison ? `${describeChanges(comparison.changes)}.` : `${describeCounts(countExposures(table.rows))}.`;
  const files = new Set(report.exposures.map((exposure) => exposure.path)).size;
  const chartTitle = comparison ? 'Ports this change opens to the internet' : 'Ports most often open to the internet';
  const filters = FILTERS.filter((filter) => filter.key !== 'change' || comparison !== undefined);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Port Warden ${escapeHtml(report.version)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(summary)}</p>
<p class="meta">${files} ${files === 1 ? 'file' : 'files'} · Port Warden ${escapeHtml(report.version)} · ${escapeHtml(report.today)}</p>
</header>
<section>
<h2>${escapeHtml(chartTitle)}</h2>
${barChart(chartTitle, chartCounts(report), comparison ? 'This change opens no port to the internet.' : 'No port is open to the internet.')}
</section>
<section>
<h2>${comparison ? 'Changes' : 'Exposures'}</h2>
<form class="filters" onsubmit="return false">
${filters.map((filter) => selectFor(filter.key, filter.title, table.rows)).join('\n')}
<label>Port<input id="filter-port" type="search" placeholder="22, 8000-8080" autocomplete="off"></label>
<output id="shown" class="shown">${table.rows.length} of ${table.rows.length} shown</output>
</form>
<div class="legend"><span><span class="swatch ownerless"></span>no owner</span><span><span class="swatch expired"></span>past its expiry date</span></div>
<table id="exposures">
<thead><tr>${table.columns.map((column) => `<th scope="col" data-column="${column}" data-type="${NUMERIC.has(column) ? 'number' : 'text'}" aria-sort="none"><button type="button">${escapeHtml(COLUMN_TITLES[column])}</button></th>`).join('')}</tr></thead>
<tbody>
${table.rows.map((row) => rowHtml(row, table.columns, report.link(row))).join('\n')}
</tbody>
</table>
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
};

function chartCounts(report: InventoryReport): PortCount[] {
  if (!report.comparison) return topInternetPorts(report.exposures, CHART_PORTS);
  const counts = new Map<string, number>();
  for (const row of report.table.rows) {
    if (!row.change || row.change.kind === 'closed' || !row.isInternet) continue;
    counts.set(row.change.portsText, (counts.get(row.change.portsText) ?? 0) + 1);
  }
  return [...counts.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, CHART_PORTS);
}

function filterValue(row: Row, key: (typeof FILTERS)[number]['key']): string {
  if (key === 'owner') return row.isOwnerless ? '(none)' : row.cells.owner;
  return row.cells[key];
}

function selectFor(key: (typeof FILTERS)[number]['key'], title: string, rows: readonly Row[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(filterValue(row, key), (counts.get(filterValue(row, key)) ?? 0) + 1);
  const order = (value: string): number => (key === 'reach' ? (REACHES as readonly string[]).indexOf(value) : key === 'change' ? (CHANGE_KINDS as readonly string[]).indexOf(value) : 0);
  const values = [...counts.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const options = values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(value)} (${counts.get(value)})</option>`);
  return `<label>${escapeHtml(title)}<select id="filter-${key}" data-filter="${key}"><option value="">All</option>${options.join('')}</select></label>`;
}

function rowHtml(row: Row, columns: readonly ColumnId[], href: string): string {
  const classes = [row.isOwnerless ? 'ownerless' : '', row.isExpired ? 'expired' : '', row.isInternet ? 'internet' : ''].filter(Boolean).join(' ');
  const attributes = [
    classes ? `class="${classes}"` : '',
    ...FILTERS.map((filter) => `data-${filter.key}="${escapeHtml(filterValue(row, filter.key))}"`),
    `data-ports="${escapeHtml(JSON.stringify(row.ports ?? null))}"`,
    `data-ports-text="${escapeHtml(row.cells.ports)}"`,
  ].filter(Boolean).join(' ');
  return `<tr ${attributes}>${columns.map((column) => cellHtml(row, column, href)).join('')}</tr>`;
}

function cellHtml(row: Row, column: ColumnId, href: string): string {
  const value = row.cells[column];
  const sort = escapeHtml(sortKey(row, column));
  const open = `<td class="col-${column}" data-sort="${sort}">`;
  switch (column) {
    case 'location':
      return `${open}<a href="${escapeHtml(href)}">${escapeHtml(value).replace(/\//g, '/<wbr>')}</a></td>`;
    case 'resource':
      // A long address breaks after its dot (`aws_security_group.` / `web`), not inside a name.
      return `${open}${escapeHtml(value).replace(/\./g, '.<wbr>')}</td>`;
    case 'ports':
      // Known ranges never break at their hyphen; an expression breaks where it must.
      if (row.ports === undefined) return `${open}${escapeHtml(value)}</td>`;
      return `${open}${value.split(', ').map((range) => `<span class="range">${escapeHtml(range)}</span>`).join(', ')}</td>`;
    case 'peers': {
      // A CIDR never breaks at its slash; an unresolved expression breaks where it must.
      const peers = row.change ? [row.cells.peers] : row.exposure.peers.map((peer) => peer.text);
      return `${open}${peers.map((peer) => (row.reach === 'unknown' ? escapeHtml(peer) : `<span class="range">${escapeHtml(peer)}</span>`)).join(', ')}</td>`;
    }
    case 'reach':
      return `${open}<span class="reach reach-${escapeHtml(value)}">${escapeHtml(value)}</span></td>`;
    case 'change':
      return `${open}<span class="change-${escapeHtml(value)}">${escapeHtml(value)}</span></td>`;
    case 'owner':
      return row.isOwnerless ? `${open}<span class="none">none</span></td>` : `${open}${escapeHtml(value)}</td>`;
    case 'expires':
      return row.isExpired ? `${open}<strong class="date">${escapeHtml(value)}</strong> (expired)</td>` : `${open}<span class="date">${escapeHtml(value)}</span></td>`;
    case 'findings': {
      const messages = row.exposure.findings.map((finding) => `${finding.checkId}: ${finding.message}`).join('\n');
      // One unbreakable chip per check: a browser would otherwise break ids at their hyphens.
      const ids = value === '' ? [] : value.split(', ').map((id) => `<span class="check">${escapeHtml(id)}</span>`);
      return `${open}<span title="${escapeHtml(messages)}">${ids.join(', ')}</span></td>`;
    }
    default:
      return `${open}${escapeHtml(value)}</td>`;
  }
}

function sortKey(row: Row, column: ColumnId): string {
  switch (column) {
    case 'location':
      return `${row.file}\u0000${String(row.exposure.line).padStart(7, '0')}`;
    case 'ports':
      // Unresolved ports sort after every number, rules without ports before.
      return String(row.ports === undefined ? 70000 : row.ports.length === 0 ? -1 : row.ports[0][0]);
    case 'reach':
      return String(REACHES.indexOf(row.reach));
    case 'findings':
      return String(row.exposure.findings.length);
    case 'change':
      return String((CHANGE_KINDS as readonly string[]).indexOf(row.cells.change));
    default:
      return row.cells[column].toLowerCase();
  }
}
