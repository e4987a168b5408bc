import { readFile, stat } from 'node:fs/promises';
import { findAdapter, isModuleFile, LineMap, lintDocument, type Settings } from '../engine/index';
import { describeFsError } from '../node/fs-errors';
import type { ModuleFiles } from '../node/module-files';
import { LINTED_EXTENSIONS } from '../shared/formats';
import type { FileReport } from './formatters/types';

/** Infrastructure files are small; a huge file is generated or binary, and reading it costs memory. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type LintOutcome =
  | { readonly kind: 'linted'; readonly report: FileReport }
  /** No adapter recognises the file. */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'unreadable'; readonly message: string };

/** Whether a file's name lets it hold some format; other files are never read. */
export function mayHoldFormat(path: string): boolean {
  const lower = path.toLowerCase();
  return LINTED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * Reads and lints one file. With `modules`, a Terraform file is evaluated with the other files of
 * its module, its variable files, and the local modules it calls or that call it.
 */
export async function lintFile(path: string, settings: Settings, today: string, modules?: ModuleFiles): Promise<LintOutcome> {
  if (!mayHoldFormat(path)) return { kind: 'skipped' };
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) {
      // Only a file that a format claims by its name alone is worth a complaint.
      if (!findAdapter(path, '')) return { kind: 'skipped' };
      return { kind: 'unreadable', message: `it has ${size} bytes, more than the ${MAX_FILE_BYTES} a file may have to be linted` };
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { kind: 'unreadable', message: describeFsError(error) };
  }
  const adapter = findAdapter(path, text);
  if (!adapter) return { kind: 'skipped' };
  const module = modules && isModuleFile(path) ? await modules.contextFor(path) : undefined;
  const result = lintDocument({ text, path, settings, today, format: adapter.id, ...(module ? { module } : {}) });
  return { kind: 'linted', report: { path, text, lines: new LineMap(text), result, ...(module ? { module } : {}) } };
}
