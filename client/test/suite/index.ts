import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SOURCE } from '../../../server/src/shared/protocol';

/**
 * Extension tests, run inside a real VS Code by @vscode/test-electron (npm run test:vscode).
 * No mocha: each test is an async function, run in order; the first failure fails the run.
 */
const tests: [string, () => Promise<void>][] = [];
const test = (name: string, body: () => Promise<void>) => tests.push([name, body]);

/** A guard against a run that never gets its event, not a wait. */
const EVENT_TIMEOUT_MS = 30_000;

function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

/** Resolves when the Problems list for `uri` satisfies `matches`, checked on every diagnostics change. */
function diagnosticsWhere(uri: vscode.Uri, matches: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = diagnosticsOf(uri);
      if (!matches(current)) return false;
      resolve(current);
      return true;
    };
    if (check()) return;
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics for ${uri.toString()} never matched; last: ${JSON.stringify(diagnosticsOf(uri).map((d) => d.message))}`));
    }, EVENT_TIMEOUT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && check()) {
        clearTimeout(timer);
        subscription.dispose();
      }
    });
  });
}

function fixture(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, 'main.tf');
}

test('activates on a Terraform file and registers its commands', async () => {
  const document = await vscode.workspace.openTextDocument(fixture());
  await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, 'terraform');
  const extension = vscode.extensions.getExtension('portwarden.portwarden');
  assert.ok(extension, 'the extension is not installed');
  await extension.activate();
  const commands = await vscode.commands.getCommands(true);
  for (const command of ['portwarden.lintWorkspace', 'portwarden.showOutput', 'portwarden.restartServer', 'portwarden.narrowPortRange']) {
    assert.ok(commands.includes(command), `${command} is not registered`);
  }
});

test('shows the findings in the Problems list, on the exact token', async () => {
  const diagnostics = await diagnosticsWhere(fixture(), (current) => current.length > 0);
  const wide = diagnostics.find((diagnostic) => diagnostic.code !== undefined && JSON.stringify(diagnostic.code).includes('full-range-exposure'));
  assert.ok(wide, JSON.stringify(diagnostics));
  assert.equal(wide.message, '65,536 ports (0-65535) are open to 0.0.0.0/0');
  assert.deepEqual([wide.range.start.line, wide.range.start.character, wide.range.end.line, wide.range.end.character], [11, 4, 12, 23]);
  assert.equal(wide.severity, vscode.DiagnosticSeverity.Error);
});

test('applies the preferred quick fix through vscode.commands; the finding goes away', async () => {
  const uri = fixture();
  const [wide] = diagnosticsOf(uri).filter((diagnostic) => diagnostic.message.startsWith('65,536 ports'));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, wide.range, vscode.CodeActionKind.QuickFix.value);
  const preferred = actions.find((action) => action.isPreferred);
  assert.equal(preferred?.title, 'Narrow port range to 8443');
  assert.ok(preferred.edit && (await vscode.workspace.applyEdit(preferred.edit)));
  await diagnosticsWhere(uri, (current) => !current.some((diagnostic) => diagnostic.message.startsWith('65,536 ports')));
  assert.match((await vscode.workspace.openTextDocument(uri)).getText(), /from_port {3}= 8443\n {4}to_port {5}= 8443/);
});

test('restarts the server and lints again', async () => {
  await vscode.commands.executeCommand('portwarden.restartServer');
  await diagnosticsWhere(fixture(), (current) => current.length > 0);
});

export async function run(): Promise<void> {
  for (const [name, body] of tests) {
    try {
      await body();
      console.log(`ok - ${name}`);
    } catch (error) {
      console.error(`not ok - ${name}`);
      throw error;
    }
  }
  console.log(`${tests.length} passed, 0 failed`);
}
