import { createColors } from 'picocolors';
import type { Severity } from '../../engine/index';
import { displayPath, rangeOf, type Formatter } from './types';

/**
 * ESLint's default look: findings grouped by file, `line:column  severity  message  check-id` in
 * aligned columns, then a summary line. Prints nothing when there is nothing to report.
 */
export const formatStylish: Formatter = ({ files, cwd, color }) => {
  const c = createColors(color);
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let output = '';
  for (const file of files) {
    if (file.result.findings.length === 0) continue;
    const rows = file.result.findings.map((finding) => {
      counts[finding.severity]++;
      const { line, column } = rangeOf(file.lines, finding.span);
      return { line: String(line), column: String(column), severity: finding.severity, message: finding.message, checkId: finding.checkId };
    });
    const width = (pick: (row: (typeof rows)[number]) => string): number => Math.max(...rows.map((row) => pick(row).length));
    const lineWidth = width((row) => row.line);
    const columnWidth = width((row) => row.column);
    const severityWidth = width((row) => row.severity);
    const messageWidth = width((row) => row.message);
    output += `\n${c.underline(displayPath(file.path, cwd))}\n`;
    for (const row of rows) {
      const position = c.dim(`${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`);
      const severity = paint[row.severity](row.severity.padEnd(severityWidth));
      output += `  ${position}  ${severity}  ${row.message.padEnd(messageWidth)}  ${c.dim(row.checkId)}\n`;
    }
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  const parts = [`${counts.error} ${plural(counts.error, 'error')}`, `${counts.warning} ${plural(counts.warning, 'warning')}`];
  if (counts.info > 0) parts.push(`${counts.info} info`);
  const summary = `✖ ${total} ${plural(total, 'problem')} (${parts.join(', ')})`;
  return `${output}\n${c.bold(counts.error > 0 ? c.red(summary) : c.yellow(summary))}\n`;
};

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
