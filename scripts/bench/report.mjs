// Renders the benchmark's results: the figures as Markdown (the generated part of
// docs/benchmarks.md, between two markers, so that the written analysis around it stays) and a
// bar chart as a self-contained SVG drawn here, with no charting library.
import { relative } from 'node:path';

export const BEGIN_MARKER = '<!-- bench:begin (written by `npm run bench`; edit outside these markers) -->';
export const END_MARKER = '<!-- bench:end -->';

export const seconds = (ms) => (ms === undefined ? 'n/a' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const megabytes = (kb) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);

/** The generated Markdown, markers included. */
export function renderMarkdown(results) {
  const lines = [BEGIN_MARKER, ''];
  lines.push(`Measured on ${results.date} on ${results.machine}; Node ${results.node}; median of ${results.runs} runs for Port Warden and the parsers, ${results.peerRuns} for each peer. Peak memory: ${results.memorySource}.`, '');
  lines.push('![Bar chart of the times below, on a logarithmic scale](benchmarks.svg)', '');
  for (const workload of results.workloads) {
    lines.push(`### ${workload.label}`, '', workload.description, '');
    lines.push('| Pass | Whole process | CPU | Work alone | Peak memory | Notes |', '|---|---|---|---|---|---|');
    for (const row of workload.rows) lines.push(`| ${row.label} | ${seconds(row.wallMs)} | ${seconds(row.cpuMs)} | ${row.workMs === undefined ? '' : seconds(row.workMs)} | ${megabytes(row.maxRssKb)} | ${row.note ?? ''} |`);
    lines.push('');
  }
  lines.push('"Whole process" is the wall time from spawning the command to its exit: start-up, reading files, parsing and, for the linters, every check and the JSON report. "CPU" is that process\'s user + system time (all its threads and children), which other load on the machine inflates less than wall time. "Work alone" leaves out process start-up: for a parser, the sum of its parse calls; for the in-process lint, the median of warm runs of the CLI\'s `runCli()` in one process (the first, cold run in the notes).', '');
  lines.push(`### Targets (on the ${results.workloads[0].label.toLowerCase()})`, '', '| Target | Measured | Met |', '|---|---|---|');
  for (const target of results.targets) lines.push(`| ${target.label} | ${target.measured} | ${target.met === undefined ? 'not measured' : target.met ? 'yes' : '**no**'} |`);
  lines.push('');
  for (const line of results.skipped) lines.push(`- ${line}`);
  if (results.skipped.length > 0) lines.push('');
  lines.push(...renderDifferential(results), END_MARKER);
  return lines.join('\n');
}

function renderDifferential(results) {
  const lines = ['### Port and network findings, side by side', ''];
  if (results.differentials.length === 0) return [...lines, 'No peer was run, so there is nothing to compare.', ''];
  lines.push('Our exposure findings (admin-port-exposed, full-range-exposure, public-database) against each peer\'s checks about ports and network exposure, on the files the peer reads. A pair is the same finding when both are in one file and ours lies inside the lines the peer reports (its resource block, object or template resource).', '');
  lines.push('| Peer | Its port findings | Ours (on files it reads) | Found by both (theirs / ours) | Only by us | Only by them |', '|---|---|---|---|---|---|');
  for (const diff of results.differentials) lines.push(`| ${diff.name} | ${diff.theirs} | ${diff.ours} | ${diff.bothThem} / ${diff.bothUs} | ${diff.onlyUs.length} | ${diff.onlyThem.length} |`);
  lines.push('');
  for (const diff of results.differentials) {
    lines.push(`#### ${diff.name}: per check`, '', '| Check | What it looks for | Findings | Also ours | Only by them |', '|---|---|---|---|---|');
    for (const [id, row] of Object.entries(diff.perCheck).sort()) lines.push(`| ${id} | ${diff.describe[id] ?? ''} | ${row.total} | ${row.both} | ${row.onlyThem} |`);
    for (const [id, row] of Object.entries(diff.perOurCheck).sort()) lines.push(`| ${id} (ours) | | ${row.total} | ${row.both} | ${row.onlyUs} only by us |`);
    lines.push('');
    if (diff.onlyThem.length > 0) {
      lines.push(`<details><summary>${diff.onlyThem.length} findings only ${diff.name} reports</summary>`, '');
      for (const finding of diff.onlyThem) lines.push(`- ${finding.checkId} ${relative(results.corpus, finding.path)}:${finding.startLine}-${finding.endLine} ${finding.resource}`);
      lines.push('', '</details>', '');
    }
    if (diff.onlyUs.length > 0) {
      lines.push(`<details><summary>${diff.onlyUs.length} findings only Port Warden reports (against ${diff.name})</summary>`, '');
      for (const finding of diff.onlyUs) lines.push(`- ${finding.checkId} ${relative(results.corpus, finding.path)}:${finding.line} ${finding.message}`);
      lines.push('', '</details>', '');
    }
  }
  return lines;
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const COLORS = { ours: '#2f6fdf', parser: '#8a8f98', peer: '#d9822b' };

/**
 * Horizontal bars of whole-process times, one panel per input, on a logarithmic scale: the peers
 * take hundreds of times longer than the parsers, and a linear axis would flatten the rest.
 */
export function renderSvg(results) {
  const width = 900;
  const labelWidth = 260;
  const barArea = width - labelWidth - 110;
  const rowHeight = 22;
  // The in-process lint has no whole-process time: its bar shows its warm run.
  const shown = (row) => row.wallMs ?? row.workMs;
  const all = results.workloads.flatMap((workload) => workload.rows.map(shown).filter((ms) => ms !== undefined));
  const low = Math.pow(10, Math.floor(Math.log10(Math.max(1, Math.min(...all)))));
  const high = Math.pow(10, Math.ceil(Math.log10(Math.max(...all))));
  const x = (ms) => labelWidth + (Math.log10(ms / low) / Math.log10(high / low)) * barArea;
  const parts = [];
  let y = 40;
  parts.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">Time per pass: whole process, in-process lint warm (log scale, shorter is better)</text>`);
  for (const workload of results.workloads) {
    parts.push(`<text x="10" y="${y + 14}" font-size="13" font-weight="bold">${escapeXml(workload.label)}</text>`);
    y += 22;
    for (const row of workload.rows) {
      const ms = shown(row);
      if (ms === undefined) continue;
      const end = x(Math.max(ms, low));
      parts.push(`<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="12">${escapeXml(row.label)}</text>`);
      parts.push(`<rect x="${labelWidth}" y="${y + 3}" width="${Math.max(1, end - labelWidth).toFixed(1)}" height="${rowHeight - 6}" fill="${COLORS[row.kind]}"/>`);
      parts.push(`<text x="${(end + 6).toFixed(1)}" y="${y + 15}" font-size="12">${escapeXml(seconds(ms))}</text>`);
      y += rowHeight;
    }
    y += 12;
  }
  const axisY = y;
  parts.push(`<line x1="${labelWidth}" y1="${axisY}" x2="${labelWidth + barArea}" y2="${axisY}" stroke="#444"/>`);
  for (let tick = low; tick <= high; tick *= 10) {
    const tx = x(tick).toFixed(1);
    parts.push(`<line x1="${tx}" y1="36" x2="${tx}" y2="${axisY + 4}" stroke="#ddd"/>`);
    parts.push(`<text x="${tx}" y="${axisY + 18}" text-anchor="middle" font-size="11">${tick < 1000 ? `${tick} ms` : `${tick / 1000} s`}</text>`);
  }
  const legendY = axisY + 38;
  const legend = [['Port Warden', COLORS.ours], ['parse only', COLORS.parser], ['peer', COLORS.peer]];
  legend.forEach(([name, color], index) => {
    const lx = labelWidth + index * 150;
    parts.push(`<rect x="${lx}" y="${legendY - 11}" width="14" height="14" fill="${color}"/><text x="${lx + 20}" y="${legendY}" font-size="12">${name}</text>`);
  });
  const height = legendY + 16;
  // Grid lines first so that bars and labels draw over them.
  const grid = parts.filter((part) => part.includes('stroke="#ddd"'));
  const rest = parts.filter((part) => !part.includes('stroke="#ddd"'));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...grid,
    ...rest,
    '</svg>',
    '',
  ].join('\n');
}
