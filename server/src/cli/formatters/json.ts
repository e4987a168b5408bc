import type { Severity } from '../../engine/index';
import { rangeOf, type FileReport, type Formatter } from './types';

/*
 * `--format json` prints one JSON array (on one line) with an entry per linted file, files with no
 * findings included. These types are the documented shape. Lines and columns count from 1;
 * `endColumn` is exclusive; columns count UTF-16 code units, as editors and LSP do.
 */

export interface JsonFileResult {
  /** Absolute path of the file. */
  readonly filePath: string;
  /** Sorted by position, then check id. With --quiet, errors only. */
  readonly findings: readonly JsonFinding[];
  /** Syntax errors: blocks they touch were not checked. They are not findings and do not fail the run. */
  readonly parseErrors: readonly JsonParseError[];
  /**
   * Why part of the file was not checked although its syntax is fine: a value no port or address
   * can be (65536, a /33 prefix), a module cycle, a file over maxFileSize. Not findings; no exit code.
   */
  readonly notes: readonly JsonParseError[];
  /** A check that threw on this file; the other checks still ran. Any of these makes the exit code 2. */
  readonly internalErrors: readonly JsonInternalError[];
}

export interface JsonRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface JsonFinding extends JsonRange {
  /** e.g. "full-range-exposure"; see docs/checks/<checkId>.md. */
  readonly checkId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fixes: readonly JsonFix[];
}

export interface JsonFix {
  /** Imperative, e.g. "Narrow port range to 443". */
  readonly title: string;
  /** At most one fix per finding is preferred: the one safe to apply without review. */
  readonly preferred: boolean;
  /** Non-overlapping replacements in the original text. */
  readonly edits: readonly JsonEdit[];
}

export interface JsonEdit extends JsonRange {
  /** The same range as offsets into the file's text, in UTF-16 code units: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface JsonParseError extends JsonRange {
  readonly message: string;
}

export interface JsonInternalError {
  readonly checkId: string;
  readonly message: string;
}

export function toJsonResult(file: FileReport): JsonFileResult {
  const { lines, result } = file;
  return {
    filePath: file.path,
    findings: result.findings.map((finding) => ({
      checkId: finding.checkId,
      severity: finding.severity,
      message: finding.message,
      ...rangeOf(lines, finding.span),
      fixes: finding.fixes.map((fix) => ({
        title: fix.title,
        preferred: fix.preferred === true,
        edits: fix.edits.map((edit) => ({ ...rangeOf(lines, edit.span), start: edit.span.start, end: edit.span.end, newText: edit.newText })),
      })),
    })),
    parseErrors: result.parseErrors.map((error) => ({ message: error.message, ...rangeOf(lines, error.span) })),
    notes: (result.notes ?? []).map((note) => ({ message: note.message, ...rangeOf(lines, note.span) })),
    internalErrors: result.internalErrors.map((error) => ({ checkId: error.checkId, message: error.message })),
  };
}

export const formatJson: Formatter = ({ files }) => `${JSON.stringify(files.map(toJsonResult))}\n`;
