/*
 * The report's own style and behaviour, inlined so that the HTML file works alone: opened from
 * disk, attached to a CI run, or mailed, with no network and nothing else beside it.
 */

export const STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; --accent: #0969da;
  --internet: #cf222e; --ownerless: #fff8c5; --expired: #ffebe9; --bar: #cf222e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: var(--fg); margin: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 20px 0 8px; }
.meta, .empty-chart, .shown { color: var(--muted); }
.summary { font-size: 15px; margin: 4px 0; }
.chart rect { fill: var(--bar); }
.chart text { font-size: 12px; fill: var(--fg); font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.chart .count { fill: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: end; margin: 16px 0 8px; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
.filters select, .filters input { font: inherit; color: var(--fg); padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; min-width: 150px; background: #fff; }
.legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); margin: 4px 0 10px; }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--line); vertical-align: -2px; margin-right: 4px; }
.swatch.ownerless { background: var(--ownerless); } .swatch.expired { background: var(--expired); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); position: sticky; top: 0; white-space: nowrap; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: 10px; }
th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: 10px; }
td.col-resource, td.col-location, td.col-ports, td.col-peers { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
td.col-reach, td.col-change { white-space: nowrap; }
/* Unresolved expressions (lookup(var.rules[...])) may be long and have few break points. */
td.col-protocol, td.col-ports, td.col-peers { max-width: 18em; overflow-wrap: anywhere; }
td.col-location { min-width: 16em; max-width: 24em; overflow-wrap: anywhere; }
.check, .date, .range { white-space: nowrap; overflow-wrap: normal; }
td a { color: var(--accent); text-decoration: none; } td a:hover { text-decoration: underline; }
tr.ownerless td { background: var(--ownerless); }
tr.expired td { background: var(--expired); }
.reach { display: inline-block; padding: 0 6px; border-radius: 10px; border: 1px solid var(--line); font-size: 12px; }
.reach-internet { background: var(--internet); border-color: var(--internet); color: #fff; font-weight: 600; }
.reach-external { border-color: #bf8700; color: #7d4e00; }
.change-opened, .change-widened { color: var(--internet); font-weight: 600; }
.change-closed { color: #1a7f37; font-weight: 600; }
.none { color: var(--muted); font-style: italic; }
tr[hidden] { display: none; }
`;

/**
 * Sorting: a click on a column header sorts by it (again: the other way), by the cells'
 * data-sort keys, numerically where the column says so. Filtering: every select narrows the rows
 * to its value; the port box keeps rows whose ports include a port or overlap a range (`22`,
 * `8000-8080`), or whose ports text contains what was typed (`var.`).
 */
export const SCRIPT = `
(function () {
  var table = document.getElementById('exposures');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var portBox = document.getElementById('filter-port');
  var shown = document.getElementById('shown');

  function parseQuery(text) {
    var match = /^\\s*(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?\\s*$/.exec(text);
    if (!match) return null;
    var from = Number(match[1]);
    return [from, match[2] === undefined ? from : Number(match[2])];
  }

  function portsMatch(row, text) {
    if (text.trim() === '') return true;
    var query = parseQuery(text);
    var ranges = JSON.parse(row.getAttribute('data-ports') || 'null');
    if (query && ranges) {
      return ranges.some(function (range) { return range[0] <= query[1] && query[0] <= range[1]; });
    }
    return (row.getAttribute('data-ports-text') || '').toLowerCase().indexOf(text.trim().toLowerCase()) !== -1;
  }

  function applyFilters() {
    var count = 0;
    rows.forEach(function (row) {
      var visible = selects.every(function (select) {
        return select.value === '' || row.getAttribute('data-' + select.getAttribute('data-filter')) === select.value;
      }) && portsMatch(row, portBox ? portBox.value : '');
      row.hidden = !visible;
      if (visible) count++;
    });
    if (shown) shown.textContent = count + ' of ' + rows.length + ' shown';
  }

  function sortBy(header) {
    var index = header.cellIndex;
    var numeric = header.getAttribute('data-type') === 'number';
    var direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.setAttribute('aria-sort', 'none'); });
    header.setAttribute('aria-sort', direction);
    var sign = direction === 'ascending' ? 1 : -1;
    var keyed = rows.map(function (row, position) {
      var key = row.cells[index].getAttribute('data-sort');
      return { row: row, position: position, key: numeric ? Number(key) : key };
    });
    keyed.sort(function (a, b) {
      if (a.key < b.key) return -sign;
      if (a.key > b.key) return sign;
      return a.position - b.position;
    });
    var sorted = document.createDocumentFragment();
    keyed.forEach(function (item) { sorted.appendChild(item.row); });
    body.appendChild(sorted);
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
    var button = header.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(header); });
  });
  selects.forEach(function (select) { select.addEventListener('change', applyFilters); });
  if (portBox) portBox.addEventListener('input', applyFilters);
  applyFilters();
})();
`;
