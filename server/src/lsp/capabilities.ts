import type { InitializeParams } from 'vscode-languageserver/node';
import { INSERT_SNIPPET_COMMAND, NARROW_PORTS_COMMAND, SHOW_EXPOSURES_COMMAND, type ClientCommand } from '../shared/protocol';

/** What the client told us it can do; every optional feature is used only when it is here. */
export interface ClientSupport {
  /** workspace/configuration: settings are pulled per resource; otherwise they come pushed. */
  readonly configurationPull: boolean;
  readonly dynamicConfiguration: boolean;
  readonly dynamicFileWatchers: boolean;
  /** Versioned WorkspaceEdits (documentChanges), so a stale edit is rejected by the client. */
  readonly documentChanges: boolean;
  readonly relatedInformation: boolean;
  readonly codeDescription: boolean;
  readonly markdownHover: boolean;
  /** Client-side commands the client runs for us (an input box, snippet insertion). */
  readonly clientCommands: ReadonlySet<ClientCommand>;
  readonly lintDelayMs: number;
}

const KNOWN_COMMANDS: readonly ClientCommand[] = [NARROW_PORTS_COMMAND, INSERT_SNIPPET_COMMAND, SHOW_EXPOSURES_COMMAND];
export const DEFAULT_LINT_DELAY_MS = 20;
const MAX_LINT_DELAY_MS = 2000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readClientSupport(params: InitializeParams): ClientSupport {
  const { workspace, textDocument } = params.capabilities;
  const options: Record<string, unknown> = isRecord(params.initializationOptions) ? params.initializationOptions : {};
  const commands = Array.isArray(options.clientCommands) ? options.clientCommands : [];
  const delay = options.lintDelayMs;
  return {
    configurationPull: workspace?.configuration === true,
    dynamicConfiguration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicFileWatchers: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    documentChanges: workspace?.workspaceEdit?.documentChanges === true,
    relatedInformation: textDocument?.publishDiagnostics?.relatedInformation === true,
    codeDescription: textDocument?.publishDiagnostics?.codeDescriptionSupport === true,
    markdownHover: textDocument?.hover?.contentFormat?.includes('markdown') === true,
    clientCommands: new Set(KNOWN_COMMANDS.filter((command) => commands.includes(command))),
    lintDelayMs: typeof delay === 'number' && delay >= 0 ? Math.min(delay, MAX_LINT_DELAY_MS) : DEFAULT_LINT_DELAY_MS,
  };
}
