import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';

/**
 * Names and payloads the extension client and the language server share beyond standard LSP.
 * Both sides import this file, so a renamed command cannot drift apart.
 */

/** The diagnostic source, and the suffix of the fix-all code action kind. */
export const SOURCE = 'portwarden';
export const FIX_ALL_KIND = 'source.fixAll.portwarden';

/** Client command run by the "Narrow port range…" code action; it asks for ports, then sends NARROW_PORTS_REQUEST. */
export const NARROW_PORTS_COMMAND = 'portwarden.narrowPortRange';
/** Client command that inserts a snippet (the "Ignore with reason" comment with a tab stop on the reason). */
export const INSERT_SNIPPET_COMMAND = 'portwarden.insertSnippet';
export const LINT_WORKSPACE_COMMAND = 'portwarden.lintWorkspace';
export const SHOW_OUTPUT_COMMAND = 'portwarden.showOutput';
export const RESTART_SERVER_COMMAND = 'portwarden.restartServer';

/** The client commands a client may say it runs, in `initializationOptions.clientCommands`. */
export type ClientCommand = typeof NARROW_PORTS_COMMAND | typeof INSERT_SNIPPET_COMMAND | typeof SHOW_EXPOSURES_COMMAND;

export interface InitializationOptions {
  /** Client-side commands the server may put in code actions; other clients get plain edits only. */
  readonly clientCommands?: readonly ClientCommand[];
  /** Milliseconds to wait after a change before linting (default 20). */
  readonly lintDelayMs?: number;
}

/** The argument of NARROW_PORTS_COMMAND, passed back in NARROW_PORTS_REQUEST. */
export interface NarrowPortsTarget {
  readonly uri: string;
  readonly version: number;
  /** The rule's start offset in that version: rules are found again by where they are. */
  readonly ruleStart: number;
  /** The rule's ports as they are now, e.g. "0-65535", shown as the input box's value. */
  readonly currentPorts: string;
  /** Whether the rule's syntax can hold several ranges (`ports = [...]`) or just one (`from_port`/`to_port`). */
  readonly acceptsList: boolean;
}

export const NARROW_PORTS_REQUEST = 'portwarden/narrowPorts';

export interface NarrowPortsParams {
  readonly target: NarrowPortsTarget;
  /** What the user typed, e.g. "443, 8000-8080"; the server validates it again. */
  readonly ports: string;
}

/** The edit to apply, or why there is none (the document changed, the value is an expression...). */
export type NarrowPortsResult =
  | { readonly edit: WorkspaceEdit; readonly error?: undefined }
  | { readonly edit?: undefined; readonly error: string };

/** The argument of INSERT_SNIPPET_COMMAND. */
export interface InsertSnippetArgs {
  readonly uri: string;
  readonly version: number;
  /** The range the snippet replaces (empty for an insertion), counted from 0 as LSP counts. */
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  /** TextMate snippet syntax: `${1:reason}` is the first tab stop. */
  readonly snippet: string;
}

export const LINT_FILES_REQUEST = 'portwarden/lintFiles';

export interface LintFilesParams {
  /** File URIs to lint from disk; open documents are linted from the editor instead. */
  readonly uris: readonly string[];
}

export interface LintFilesResult {
  readonly files: number;
  readonly findings: number;
  /** Files that could not be read or were too large, with the reason. */
  readonly skipped: readonly { readonly uri: string; readonly reason: string }[];
}

/** The Explorer's "Exposed Ports" view asks for the exposures of these files (see EXPOSURES_REQUEST). */
export const EXPOSURES_REQUEST = 'portwarden/exposures';
/** Client command a CodeLens runs: shows the resource in the Exposed Ports view. */
export const SHOW_EXPOSURES_COMMAND = 'portwarden.showExposures';

export interface ExposuresParams {
  /** File URIs to list; open documents are read from the editor, the others from disk. */
  readonly uris: readonly string[];
}

/** One allow rule, as the view shows it; built by the engine's inventory, as `portwarden inventory` lists it. */
export interface ExposureItem {
  readonly uri: string;
  /** The rule, counted from 0 as LSP counts. */
  readonly range: Range;
  readonly resource: string;
  readonly provider: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: string;
  /** `22`, `80, 443`, `0-65535`, or the expression when unresolved; empty without ports. */
  readonly ports: string;
  /** One label per range (`22`, `udp 53`), for grouping by port. */
  readonly portLabels: readonly string[];
  readonly peers: readonly string[];
  /** internet, external, unknown, trusted, group or private. */
  readonly reach: string;
  readonly owner?: string;
  readonly ownerState: 'named' | 'unresolved' | 'missing';
  readonly expires?: string;
  readonly isExpired: boolean;
  readonly findings: readonly { readonly checkId: string; readonly severity: 'error' | 'warning' | 'info'; readonly message: string }[];
}

export interface ExposuresResult {
  readonly exposures: readonly ExposureItem[];
  /** Files that could not be read or were too large, with the reason. */
  readonly skipped: readonly { readonly uri: string; readonly reason: string }[];
}

/** The argument of SHOW_EXPOSURES_COMMAND. */
export interface ShowExposuresArgs {
  readonly uri: string;
  readonly resource: string;
}

/** The Exposed Ports view in the Explorer, and the commands on its title bar and items. */
export const EXPOSURES_VIEW = 'portwarden.exposures';
export const REFRESH_EXPOSURES_COMMAND = 'portwarden.exposures.refresh';
export const GROUP_EXPOSURES_COMMAND = 'portwarden.exposures.groupBy';
/** Run by a click on a rule in the view: opens the file with the rule selected. */
export const REVEAL_EXPOSURE_COMMAND = 'portwarden.exposures.reveal';
