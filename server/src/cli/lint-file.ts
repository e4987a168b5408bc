import { findAdapter, isModuleFile, LineMap, lintDocument, MAX_FILE_SIZE_LIMIT, tooLargeMessage, whyNoAdapter, type FormatId, type Settings } from '../engine/index';
import { describeFsError } from '../node/fs-errors';
import type { ModuleFiles } from '../node/module-files';
import { blockingFs } from '../node/file-system';
import type { TextRead } from '../node/read-text';
import { LINTED_EXTENSIONS } from '../shared/formats';
import type { FileReport } from './formatters/types';

/** Why a file was not linted: its name holds no format, it is too large to read, or (from its content) what `whyNoAdapter` says. */
export type SkipReason = 'other-file' | 'too-large' | ReturnType<typeof whyNoAdapter>;

/** Infrastructure files are small; a huge file is generated or binary, and reading it costs memory. */
export const MAX_FILE_BYTES = MAX_FILE_SIZE_LIMIT;

export type LintOutcome =
  | { readonly kind: 'linted'; readonly report: FileReport }
  /** No adapter recognises the file; `reason` says why, for --verbose. */
  | { readonly kind: 'skipped'; readonly reason: SkipReason }
  | { readonly kind: 'unreadable'; readonly message: string };

/** Whether a file's name lets it hold some format; other files are never read. */
export function mayHoldFormat(path: string): boolean {
  const lower = path.toLowerCase();
  return LINTED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** A file as read for linting: its text, or why there is none. */
type FileSource = TextRead | { readonly kind: 'unreadable'; readonly message: string };

/**
 * Reads and lints one file. With `modules`, a Terraform file is evaluated with the other files of
 * its module, its variable files, and the local modules it calls or that call it.
 */
export async function lintFile(path: string, settings: Settings, today: string, modules?: ModuleFiles): Promise<LintOutcome> {
  if (!mayHoldFormat(path)) return { kind: 'skipped', reason: 'other-file' };
  return lintSource(path, await readSource(path, settings.maxFileSize, modules), settings, today, modules);
}

/**
 * Reads a file that may hold a format; the I/O half of `lintFile`. A module file already read by
 * `modules` is not read again.
 */
async function readSource(path: string, maxFileSize: number, modules?: ModuleFiles): Promise<FileSource> {
  if (modules && isModuleFile(path)) {
    await modules.ready();
    const known = modules.onDisk(path);
    if (known) return known.size > maxFileSize ? { kind: 'too-large', size: known.size } : { kind: 'text', ...known };
  }
  try {
    // A command-line run has nothing to do while it waits (see blockingFs).
    return await blockingFs.readText(path, maxFileSize);
  } catch (error) {
    return { kind: 'unreadable', message: describeFsError(error) };
  }
}

/** The CPU half of `lintFile`: lints what `readSource` read. */
async function lintSource(path: string, source: FileSource, settings: Settings, today: string, modules?: ModuleFiles): Promise<LintOutcome> {
  if (source.kind === 'unreadable') return source;
  if (source.kind === 'not-a-file') return { kind: 'unreadable', message: 'it is not a file' };
  if (source.kind === 'too-large') {
    // Only a file that a format claims by its name alone is worth a word; it is not even read.
    const adapter = findAdapter(path, '');
    if (!adapter) return { kind: 'skipped', reason: 'too-large' };
    return { kind: 'linted', report: tooLargeReport(path, adapter.id, source.size, settings.maxFileSize) };
  }
  const { text } = source;
  const adapter = findAdapter(path, text);
  if (!adapter) return { kind: 'skipped', reason: whyNoAdapter(text) };
  const module = modules && isModuleFile(path) ? await modules.contextFor(path) : undefined;
  const result = lintDocument({ text, path, settings, today, format: adapter.id, ...(module ? { module } : {}) });
  return { kind: 'linted', report: { path, text, lines: new LineMap(text), result, ...(module ? { module } : {}) } };
}

/**
 * A file over maxFileSize, unread: its report has no finding and one note, which the run prints on
 * stderr as it prints every note (file:1:1: The file has ...); the run goes on and the exit code
 * does not change.
 */
function tooLargeReport(path: string, format: FormatId, size: number, maxFileSize: number): FileReport {
  const note = { message: tooLargeMessage(size, maxFileSize), span: { start: 0, end: 0 } };
  const result = { format, rules: [], findings: [], suppressedCount: 0, parseErrors: [], internalErrors: [], notes: [note] };
  return { path, text: '', lines: new LineMap(''), result };
}
