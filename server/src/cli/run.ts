import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checks, DEFAULT_SETTINGS, initEngine, type Settings } from '../engine/index';
import { loadEngineAssets } from '../node/assets';
import { ConfigLoader, isBroken, type LoadedConfig } from '../node/config-loader';
import { describeFsError } from '../node/fs-errors';
import { HELP_TEXT, parseCliArgs, type CliOptions } from './args';
import { countWarnings, EXIT_CLEAN, EXIT_TROUBLE, exitCodeFor } from './exit-code';
import { formatters } from './formatters/index';
import { displayPath, rangeOf, type FileReport, type RunProblem } from './formatters/types';
import { lintFile } from './lint-file';
import { VERSION } from './version';
import { walk } from './walk';

/** Everything the CLI takes from its process, so that it can run inside a test as well. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isStdoutTty: boolean;
  /** YYYY-MM-DD from the clock: the engine has none. */
  readonly today: string;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
}

/** Runs one command line and returns the exit code. Reports go to stdout (or --output-file), notes to stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.writeStderr(`portwarden: ${parsed.message}\nRun "portwarden --help" for usage.\n`);
    return EXIT_TROUBLE;
  }
  const options = parsed.options;
  if (options.help) {
    io.writeStdout(HELP_TEXT);
    return EXIT_CLEAN;
  }
  if (options.version) {
    io.writeStdout(`${VERSION}\n`);
    return EXIT_CLEAN;
  }
  return new LintRun(options, io).execute();
}

class LintRun {
  private readonly problems: RunProblem[] = [];
  private readonly files: FileReport[] = [];
  private readonly reportedConfigs = new Set<string>();
  private readonly loader: ConfigLoader;

  constructor(private readonly options: CliOptions, private readonly io: CliIo) {
    this.loader = new ConfigLoader(options.config === undefined ? undefined : resolve(io.cwd, options.config));
  }

  async execute(): Promise<number> {
    if (this.options.config !== undefined) {
      const config = await this.loader.load(resolve(this.io.cwd, this.options.config));
      // A configuration named on the command line governs every file: nothing can be linted without it.
      if (isBroken(config)) {
        this.reportConfig(config);
        return EXIT_TROUBLE;
      }
    }
    await initEngine(loadEngineAssets());
    await this.lintAll();
    if (this.files.length === 0 && this.problems.length === 0) this.say(`no files to lint in ${this.options.paths.join(', ')}`);
    if (!(await this.writeReport())) return EXIT_TROUBLE;
    return this.exitCode();
  }

  private async lintAll(): Promise<void> {
    const roots = this.options.paths.map((path) => resolve(this.io.cwd, path));
    const configIgnoring = async (path: string, isDirectory: boolean): Promise<string | undefined> => {
      const config = await this.loader.forDirectory(dirname(path));
      return config && !isBroken(config) && config.isIgnored(path, isDirectory) ? config.path : undefined;
    };
    for await (const entry of walk(roots, { useIgnores: this.options.useIgnores, cwd: this.io.cwd, configIgnoring })) {
      if (entry.kind === 'unreadable') {
        this.addProblem(entry.path, entry.message, `cannot read ${this.show(entry.path)}: ${entry.message}`);
      } else if (entry.kind === 'ignored') {
        this.say(`${this.show(entry.path)} is ignored by ${this.show(entry.by)}; use --no-ignore to lint it`);
      } else {
        await this.lintOne(entry.path);
      }
    }
  }

  private async lintOne(path: string): Promise<void> {
    const settings = await this.settingsFor(path);
    if (!settings) return;
    const outcome = await lintFile(path, settings, this.io.today);
    if (outcome.kind === 'skipped') return;
    if (outcome.kind === 'unreadable') {
      this.addProblem(path, outcome.message, `cannot read ${this.show(path)}: ${outcome.message}`);
      return;
    }
    const report = outcome.report;
    this.noteTroubles(report);
    const findings = this.options.quiet ? report.result.findings.filter((finding) => finding.severity === 'error') : report.result.findings;
    this.files.push({ ...report, result: { ...report.result, findings } });
  }

  /** The settings for a file, or undefined when its configuration is broken (reported once). */
  private async settingsFor(path: string): Promise<Settings | undefined> {
    const config = await this.loader.forDirectory(dirname(path));
    if (!config) return DEFAULT_SETTINGS;
    if (!isBroken(config)) return config.settings;
    if (!this.reportedConfigs.has(config.path)) {
      this.reportedConfigs.add(config.path);
      this.reportConfig(config);
      this.say(`the files ${this.show(config.path)} applies to were not linted`);
    }
    return undefined;
  }

  private reportConfig(config: LoadedConfig): void {
    if (config.readError !== undefined) {
      this.addProblem(config.path, config.readError, `cannot read ${this.show(config.path)}: ${config.readError}`);
    }
    for (const error of config.errors) {
      this.addProblem(config.path, `${error.line}:${error.column}: ${error.message}`, `${this.show(config.path)}:${error.line}:${error.column}: ${error.message}`);
    }
  }

  private noteTroubles({ path, lines, result }: FileReport): void {
    const [first, ...rest] = result.parseErrors;
    if (first) {
      const { line, column } = rangeOf(lines, first.span);
      const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
      this.say(`${this.show(path)}:${line}:${column}: ${first.message}${more}; blocks with syntax errors were not checked`);
    }
    for (const error of result.internalErrors) {
      this.say(`internal error in check ${error.checkId} on ${this.show(path)}: ${error.message}`);
      if (error.stack) this.io.writeStderr(`${error.stack.split('\n').slice(1).join('\n')}\n`);
    }
  }

  private async writeReport(): Promise<boolean> {
    const { format, outputFile } = this.options;
    const color = format === 'stylish' && outputFile === undefined && this.io.isStdoutTty && !this.io.env.NO_COLOR;
    const text = formatters[format]({ files: this.files, problems: this.problems, cwd: this.io.cwd, color, version: VERSION, checks });
    if (outputFile === undefined) {
      this.io.writeStdout(text);
      return true;
    }
    const target = resolve(this.io.cwd, outputFile);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
      return true;
    } catch (error) {
      this.say(`cannot write ${this.show(target)}: ${describeFsError(error)}`);
      return false;
    }
  }

  private exitCode(): number {
    const severities = this.files.flatMap((file) => file.result.findings.map((finding) => finding.severity));
    const { failOn, maxWarnings } = this.options;
    const warnings = countWarnings(severities);
    if (maxWarnings !== undefined && warnings > maxWarnings) this.say(`too many warnings: ${warnings}, and --max-warnings allows ${maxWarnings}`);
    const hasTrouble = this.problems.length > 0 || this.files.some((file) => file.result.internalErrors.length > 0);
    return exitCodeFor({ severities, failOn, maxWarnings, hasTrouble });
  }

  private addProblem(path: string, message: string, line: string): void {
    this.problems.push({ path, message });
    this.say(line);
  }

  private say(line: string): void {
    this.io.writeStderr(`portwarden: ${line}\n`);
  }

  private show(path: string): string {
    return displayPath(path, this.io.cwd);
  }
}
