import { isModuleFile, type Settings } from '../../engine/index';
import type { ModuleFiles } from '../../node/module-files';
import { lintFile, type LintOutcome } from '../lint-file';
import { planModuleUnits, UNREAD_FILE_BYTES } from './plan';
import type { LintPool } from './pool';
import type { LintTask } from './protocol';

/** A file of the walk to lint, with its place in walk order and the settings it is linted with. */
export interface ThreadedFile {
  readonly index: number;
  readonly path: string;
  readonly settings: Settings;
}

export interface ThreadedOutcomes {
  /** An outcome per file index. */
  readonly outcomes: ReadonlyMap<number, LintOutcome>;
  /** A line per lint thread that stopped early (its files were linted on the main thread instead). */
  readonly failures: readonly string[];
}

export interface ThreadedLintOptions {
  /** Starts the threads. */
  readonly startPool: () => LintPool;
  /** Threads that lint, the main thread included (it lints once its walk is over); module files are planned for this many. */
  readonly threads: number;
  /** Start the threads once this many files are known (0: at once); a smaller run lints on the main thread. */
  readonly minFiles: number;
  readonly modules: ModuleFiles;
  readonly today: string;
}

/** Files that need no module context go out in units of this many as the walk finds them. */
const LOOSE_UNIT_FILES = 6;

/**
 * Lints files on threads while the walk goes on. Files other than Terraform module files need no
 * other file, so they are handed out in small units as soon as the threads run. Module files wait
 * for the walk's end and the module files read for the run: then each module and the modules joined
 * to it make one unit (see plan.ts), and every thread, this one included, claims the units left,
 * largest first (see LintPool.share for which kind each thread claims first). Whatever a failed thread left undone is linted here, so the outcomes are always
 * those of a one-thread run.
 */
export class ThreadedLint {
  private pool: LintPool | undefined;
  private readonly files: ThreadedFile[] = [];
  private loose: LintTask[] = [];

  constructor(private readonly options: ThreadedLintOptions) {
    if (options.minFiles === 0) this.pool = options.startPool();
  }

  add(file: ThreadedFile): void {
    this.files.push(file);
    if (!this.pool && this.files.length >= this.options.minFiles) {
      this.pool = this.options.startPool();
      for (const earlier of this.files.slice(0, -1)) this.handOut(earlier);
    }
    if (this.pool) this.handOut(file);
  }

  /** Call once the walk is over. */
  async finish(): Promise<ThreadedOutcomes> {
    const { modules, today, threads } = this.options;
    const pool = this.pool;
    if (!pool) return { outcomes: await lintHere(this.files, modules, today), failures: [] };
    // The last few other files are shared with the module units below, in a list of their own.
    const rest = this.loose.length > 0 ? [this.loose] : [];
    await modules.ready();
    const seed = modules.seedData();
    pool.seed(seed);
    const sizes = new Map(seed.flatMap(({ files }) => files.map((file) => [file.path, file.size] as const)));
    const moduleFiles = this.files.filter((file) => isModuleFile(file.path));
    const tasks = new Map(moduleFiles.map((file) => [file.index, file]));
    const otherBytes = (this.files.length - moduleFiles.length) * UNREAD_FILE_BYTES;
    const planned = planModuleUnits(moduleFiles.map(({ index, path }) => ({ index, path, size: sizes.get(path) ?? UNREAD_FILE_BYTES })), seed, threads, otherBytes);
    pool.share(planned.map((unit) => unit.flatMap(({ index }) => tasks.get(index) ?? [])), rest);
    // The main thread is one of the threads once its walk is over: it adds no second start-up
    // (loading, compiling, warming up) to the run.
    const [mine, result] = await Promise.all([this.lintClaimed(pool), pool.drain()]);
    const outcomes = new Map([...result.outcomes, ...mine]);
    const unfinished = [...result.unfinished].sort((a, b) => a.index - b.index);
    for (const [index, outcome] of await lintHere(unfinished, modules, today)) outcomes.set(index, outcome);
    return { outcomes, failures: result.failures };
  }

  private async lintClaimed(pool: LintPool): Promise<Map<number, LintOutcome>> {
    const outcomes = new Map<number, LintOutcome>();
    for (let unit = pool.claim(); unit; unit = pool.claim()) {
      for (const [index, outcome] of await lintHere(unit, this.options.modules, this.options.today)) outcomes.set(index, outcome);
      // Module files are in memory, so the awaits above never reach the event loop: let the other
      // threads' outcomes in between units rather than all at the end.
      await new Promise((next) => setImmediate(next));
    }
    return outcomes;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  private handOut(file: ThreadedFile): void {
    if (isModuleFile(file.path)) return;
    this.loose.push(file);
    if (this.loose.length < LOOSE_UNIT_FILES) return;
    this.pool?.submit([this.loose]);
    this.loose = [];
  }
}

async function lintHere(files: readonly ThreadedFile[], modules: ModuleFiles, today: string): Promise<Map<number, LintOutcome>> {
  const outcomes = new Map<number, LintOutcome>();
  for (const { index, path, settings } of files) {
    outcomes.set(index, await lintFile(path, settings, today, modules));
  }
  return outcomes;
}
