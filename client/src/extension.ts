import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVED_LANGUAGE_IDS } from '../../server/src/shared/formats';
import { INSERT_SNIPPET_COMMAND, NARROW_PORTS_COMMAND, SHOW_EXPOSURES_COMMAND, type InitializationOptions } from '../../server/src/shared/protocol';
import { registerCommands } from './commands';
import { ExposuresView } from './exposures-view';
import { FindingsStatus } from './status-bar';

let client: LanguageClient | undefined;

/** Starts the bundled server (dist/server.js) over IPC; the client adds commands and a status item, no linting. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Port Warden');
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = { clientCommands: [NARROW_PORTS_COMMAND, INSERT_SNIPPET_COMMAND, SHOW_EXPOSURES_COMMAND] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_LANGUAGE_IDS.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    outputChannel: output,
    initializationOptions,
  };
  const started = new LanguageClient('portwarden', 'Port Warden', serverOptions, clientOptions);
  client = started;
  context.subscriptions.push(output, new FindingsStatus(), ...registerCommands(started, output));
  await started.start();
  // The view asks the server for exposures, so it comes once the server runs.
  context.subscriptions.push(new ExposuresView(started, context.workspaceState));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
