import type { WorkspaceEdit } from 'vscode-languageserver-protocol';

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
export type ClientCommand = typeof NARROW_PORTS_COMMAND | typeof INSERT_SNIPPET_COMMAND;

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
