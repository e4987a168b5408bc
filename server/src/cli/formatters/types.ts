import { isAbsolute, relative, sep } from 'node:path';
import type { Check, LineMap, LintResult, ModuleContext, Span } from '../../engine/index';

/** One linted file as the formatters see it. */
export interface FileReport {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  readonly lines: LineMap;
  /** With --quiet, holds the errors only. */
  readonly result: LintResult;
  /** The module files the file was linted with (Terraform), for linting it again the same way. */
  readonly module?: ModuleContext;
}

/** Something that went wrong outside any one file's findings: an unreadable file, a broken configuration. */
export interface RunProblem {
  readonly path: string;
  readonly message: string;
}

export interface FormatInput {
  readonly files: readonly FileReport[];
  readonly problems: readonly RunProblem[];
  /** Paths are shown relative to this directory when they are inside it. */
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
  /** The checks that could run, for SARIF's rule list. */
  readonly checks: readonly Check[];
}

export type Formatter = (input: FormatInput) => string;

/** A range counted from 1, `endColumn` exclusive, as editors, the CLI and SARIF show it. */
export interface Range1 {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function rangeOf(lines: LineMap, span: Span): Range1 {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Relative to `cwd` when inside it (with the platform's separators), else absolute. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return path;
  return rel;
}

/** displayPath with forward slashes, for GitHub annotations and SARIF URIs. */
export function portablePath(path: string, cwd: string): string {
  return displayPath(path, cwd).split(sep).join('/');
}
