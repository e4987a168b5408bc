import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { fixDocument, LineMap, type AppliedFix } from '../../engine/index';
import { describeFsError } from '../../node/fs-errors';
import type { ModuleFiles } from '../../node/module-files';
import type { FixMode } from '../args';
import { displayPath, portablePath } from '../formatters/types';
import { lintFile } from '../lint-file';
import type { FileStep, LintedFile, StepResult } from '../run';
import { writeFileAtomically } from './atomic-write';

export interface FixerEnvironment {
  readonly mode: FixMode;
  readonly cwd: string;
  readonly today: string;
  /** A note for stderr: what was fixed, what was left alone and why. */
  say(line: string): void;
  /** The Terraform module files the run lints with, so that a fixed file is linted again the same way. */
  readonly modules?: ModuleFiles;
}

/**
 * `--fix` and `--fix-dry-run`: applies each file's preferred fixes as the editor's "Fix all" does
 * (non-overlapping, linted again, at most 10 passes). A file with syntax errors is left alone, and
 * so is a file the fixes would break. With --fix the file is written atomically and linted again
 * from disk; with --fix-dry-run nothing is written and the changes are kept as a unified diff.
 */
export class Fixer {
  private readonly patches: string[] = [];
  private fixedFiles = 0;
  private fixedProblems = 0;

  constructor(private readonly env: FixerEnvironment) {}

  readonly step: FileStep = (file) => this.fix(file);

  /** The unified diff of every change (--fix-dry-run), paths relative to the working directory as `git apply` expects. */
  patch(): string {
    return this.patches.join('');
  }

  /** "fixed 3 problems in 2 files", or what would be fixed. */
  summary(): string {
    const problems = `${this.fixedProblems} ${this.fixedProblems === 1 ? 'problem' : 'problems'}`;
    const files = `${this.fixedFiles} ${this.fixedFiles === 1 ? 'file' : 'files'}`;
    return this.env.mode === 'write' ? `fixed ${problems} in ${files}` : `--fix-dry-run: would fix ${problems} in ${files}; nothing was written`;
  }

  private async fix({ report, settings }: LintedFile): Promise<StepResult> {
    const { path, text, result } = report;
    const shown = displayPath(path, this.env.cwd);
    if (result.format === undefined) return { report };
    const outcome = fixDocument({ text, path, settings, today: this.env.today, format: result.format, ...(report.module ? { module: report.module } : {}) });
    if (outcome.passes === 0) return { report };
    if (result.parseErrors.length > 0) {
      this.env.say(`${shown}: not fixed, because it has syntax errors; fix them first`);
      return { report };
    }
    if (outcome.result.parseErrors.length > 0 || outcome.result.internalErrors.length > 0) {
      return { report, problem: `${shown}: not fixed: the fixes would leave a syntax error (a bug in Port Warden; please report it)` };
    }
    this.fixedFiles++;
    this.fixedProblems += outcome.applied.length;
    const verb = this.env.mode === 'write' ? 'fixed' : 'would fix';
    for (const applied of outcome.applied) this.env.say(`${verb} ${shown}:${line(applied)} ${applied.checkId}: ${applied.title}`);
    if (this.env.mode === 'dry-run') {
      const name = portablePath(path, this.env.cwd);
      this.patches.push(createTwoFilesPatch(`a/${name}`, `b/${name}`, text, outcome.text, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }));
      return { report: { ...report, text: outcome.text, lines: new LineMap(outcome.text), result: outcome.result } };
    }
    try {
      await writeFileAtomically(path, outcome.text);
    } catch (error) {
      return { report, problem: `cannot write ${shown}: ${describeFsError(error)}` };
    }
    await this.env.modules?.refresh(path);
    const relinted = await lintFile(path, settings, this.env.today, this.env.modules);
    if (relinted.kind !== 'linted') return { report, problem: `${shown} was fixed but cannot be read again` };
    return { report: relinted.report };
  }
}

/** Line and column of the finding, counted from 1, in the text its pass started from. */
function line(applied: AppliedFix): string {
  return `${applied.position.line + 1}:${applied.position.character + 1}`;
}

