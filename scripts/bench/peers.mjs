// The tools users would pick instead of Port Warden, as the benchmark runs them: where each is
// found, its command line on a folder, and a reader that turns its JSON report into findings
// { tool, checkId, path (absolute), startLine, endLine, resource }, lines counted from 1.
// None of them is a dependency: a peer that is not installed is skipped with a printed line.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';

/** An executable named by an environment variable, on PATH, or in Go's bin folder; undefined when none is. */
export function findExecutable(name, envVariable) {
  const named = process.env[envVariable];
  if (named) return isExecutable(named) ? named : undefined;
  const goBin = process.env.GOBIN ?? join(process.env.GOPATH ?? join(homedir(), 'go'), 'bin');
  const folders = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), goBin];
  return folders.map((folder) => join(folder, name)).find(isExecutable);
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first line a tool prints for its version, for the report. */
export function versionOf(executable, args) {
  try {
    const output = execFileSync(executable, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    return output.split('\n').find((line) => line.trim().length > 0)?.trim() ?? '';
  } catch {
    return 'unknown version';
  }
}

/**
 * Checkov 3.3 crashes on a CloudFormation resource whose Type is not a string (a Rain module,
 * `Type: { Rain::Module: ... }`) and then hangs: such templates are left out of its run, and
 * the report says which.
 */
export function checkovUnreadable(corpus) {
  const found = [];
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ya?ml|json|template)$/i.test(entry.name) && /Rain::Module/.test(readFileSync(path, 'utf8'))) found.push(path);
    }
  };
  visit(corpus);
  return found.sort();
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The peers in the order the report shows them. `output` is a file the run may write its report to. */
export const peers = [
  {
    id: 'checkov',
    name: 'Checkov',
    install: 'pip install checkov (in a virtualenv; put `checkov` on PATH or set CHECKOV)',
    find: () => findExecutable('checkov', 'CHECKOV'),
    versionArgs: ['--version'],
    // The frameworks of the formats both tools read; --skip-download keeps it from calling home.
    args: ({ corpus, skipped }) => [
      '-d', corpus, '--framework', 'terraform', 'cloudformation', 'kubernetes', '--skip-download', '--quiet', '-o', 'json',
      ...skipped.flatMap((path) => ['--skip-path', escapeRegExp(relative(corpus, path))]),
    ],
    read: ({ stdout, corpus }) => readCheckov(stdout, corpus),
  },
  {
    id: 'trivy',
    name: 'Trivy',
    install: 'go install github.com/aquasecurity/trivy/cmd/trivy (with GOEXPERIMENT=jsonv2), or set TRIVY',
    find: () => findExecutable('trivy', 'TRIVY'),
    versionArgs: ['--version'],
    // The checks built into the binary (no download), the scanners of the formats both tools read.
    args: ({ corpus, output, cacheDir }) => [
      'config', '--quiet', '--skip-check-update', '--cache-dir', cacheDir, '--misconfig-scanners', 'terraform,cloudformation,kubernetes',
      '--format', 'json', '--output', output, corpus,
    ],
    read: ({ output, corpus }) => readTrivy(readFileSync(output, 'utf8'), corpus),
  },
  {
    id: 'kube-linter',
    name: 'kube-linter',
    install: 'go install golang.stackrox.io/kube-linter/cmd/kube-linter, or set KUBE_LINTER',
    find: () => findExecutable('kube-linter', 'KUBE_LINTER'),
    versionArgs: ['version'],
    args: ({ corpus }) => ['lint', '--format', 'json', corpus],
    read: ({ stdout, corpus }) => readKubeLinter(stdout, corpus),
  },
];

/** Checkov prints one report per framework (an object when there is one, a list otherwise). */
export function readCheckov(text, corpus) {
  const parsed = JSON.parse(text.slice(text.search(/[[{]/)));
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  return reports.flatMap((report) => (report.results?.failed_checks ?? []).map((failed) => ({
    tool: 'checkov',
    checkId: failed.check_id,
    path: failed.file_abs_path ?? join(corpus, failed.file_path),
    startLine: failed.file_line_range?.[0] ?? 0,
    endLine: failed.file_line_range?.[1] ?? 0,
    resource: failed.resource ?? '',
  })));
}

/**
 * Trivy names the lines of the cause (an attribute, or the block) and, in `Occurrences`, the
 * blocks around it; the finding covers the widest of them that lies in the same file.
 */
export function readTrivy(text, corpus) {
  const report = JSON.parse(text);
  const findings = [];
  for (const result of report.Results ?? []) {
    for (const misconfiguration of result.Misconfigurations ?? []) {
      if (misconfiguration.Status !== 'FAIL') continue;
      const cause = misconfiguration.CauseMetadata ?? {};
      const path = resolveIn(corpus, result.Target);
      let startLine = cause.StartLine ?? 0;
      let endLine = cause.EndLine ?? startLine;
      for (const occurrence of cause.Occurrences ?? []) {
        if (resolveIn(corpus, occurrence.Filename ?? result.Target) !== path || !occurrence.Location) continue;
        startLine = Math.min(startLine || occurrence.Location.StartLine, occurrence.Location.StartLine);
        endLine = Math.max(endLine, occurrence.Location.EndLine);
      }
      findings.push({ tool: 'trivy', checkId: avdId(misconfiguration.AVDID ?? misconfiguration.ID), path, startLine, endLine, resource: cause.Resource ?? '' });
    }
  }
  return findings;
}

/** Trivy's ids in one spelling: AWS-0107 becomes AVD-AWS-0107, KSV009 becomes AVD-KSV-0009. */
function avdId(id) {
  if (id.startsWith('AVD-')) return id;
  const match = /^([A-Z]+)-?(\d+)$/.exec(id);
  return match ? `AVD-${match[1]}-${match[2].padStart(4, '0')}` : id;
}

/** kube-linter names the object, not its lines: its findings cover the whole file. */
export function readKubeLinter(text, corpus) {
  const report = JSON.parse(text);
  return (report.Reports ?? []).map((found) => ({
    tool: 'kube-linter',
    checkId: found.Check,
    path: resolveIn(corpus, found.Object?.Metadata?.FilePath ?? ''),
    startLine: 1,
    endLine: Number.MAX_SAFE_INTEGER,
    resource: `${found.Object?.K8sObject?.GroupVersionKind?.Kind ?? ''}/${found.Object?.K8sObject?.Name ?? ''}`,
  }));
}

function resolveIn(corpus, path) {
  return isAbsolute(path) ? path : resolve(corpus, path);
}
