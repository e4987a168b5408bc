// The workspace the editor opens (a copy of examples/ plus a generated 5,000-line file) and the
// oracle the Problems panel is compared with: the project's own CLI (dist/cli.js) run on the same
// files, with the same configuration. The README promises that the editor reports what CI reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, ROOT, WORKSPACE } from './env.mjs';

export const LARGE_FILE = 'large/large.tf';
export const LARGE_FILE_LINES = 5000;

/** Copies examples/ into the workspace and writes LARGE_FILE. */
export function prepareWorkspace() {
  fs.rmSync(WORKSPACE, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'examples'), WORKSPACE, { recursive: true });
  fs.mkdirSync(path.join(WORKSPACE, path.dirname(LARGE_FILE)), { recursive: true });
  fs.writeFileSync(path.join(WORKSPACE, LARGE_FILE), largeTerraformFile(LARGE_FILE_LINES));
}

/**
 * Every bad Terraform example, repeated with renamed resources (`web` -> `web_0`, `web_1`, ...) as
 * often as whole copies fit, then padded with comment lines to exactly `lines` lines: no block is cut.
 */
function largeTerraformFile(lines) {
  const folder = path.join(ROOT, 'examples', 'terraform', 'bad');
  const base = fs.readdirSync(folder).filter((name) => name.endsWith('.tf')).sort()
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8').trimEnd()).join('\n\n');
  const out = [];
  for (let copy = 0; ; copy++) {
    const part = base.replace(/^(resource|data)\s+"(\w+)"\s+"([\w-]+)"/gm, (_, kind, type, name) => `${kind} "${type}" "${name}_${copy}"`).split('\n');
    if (out.length + part.length + 1 > lines) break;
    out.push(...part, '');
  }
  while (out.length < lines) out.push(`# padding to ${lines} lines`);
  return `${out.join('\n')}\n`;
}

export const ws = (relPath) => path.join(WORKSPACE, relPath);
export const readWs = (relPath) => fs.readFileSync(ws(relPath), 'utf8');

/**
 * The CLI's findings for one workspace file, as `{ severity, line, column, checkId, message, preferredFix }`.
 * `config` replaces the nearest .portwarden.yaml (the CLI has no editor settings; a setting is
 * mirrored by writing it into such a file).
 */
export function cliFindings(relPath, { config } = {}) {
  const args = [CLI, '--format', 'json', ...(config ? ['--config', config] : []), ws(relPath)];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if ((run.status !== 0 && run.status !== 1) || !run.stdout.trim()) throw new Error(`portwarden ${args.slice(1).join(' ')} exited ${run.status}: ${run.stderr}`);
  const [report] = JSON.parse(run.stdout);
  if (!report) throw new Error(`the CLI does not lint ${relPath} (no format recognises it)`);
  return report.findings.map((finding) => ({
    severity: finding.severity,
    line: finding.line,
    column: finding.column,
    checkId: finding.checkId,
    message: finding.message,
    preferredFix: finding.fixes.some((fix) => fix.preferred),
  }));
}

/**
 * The file of examples/<folder>/ with the most findings by the CLI (ties: the first by path),
 * relative to the workspace; throws when the folder is missing or nothing in it has findings.
 */
export function richestExample(folder, what) {
  const dir = ws(folder);
  if (!fs.existsSync(dir)) throw new Error(`examples/${folder}/ does not exist: the ${what} adapter and its examples have not landed`);
  const run = spawnSync(process.execPath, [CLI, '--format', 'json', dir], { encoding: 'utf8' });
  if ((run.status !== 0 && run.status !== 1) || !run.stdout.trim()) throw new Error(`portwarden ${dir} exited ${run.status}: ${run.stderr}`);
  const reports = JSON.parse(run.stdout)
    .filter((report) => report.findings.length > 0)
    .sort((a, b) => b.findings.length - a.findings.length || a.filePath.localeCompare(b.filePath));
  if (reports.length === 0) throw new Error(`the CLI reports no findings in any file of examples/${folder}/ (does it recognise ${what} files yet?)`);
  return path.relative(WORKSPACE, reports[0].filePath);
}

/** A finding as one comparable line: `error 9:5 full-range-exposure 65,536 ports ...`. */
export const findingKey = (finding) => `${finding.severity} ${finding.line}:${finding.column} ${finding.checkId} ${finding.message}`;
