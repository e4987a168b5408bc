import { dirname, resolve } from 'node:path';
import { buildInventory, DEFAULT_SETTINGS, diffInventories, type Exposure, type ExposureChange, type Settings, type Severity } from '../../engine/index';
import { ConfigLoader, isBroken } from '../../node/config-loader';
import type { CliOptions } from '../args';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE } from '../exit-code';
import { displayPath } from '../formatters/types';
import { ancestorLayers, gitignoreExcluding, type IgnoreLayer } from '../gitignore';
import { writeReportText } from '../output';
import { lintPaths, type CliIo } from '../run';
import { readVarFiles } from '../var-files';
import { VERSION } from '../version';
import { inventoryFormatters } from './formats/index';
import { rowLinker } from './links';
import { changeRows, inventoryRows } from './rows';
import { inventoryAtRevision } from './since';

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * `portwarden inventory`: lints the paths as the lint command does and lists every exposure; with
 * --since, lists what changed since a git revision instead, and fails (exit 1) when the change
 * opens an internet exposure with a finding at or above --fail-on.
 */
export async function runInventory(options: CliOptions, io: CliIo): Promise<number> {
  const say = (line: string) => io.writeStderr(`portwarden: ${line}\n`);
  const linted = await lintPaths(options, io);
  if (!linted) return EXIT_TROUBLE;
  const settingsByPath = new Map(linted.files.map(({ report, settings }) => [report.path, settings]));
  const exposures = linted.files.flatMap(({ report, settings }) =>
    buildInventory({ path: report.path, text: report.text, result: report.result, settings, today: io.today }));

  let comparison: { since: string; changes: ExposureChange[] } | undefined;
  if (options.since !== undefined) {
    // lintPaths has read them already and stopped the run had one been unreadable.
    const varFiles = await readVarFiles(options.varFiles ?? [], io.cwd);
    const before = await inventoryAtRevision({
      varFiles: varFiles.ok ? varFiles.files : [],
      revision: options.since,
      cwd: io.cwd,
      paths: options.paths,
      today: io.today,
      settingsFor: settingsLookup(options, io.cwd),
    });
    if (!before.ok) {
      say(`--since: ${before.message}`);
      return EXIT_TROUBLE;
    }
    const settingsFor = (path: string): Settings => settingsByPath.get(path) ?? DEFAULT_SETTINGS;
    comparison = { since: options.since, changes: diffInventories(before.exposures, exposures, settingsFor) };
  }

  const format = options.inventoryFormat ?? (io.isStdoutTty ? 'table' : 'text');
  const color = format === 'table' && options.outputFile === undefined && io.isStdoutTty && !io.env.NO_COLOR;
  const outputFile = options.outputFile === undefined ? undefined : resolve(io.cwd, options.outputFile);
  const text = inventoryFormatters[format]({
    exposures,
    ...(comparison ? { comparison } : {}),
    table: comparison ? changeRows(comparison.changes, io.cwd) : inventoryRows(exposures, io.cwd),
    cwd: io.cwd,
    version: VERSION,
    today: io.today,
    color,
    link: rowLinker(io.env, io.cwd, outputFile),
  });
  const writeError = await writeReportText(text, outputFile, io);
  if (writeError !== undefined) {
    say(writeError);
    return EXIT_TROUBLE;
  }
  if (linted.hasTrouble) return EXIT_TROUBLE;
  if (!comparison) return EXIT_CLEAN;
  const failing = comparison.changes.filter((change) => opensReportedInternetExposure(change, options.failOn));
  for (const change of failing) say(`this change ${change.summary}: ${describeRule(change.exposure, io.cwd)}`);
  return failing.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** An opened or widened ingress from the whole internet that a check reports at or above `failOn`. */
export function opensReportedInternetExposure(change: ExposureChange, failOn: Severity): boolean {
  return change.kind !== 'closed'
    && change.direction === 'ingress'
    && change.reach === 'internet'
    && change.exposure.findings.some((finding) => RANK[finding.severity] >= RANK[failOn]);
}

function describeRule(exposure: Exposure, cwd: string): string {
  const checks = [...new Set(exposure.findings.map((finding) => finding.checkId))].join(', ');
  return `${exposure.resource} at ${displayPath(exposure.path, cwd)}:${exposure.line} (${checks})`;
}

/**
 * The settings a file at the revision is linted with: those of its place in the work tree, so
 * both sides of the comparison use today's configuration. Undefined for a file the lint command
 * would skip: its configuration is broken, or a `.gitignore` or `ignore` glob excludes it.
 */
function settingsLookup(options: CliOptions, cwd: string): (path: string) => Promise<Settings | undefined> {
  const loader = new ConfigLoader(options.config === undefined ? undefined : resolve(cwd, options.config));
  const layersByDirectory = new Map<string, Promise<IgnoreLayer[]>>();
  const gitignoreLayers = (dir: string): Promise<IgnoreLayer[]> => {
    let layers = layersByDirectory.get(dir);
    if (!layers) {
      // ancestorLayers starts from the parent of what it is given: a name inside `dir` stands in for any file there.
      layers = ancestorLayers(resolve(dir, '.portwarden-any'), cwd).then((found) => found.layers);
      layersByDirectory.set(dir, layers);
    }
    return layers;
  };
  return async (path) => {
    const config = await loader.forDirectory(dirname(path));
    if (config && isBroken(config)) return undefined;
    if (options.useIgnores) {
      if (config?.isIgnored(path, false)) return undefined;
      if (gitignoreExcluding(await gitignoreLayers(dirname(path)), path, false)) return undefined;
    }
    return config?.settings ?? DEFAULT_SETTINGS;
  };
}
