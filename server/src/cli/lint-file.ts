import { readFile, stat } from 'node:fs/promises';
import { findAdapter, LineMap, lintDocument, type Settings } from '../engine/index';
import { describeFsError } from '../node/fs-errors';
import type { FileReport } from './formatters/types';

/** Infrastructure files are small; a huge file is generated or binary, and reading it costs memory. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type LintOutcome =
  | { readonly kind: 'linted'; readonly report: FileReport }
  /** No adapter recognises the file. */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'unreadable'; readonly message: string };

export async function lintFile(path: string, settings: Settings, today: string): Promise<LintOutcome> {
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
  const result = lintDocument({ text, path, settings, today, format: adapter.id });
  return { kind: 'linted', report: { path, text, lines: new LineMap(text), result } };
}
