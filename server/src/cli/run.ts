import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { checks, DEFAULT_SETTINGS, initEngine, type Settings, type SourceFile } from '../engine/index';
import { loadEngineAssets } from '../node/assets';
import { ConfigLoader, isBroken, type LoadedConfig } from '../node/config-loader';
import { HELP_TEXT, parseCliArgs, type CliOptions } from './args';
import { countWarnings, EXIT_CLEAN, EXIT_TROUBLE, exitCodeFor } from './exit-code';
import { Fixer } from './fix/fixer';
import { formatters } from './formatters/index';
import { displayPath, rangeOf, type FileReport, type RunProblem } from './formatters/types';
import { runInventory } from './inventory/command';
import { lintFile, mayHoldFormat, type LintOutcome } from './lint-file';
import { ThreadedLint } from './parallel/lint-on-threads';
import { LintPool } from './parallel/pool';
import { blockingFs } from '../node/file-system';
import { ModuleFiles } from '../node/module-files';
import { readVarFiles } from './var-files';
import { SkipTally } from './skip-tally';
import { writeReportText } from './output';
import { VERSION } from './version';
import { walk, type WalkEntry } from './walk';

/** With --jobs auto, lint threads start once the walk has found this many files: below it, starting them costs more than they save. */
const AUTO_MIN_FILES = 200;
/** With --jobs auto, at most this many threads: beyond it, each thread's start-up and memory eat the gain on a run of a few thousand files. */
const AUTO_MAX_THREADS = 4;
const OTHER_FILE: LintOutcome = { kind: 'skipped', reason: 'other-file' };

/** Everything the CLI takes from its process, so that it can run inside a test as well. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isStdoutTty: boolean;
  /** YYYY-MM-DD from the clock: the engine has none. */
  readonly today: string;
  /** The script a lint thread runs (the CLI's entry); without it every file is linted on the main thread. */
  readonly lintThreadScript?: string;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
}

/** One linted file with the settings it was linted with. */
export interface LintedFile {
  readonly report: FileReport;
  readonly settings: Settings;
}

/** What a command does to each file once it is linted (--fix rewrites it); a problem makes the run exit 2. */
export interface StepResult {
  readonly report: FileReport;
  readonly problem?: string;
}
export type FileStep = (file: LintedFile) => Promise<StepResult>;

/** Every file under the paths, linted; undefined when a --config named on the command line is broken. */
export interface LintedPaths {
  readonly files: readonly LintedFile[];
  readonly problems: readonly RunProblem[];
  /** Unreadable files, broken configurations, internal errors in a check. */
  readonly hasTrouble: boolean;
}

/** Lints the paths exactly as the lint command does (walk, ignores, configuration), for other commands. */
export async function lintPaths(options: CliOptions, io: CliIo): Promise<LintedPaths | undefined> {
  // The inventory needs each file's rules, which stay on the thread that made them.
  const run = new LintRun(options, io, false);
  if (!(await run.lintEverything())) return undefined;
  return run.linted();
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
  if (options.command === 'inventory') return runInventory(options, io);
  return new LintRun(options, io, true).execute();
}

class LintRun {
  private readonly problems: RunProblem[] = [];
  private readonly files: FileReport[] = [];
  private readonly settingsOf = new Map<FileReport, Settings>();
  private readonly reportedConfigs = new Set<string>();
  private readonly loader: ConfigLoader;
  private readonly fixer: Fixer | undefined;
  /** Terraform module files, read once for the whole run: each file is evaluated with its module. */
  private readonly modules: ModuleFiles;
  /** Files passed over, by reason, for --verbose. */
  private readonly skipped = new SkipTally();
  private varFiles: readonly SourceFile[] = [];

  constructor(private readonly options: CliOptions, private readonly io: CliIo, private readonly mayUseThreads: boolean) {
    this.loader = new ConfigLoader(options.config === undefined ? undefined : resolve(io.cwd, options.config));
    this.modules = new ModuleFiles(options.paths.map((path) => resolve(io.cwd, path)), blockingFs);
    this.fixer = options.fix === undefined ? undefined : new Fixer({ mode: options.fix, cwd: io.cwd, today: io.today, say: (line) => this.say(line), modules: this.modules });
  }

  async execute(): Promise<number> {
    if (!(await this.lintEverything())) return EXIT_TROUBLE;
    if (this.fixer) this.say(this.fixer.summary());
    if (!(await this.writeReport())) return EXIT_TROUBLE;
    return this.exitCode();
  }

  /** Lints every path; false when a --config named on the command line is broken, so nothing could be. */
  async lintEverything(): Promise<boolean> {
    if (this.options.config !== undefined) {
      const config = await this.loader.load(resolve(this.io.cwd, this.options.config));
      // A configuration named on the command line governs every file: nothing can be linted without it.
      if (isBroken(config)) {
        this.reportConfig(config);
        return false;
      }
    }
    const varFiles = await readVarFiles(this.options.varFiles ?? [], this.io.cwd);
    // Values from a variable file that cannot be read would be replaced by defaults: nothing is linted.
    if (!varFiles.ok) {
      this.addProblem(varFiles.path, varFiles.message, `cannot read --var-file ${this.show(varFiles.path)}: ${varFiles.message}`);
      return false;
    }
    this.modules.setVarFiles(varFiles.files);
    this.varFiles = varFiles.files;
    await initEngine(loadEngineAssets());
    await this.lintAll();
    if (this.files.length === 0 && this.problems.length === 0) this.say(`no files to lint in ${this.options.paths.join(', ')}`);
    if (this.options.verbose) this.say(this.skipped.summary(this.files.length));
    return true;
  }

  linted(): LintedPaths {
    const files = this.files.map((report) => ({ report, settings: this.settingsOf.get(report) ?? DEFAULT_SETTINGS }));
    return { files, problems: this.problems, hasTrouble: this.hasTrouble() };
  }

  private roots(): string[] {
    return this.options.paths.map((path) => resolve(this.io.cwd, path));
  }

  private walk(): AsyncGenerator<WalkEntry> {
    const configIgnoring = async (path: string, isDirectory: boolean): Promise<string | undefined> => {
      const config = await this.loader.forDirectory(dirname(path));
      return config && !isBroken(config) && config.isIgnored(path, isDirectory) ? config.path : undefined;
    };
    return walk(this.roots(), { useIgnores: this.options.useIgnores, cwd: this.io.cwd, configIgnoring });
  }

  /** How many lint threads the run may start: 0 when it lints on the main thread alone. */
  private threadBudget(): number {
    const script = this.io.lintThreadScript;
    // --fix rewrites files in walk order, each after the fixes of the files before it.
    if (!this.mayUseThreads || script === undefined || this.fixer) return 0;
    const jobs = this.options.jobs === 'auto' ? Math.min(availableParallelism(), AUTO_MAX_THREADS) : this.options.jobs;
    return jobs > 1 ? jobs : 0;
  }

  private async lintAll(): Promise<void> {
    const threads = this.threadBudget();
    if (threads > 0) return this.lintOnThreads(threads);
    // One entry after another, in walk order: the CLI reads with blocking calls (see blockingFs),
    // so reading ahead of the file being linted would gain nothing, and --fix must read a file only
    // after the fixes of the files before it.
    for await (const entry of this.walk()) await this.handle(entry);
  }

  /** Handles a walk entry: reports it, or lints its file (unless its configuration is broken). */
  private async handle(entry: WalkEntry): Promise<void> {
    if (entry.kind === 'unreadable') return this.addProblem(entry.path, entry.message, `cannot read ${this.show(entry.path)}: ${entry.message}`);
    if (entry.kind === 'ignored') return this.say(`${this.show(entry.path)} is ignored by ${this.show(entry.by)}; use --no-ignore to lint it`);
    const path = entry.path;
    return this.lintOne(path, (settings) => lintFile(path, settings, this.io.today, this.modules));
  }

  /** --max-file-size beats the configuration, as every command-line option does. */
  private withOptions(configured: Settings): Settings {
    return this.options.maxFileSize === undefined ? configured : { ...configured, maxFileSize: this.options.maxFileSize };
  }

  /**
   * Lints on threads (see parallel/lint-on-threads.ts); threads start as soon as the run is known
   * to be large enough (or at once with --jobs), so that they load the engine while the walk goes
   * on. Everything after linting (messages, --verbose counts, the report) happens here in walk
   * order, exactly as in a one-thread run.
   */
  private async lintOnThreads(threads: number): Promise<void> {
    const data = { portwardenLintThread: true as const, roots: this.roots(), varFiles: this.varFiles, today: this.io.today };
    const script = this.io.lintThreadScript ?? '';
    const lint = new ThreadedLint({
      // The main thread lints too, once its walk is over.
      startPool: () => new LintPool(script, threads - 1, data),
      threads,
      minFiles: this.options.jobs === 'auto' ? AUTO_MIN_FILES : 0,
      modules: this.modules,
      today: this.io.today,
    });
    try {
      // The module files are searched for while the walk goes on; the threads get them at its end.
      void this.modules.ready();
      const entries: WalkEntry[] = [];
      for await (const entry of this.walk()) {
        const index = entries.push(entry) - 1;
        if (entry.kind !== 'file' || !mayHoldFormat(entry.path)) continue;
        const config = await this.loader.forDirectory(dirname(entry.path));
        // A broken configuration is reported in walk order below, and its files are not linted.
        if (config && isBroken(config)) continue;
        lint.add({ index, path: entry.path, settings: this.withOptions(config?.settings ?? DEFAULT_SETTINGS) });
      }
      const { outcomes, failures } = await lint.finish();
      for (const failure of failures) this.say(`${failure}; its files were linted on the main thread`);
      for (const [index, entry] of entries.entries()) {
        if (entry.kind === 'file') await this.lintOne(entry.path, async () => outcomes.get(index) ?? OTHER_FILE);
        else await this.handle(entry);
      }
    } finally {
      await lint.close();
    }
  }

  /** Lints a file with its settings (unless its configuration is broken) and records the outcome in walk order. */
  private async lintOne(path: string, lint: (settings: Settings) => Promise<LintOutcome>): Promise<void> {
    const configured = await this.settingsFor(path);
    if (!configured) return;
    const settings = this.withOptions(configured);
    const outcome = await lint(settings);
    if (outcome.kind === 'skipped') {
      this.skipped.add(outcome.reason);
      return;
    }
    if (outcome.kind === 'unreadable') {
      this.addProblem(path, outcome.message, `cannot read ${this.show(path)}: ${outcome.message}`);
      return;
    }
    this.noteTroubles(outcome.report);
    let report = outcome.report;
    if (this.fixer) {
      const step = await this.fixer.step({ report, settings });
      if (step.problem !== undefined) this.addProblem(path, step.problem, step.problem);
      report = step.report;
    }
    const findings = this.options.quiet ? report.result.findings.filter((finding) => finding.severity === 'error') : report.result.findings;
    const kept = { ...report, result: { ...report.result, findings } };
    this.files.push(kept);
    this.settingsOf.set(kept, settings);
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
    for (const note of result.notes ?? []) {
      const { line, column } = rangeOf(lines, note.span);
      this.say(`${this.show(path)}:${line}:${column}: ${note.message}`);
    }
    for (const error of result.internalErrors) {
      this.say(`internal error in check ${error.checkId} on ${this.show(path)}: ${error.message}`);
      if (error.stack) this.io.writeStderr(`${error.stack.split('\n').slice(1).join('\n')}\n`);
    }
  }

  private async writeReport(): Promise<boolean> {
    const { format, outputFile } = this.options;
    // The diff is what --fix-dry-run prints; a report of what would be left goes to --output-file only.
    if (this.fixer && this.options.fix === 'dry-run') this.io.writeStdout(this.fixer.patch());
    if (this.options.fix === 'dry-run' && outputFile === undefined) return true;
    const color = format === 'stylish' && outputFile === undefined && this.io.isStdoutTty && !this.io.env.NO_COLOR;
    const text = formatters[format]({ files: this.files, problems: this.problems, cwd: this.io.cwd, color, version: VERSION, checks });
    const error = await writeReportText(text, outputFile === undefined ? undefined : resolve(this.io.cwd, outputFile), this.io);
    if (error !== undefined) this.say(error);
    return error === undefined;
  }

  private exitCode(): number {
    const severities = this.files.flatMap((file) => file.result.findings.map((finding) => finding.severity));
    const { failOn, maxWarnings } = this.options;
    const warnings = countWarnings(severities);
    if (maxWarnings !== undefined && warnings > maxWarnings) this.say(`too many warnings: ${warnings}, and --max-warnings allows ${maxWarnings}`);
    return exitCodeFor({ severities, failOn, maxWarnings, hasTrouble: this.hasTrouble() });
  }

  private hasTrouble(): boolean {
    return this.problems.length > 0 || this.files.some((file) => file.result.internalErrors.length > 0);
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
