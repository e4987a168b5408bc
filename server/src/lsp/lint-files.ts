import { readFile, stat } from 'node:fs/promises';
import { LineMap, lintDocument, type LintResult } from '../engine/index';
import type { LintFilesParams, LintFilesResult } from '../shared/protocol';
import type { ResolvedSettings } from './settings';
import { isFileUri, uriToPath } from './uri';

/** Larger files are skipped: they are generated, not written by a person. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface DiskLintEnvironment {
  isOpen(uri: string): boolean;
  settings(uri: string): Promise<ResolvedSettings>;
  today(): string;
  publish(uri: string, lines: LineMap, findings: LintResult['findings']): void;
}

/**
 * "Lint workspace": lints files that are not open, from disk, and publishes their findings.
 * Open documents are skipped: the editor's text is newer than the file.
 */
export async function lintFiles(params: LintFilesParams, env: DiskLintEnvironment): Promise<LintFilesResult> {
  let files = 0;
  let findings = 0;
  const skipped: { uri: string; reason: string }[] = [];
  for (const uri of params.uris) {
    if (env.isOpen(uri)) continue;
    if (!isFileUri(uri)) {
      skipped.push({ uri, reason: 'not a file' });
      continue;
    }
    const path = uriToPath(uri);
    try {
      const { size } = await stat(path);
      if (size > MAX_FILE_BYTES) {
        skipped.push({ uri, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` });
        continue;
      }
      const text = await readFile(path, 'utf8');
      const resolved = await env.settings(uri);
      if (!resolved.enabled || resolved.project?.ignores(path)) continue;
      const result = lintDocument({ text, path, settings: resolved.settings, today: env.today() });
      if (result.format === undefined || env.isOpen(uri)) continue;
      files++;
      findings += result.findings.length;
      env.publish(uri, new LineMap(text), result.findings);
    } catch (error) {
      skipped.push({ uri, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { files, findings, skipped };
}
