import { parseArgs } from 'node:util';
import { MAX_FILE_SIZE_LIMIT, type Severity } from '../engine/index';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const INVENTORY_FORMATS = ['table', 'text', 'csv', 'json', 'markdown', 'html'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];
/** `portwarden inventory …` lists exposures; anything else lints. */
export type Command = 'lint' | 'inventory';
/** --fix writes the preferred fixes into the files; --fix-dry-run prints them as a unified diff. */
export type FixMode = 'write' | 'dry-run';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface CliOptions {
  /** Files and directories to lint, as given; `.` when none is. */
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly outputFile?: string;
  /** The lowest severity that makes the run fail (exit 1). */
  readonly failOn: Severity;
  /** Exit 1 when there are more warnings than this; no limit when undefined. */
  readonly maxWarnings?: number;
  /** Report errors only. */
  readonly quiet: boolean;
  readonly config?: string;
  /** False with --no-ignore: then neither .gitignore files nor the configuration's `ignore` globs apply. */
  readonly useIgnores: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly command: Command;
  /** Lint only. */
  readonly fix: FixMode | undefined;
  /** Inventory only; undefined means a table on a terminal and plain text otherwise. */
  readonly inventoryFormat: InventoryFormat | undefined;
  /** Inventory only: the git revision whose files the inventory is compared with. */
  readonly since: string | undefined;
  /** --var-file: Terraform variable files applied to root modules after terraform.tfvars and *.auto.tfvars; absent when none is given. */
  readonly varFiles?: readonly string[];
  /** --verbose: say on stderr how many files were linted and why the others were skipped; absent when not given. */
  readonly verbose?: boolean;
  /** --max-file-size: bytes above which a file is not linted, over the configuration's maxFileSize; absent when not given. */
  readonly maxFileSize?: number;
  /** --jobs: how many lint threads; `auto` (the default) uses one per CPU, up to 4, on runs large enough to gain. */
  readonly jobs: Jobs;
}

/** A number of lint threads (1: the main thread alone), or `auto`. */
export type Jobs = number | 'auto';
/** More threads than this only add start-up cost and memory. */
export const MAX_JOBS = 64;

export type ParsedArgs = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly message: string };

export const HELP_TEXT = `Usage: portwarden [options] [file|dir ...]

Lints port exposure in infrastructure code. Directories are searched recursively; files that no
format recognises are skipped. With no path, the current directory is linted.

Options:
  -f, --format <name>       stylish (default), json, sarif or github
  -o, --output-file <path>  write the report to a file instead of stdout
      --fail-on <severity>  lowest severity that fails the run: error (default), warning or info
      --max-warnings <n>    also fail when there are more than n warnings
  -q, --quiet               report errors only (warnings and infos are neither shown nor counted)
  -c, --config <path>       use this configuration instead of the nearest .portwarden.yaml
      --no-ignore           lint files that .gitignore or the configuration's ignore globs exclude
      --var-file <path>     Terraform variable values for root modules, after terraform.tfvars
                            and *.auto.tfvars (repeatable; later files win)
      --fix                 apply the preferred fixes to the files, then report what is left
      --fix-dry-run         print the preferred fixes as a unified diff; change nothing
      --verbose             say on stderr how many files were linted and how many were skipped,
                            and why (not recognised, templates, empty, other file types)
      --max-file-size <n>   do not lint files larger than n bytes (default: maxFileSize in
                            .portwarden.yaml, else 1 MiB); each one is named on stderr
  -j, --jobs <n|auto>       lint on n threads; auto (default) uses one per CPU, up to 4, once
                            a run has 200 files or more; 1 lints on the main thread alone.
                            The report is the same whatever n is. --fix lints on one thread
  -v, --version             print the version
  -h, --help                print this help

Exit codes:
  0  no findings at or above --fail-on, and no more warnings than --max-warnings
  1  findings at or above --fail-on, or too many warnings (after --fix: those left)
  2  usage error, unreadable file, invalid configuration, or an internal error in a check

Usage: portwarden inventory [options] [file|dir ...]

Lists every port the files allow: resource, file:line, direction, protocol, ports, sources,
reach (internet, external, unknown, trusted, group, private), owner, expiry and findings.

Options:
  -f, --format <name>       table (default on a terminal), text (default otherwise), csv, json,
                            markdown or html (a self-contained, sortable and filterable report)
      --since <git-ref>     list what changed since that revision instead: exposures opened,
                            widened and closed; the files at the revision are read with git
      --fail-on <severity>  with --since: exit 1 when the change opens an internet exposure
                            with a finding at or above this severity (default error)
  -o, --output-file, -c, --config, --no-ignore, --var-file, --verbose: as above
`;

/** Parses the command line; a usage error comes back as a message, never as a throw. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        config: { type: 'string', short: 'c' },
        'no-ignore': { type: 'boolean' },
        'var-file': { type: 'string', multiple: true },
        fix: { type: 'boolean' },
        verbose: { type: 'boolean' },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'fix-dry-run': { type: 'boolean' },
        since: { type: 'string' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const { values } = parsed;
  const command: Command = parsed.positionals[0] === 'inventory' ? 'inventory' : 'lint';
  const positionals = command === 'inventory' ? parsed.positionals.slice(1) : parsed.positionals;
  const commandOptions = command === 'inventory' ? inventoryOptions(values) : lintOptions(values);
  if (!commandOptions.ok) return commandOptions;

  const format = command === 'inventory' ? 'stylish' : values.format ?? 'stylish';
  if (!isOneOf(format, OUTPUT_FORMATS)) return usage(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${format}".`);
  const failOn = values['fail-on'] ?? 'error';
  if (!isOneOf(failOn, SEVERITIES)) return usage(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}".`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d{1,9}$/.test(values['max-warnings'])) return usage(`--max-warnings must be a whole number, not "${values['max-warnings']}".`);
    maxWarnings = Number(values['max-warnings']);
  }
  for (const [name, value] of [['--output-file', values['output-file']], ['--config', values.config]] as const) {
    if (value === '') return usage(`${name} needs a path.`);
  }
  const varFiles = values['var-file'];
  if (varFiles?.includes('')) return usage('--var-file needs a path.');
  const maxFileSize = values['max-file-size'];
  if (maxFileSize !== undefined && !(/^\d{1,11}$/.test(maxFileSize) && Number(maxFileSize) >= 1 && Number(maxFileSize) <= MAX_FILE_SIZE_LIMIT)) {
    return usage(`--max-file-size must be a number of bytes from 1 to ${MAX_FILE_SIZE_LIMIT}, not "${maxFileSize}".`);
  }
  const jobs = parseJobs(values.jobs);
  if (jobs === undefined) return usage(`--jobs must be auto or a whole number from 1 to ${MAX_JOBS}, not "${values.jobs}".`);

  return {
    ok: true,
    options: {
      paths: positionals.length > 0 ? positionals : ['.'],
      format,
      outputFile: values['output-file'],
      failOn,
      maxWarnings,
      quiet: values.quiet ?? false,
      config: values.config,
      useIgnores: !(values['no-ignore'] ?? false),
      help: values.help ?? false,
      version: values.version ?? false,
      command,
      jobs,
      ...commandOptions.options,
      ...(varFiles ? { varFiles } : {}),
      ...(values.verbose ? { verbose: true } : {}),
      ...(maxFileSize !== undefined ? { maxFileSize: Number(maxFileSize) } : {}),
    },
  };
}

type CommandOptions = Pick<CliOptions, 'fix' | 'inventoryFormat' | 'since'>;
type CommandParse = { readonly ok: true; readonly options: CommandOptions } | { readonly ok: false; readonly message: string };

interface CommandValues {
  readonly format?: string;
  readonly fix?: boolean;
  readonly 'fix-dry-run'?: boolean;
  readonly since?: string;
  readonly quiet?: boolean;
  readonly 'max-warnings'?: string;
  readonly jobs?: string;
}

function lintOptions(values: CommandValues): CommandParse {
  if (values.since !== undefined) return usage('--since compares inventories: portwarden inventory --since <git-ref>.');
  if (values.fix && values['fix-dry-run']) return usage('--fix and --fix-dry-run do not go together: choose one.');
  const fix: FixMode | undefined = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined;
  return { ok: true, options: { fix, inventoryFormat: undefined, since: undefined } };
}

function inventoryOptions(values: CommandValues): CommandParse {
  for (const flag of ['fix', 'fix-dry-run', 'quiet', 'max-warnings'] as const) {
    if (values[flag] !== undefined) return usage(`--${flag} is for linting; portwarden inventory lists exposures.`);
  }
  if (values.jobs !== undefined) return usage('--jobs is for linting; portwarden inventory lints on one thread.');
  const format = values.format;
  if (format !== undefined && !isOneOf(format, INVENTORY_FORMATS)) return usage(`--format must be one of ${INVENTORY_FORMATS.join(', ')} for inventory, not "${format}".`);
  if (values.since === '') return usage('--since needs a git revision, e.g. origin/main.');
  return { ok: true, options: { fix: undefined, inventoryFormat: format, since: values.since } };
}

function parseJobs(value: string | undefined): Jobs | undefined {
  if (value === undefined || value === 'auto') return 'auto';
  if (!/^\d{1,2}$/.test(value)) return undefined;
  const jobs = Number(value);
  return jobs >= 1 && jobs <= MAX_JOBS ? jobs : undefined;
}

function usage(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return (options as readonly string[]).includes(value);
}
