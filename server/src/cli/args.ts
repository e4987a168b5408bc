import { parseArgs } from 'node:util';
import type { Severity } from '../engine/index';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
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
}

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
  -v, --version             print the version
  -h, --help                print this help

Exit codes:
  0  no findings at or above --fail-on, and no more warnings than --max-warnings
  1  findings at or above --fail-on, or too many warnings
  2  usage error, unreadable file, invalid configuration, or an internal error in a check
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
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;

  const format = values.format ?? 'stylish';
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
    },
  };
}

function usage(message: string): ParsedArgs {
  return { ok: false, message };
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return (options as readonly string[]).includes(value);
}
