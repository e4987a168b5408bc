import type { Severity } from '../../engine/index';
import { portablePath, rangeOf, type Formatter } from './types';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<check-id>::message`
 * (without col and endColumn when the finding spans several lines).
 */
export const formatGithub: Formatter = ({ files, cwd }) => {
  let output = '';
  for (const file of files) {
    const filePath = portablePath(file.path, cwd);
    for (const finding of file.result.findings) {
      const range = rangeOf(file.lines, finding.span);
      // GitHub rejects columns on an annotation that spans several lines.
      const columns = range.line === range.endLine ? [['col', String(range.column)], ['endColumn', String(range.endColumn)]] : [];
      const properties = [
        ['file', filePath],
        ['line', String(range.line)],
        ...columns.slice(0, 1),
        ['endLine', String(range.endLine)],
        ...columns.slice(1),
        ['title', finding.checkId],
      ].map(([key, value]) => `${key}=${escapeProperty(value)}`);
      output += `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`;
    }
  }
  return output;
};

/** The escaping of @actions/core for a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape the separators of the property list. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
