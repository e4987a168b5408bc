import { readFile, stat } from 'node:fs/promises';
import { LineMap, lintDocument, type LintResult, type ModuleContext, type Settings } from '../engine/index';
import type { ResolvedSettings } from './settings';
import { isFileUri, uriToPath } from './uri';

/** Larger files are skipped: they are generated, not written by a person. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface DiskLintEnvironment {
  settings(uri: string): Promise<ResolvedSettings>;
  today(): string;
  /** The files of the file's Terraform module, as open documents are linted with them. */
  moduleContext?(uri: string): Promise<ModuleContext | undefined>;
}

export type DiskLint =
  | { readonly kind: 'linted'; readonly path: string; readonly text: string; readonly lines: LineMap; readonly result: LintResult; readonly settings: Settings }
  /** Not a format Port Warden reads, turned off for its folder, or ignored by the configuration. */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Lints a file that is not open in the editor, from disk, with the settings of its folder. */
export async function lintFromDisk(uri: string, env: DiskLintEnvironment): Promise<DiskLint> {
  if (!isFileUri(uri)) return { kind: 'unreadable', reason: 'not a file' };
  const path = uriToPath(uri);
  try {
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) return { kind: 'unreadable', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    const text = await readFile(path, 'utf8');
    const resolved = await env.settings(uri);
    if (!resolved.enabled || resolved.project?.ignores(path)) return { kind: 'skipped' };
    const module = await env.moduleContext?.(uri);
    const result = lintDocument({ text, path, settings: resolved.settings, today: env.today(), ...(module ? { module } : {}) });
    if (result.format === undefined) return { kind: 'skipped' };
    return { kind: 'linted', path, text, lines: new LineMap(text), result, settings: resolved.settings };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
