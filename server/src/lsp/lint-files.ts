import type { LineMap, LintResult } from '../engine/index';
import type { LintFilesParams, LintFilesResult } from '../shared/protocol';
import { lintFromDisk, type DiskLintEnvironment } from './disk-lint';

export interface DiskLintFilesEnvironment extends DiskLintEnvironment {
  isOpen(uri: string): boolean;
  publish(uri: string, lines: LineMap, findings: LintResult['findings']): void;
}

/**
 * "Lint workspace": lints files that are not open, from disk, and publishes their findings.
 * Open documents are skipped: the editor's text is newer than the file.
 */
export async function lintFiles(params: LintFilesParams, env: DiskLintFilesEnvironment): Promise<LintFilesResult> {
  let files = 0;
  let findings = 0;
  const skipped: { uri: string; reason: string }[] = [];
  for (const uri of params.uris) {
    if (env.isOpen(uri)) continue;
    const linted = await lintFromDisk(uri, env);
    if (linted.kind === 'unreadable') skipped.push({ uri, reason: linted.reason });
    // The document may have been opened while the file was read: then the editor's lint wins.
    if (linted.kind !== 'linted' || env.isOpen(uri)) continue;
    files++;
    findings += linted.result.findings.length;
    env.publish(uri, linted.lines, linted.result.findings);
  }
  return { files, findings, skipped };
}
