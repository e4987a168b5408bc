import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { parsePortList } from '../../server/src/engine/model/ports';
import { WORKSPACE_EXCLUDE_GLOB, WORKSPACE_FILES_GLOB } from '../../server/src/shared/formats';
import {
  INSERT_SNIPPET_COMMAND,
  LINT_FILES_REQUEST,
  LINT_WORKSPACE_COMMAND,
  NARROW_PORTS_COMMAND,
  NARROW_PORTS_REQUEST,
  RESTART_SERVER_COMMAND,
  SHOW_OUTPUT_COMMAND,
  type InsertSnippetArgs,
  type LintFilesParams,
  type LintFilesResult,
  type NarrowPortsParams,
  type NarrowPortsResult,
  type NarrowPortsTarget,
} from '../../server/src/shared/protocol';

export function registerCommands(client: LanguageClient, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, () => client.restart()),
    vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, () => lintWorkspace(client)),
    vscode.commands.registerCommand(NARROW_PORTS_COMMAND, (target: NarrowPortsTarget) => narrowPortRange(client, target)),
    vscode.commands.registerCommand(INSERT_SNIPPET_COMMAND, (args: InsertSnippetArgs) => insertSnippet(args)),
  ];
}

async function lintWorkspace(client: LanguageClient): Promise<void> {
  const files = await vscode.workspace.findFiles(WORKSPACE_FILES_GLOB, WORKSPACE_EXCLUDE_GLOB);
  const params: LintFilesParams = { uris: files.map((uri) => uri.toString()) };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Port Warden: linting the workspace' },
    () => client.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, params),
  );
  const skipped = result.skipped.length > 0 ? `; ${result.skipped.length} skipped (see the output)` : '';
  for (const { uri, reason } of result.skipped) client.outputChannel.appendLine(`Skipped ${uri}: ${reason}`);
  void vscode.window.showInformationMessage(`Port Warden: ${result.findings} findings in ${result.files} files not open in the editor${skipped}.`);
}

/** Asks for the ports (validated as typed), then lets the server rewrite them in the rule's own syntax. */
async function narrowPortRange(client: LanguageClient, target: NarrowPortsTarget): Promise<void> {
  const ports = await vscode.window.showInputBox({
    title: 'Narrow port range',
    prompt: target.acceptsList ? 'Ports to keep open: single ports, lists or ranges, e.g. 443 or 80, 8000-8080' : 'Port or range to keep open, e.g. 443 or 8000-8080',
    value: target.currentPorts,
    validateInput: (text) => {
      const ranges = parsePortList(text);
      if (typeof ranges === 'string') return ranges;
      return !target.acceptsList && ranges.length > 1 ? 'This rule holds one port or one range.' : undefined;
    },
  });
  if (ports === undefined) return;
  const params: NarrowPortsParams = { target, ports };
  const result = await client.sendRequest<NarrowPortsResult>(NARROW_PORTS_REQUEST, params);
  if (result.error !== undefined) {
    void vscode.window.showErrorMessage(`Port Warden: ${result.error}`);
    return;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) void vscode.window.showErrorMessage('Port Warden: the document changed; the ports were not rewritten.');
}

async function insertSnippet(args: InsertSnippetArgs): Promise<void> {
  const uri = vscode.Uri.parse(args.uri);
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  if (editor.document.version !== args.version) {
    void vscode.window.showWarningMessage('Port Warden: the document changed; open the quick fixes again.');
    return;
  }
  await editor.insertSnippet(new vscode.SnippetString(args.snippet), new vscode.Range(args.line, args.character, args.endLine, args.endCharacter), { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}
