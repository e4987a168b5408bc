import * as vscode from 'vscode';
import { SOURCE } from '../../server/src/shared/protocol';

/** A status-bar item with the number of Port Warden findings in the files that have any. */
export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('portwarden.findings', vscode.StatusBarAlignment.Right, 100);
  private readonly counts = new Map<string, number>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = 'Port Warden findings';
    this.item.command = 'workbench.actions.view.problems';
    this.subscription = vscode.languages.onDidChangeDiagnostics((event) => this.update(event.uris));
    this.update(vscode.languages.getDiagnostics().map(([uri]) => uri));
    this.item.show();
  }

  private update(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const count = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE).length;
      if (count > 0) this.counts.set(uri.toString(), count);
      else this.counts.delete(uri.toString());
    }
    let total = 0;
    for (const count of this.counts.values()) total += count;
    this.item.text = `$(shield) ${total}`;
    this.item.tooltip = total === 0
      ? 'Port Warden: no findings'
      : `Port Warden: ${total} finding${total === 1 ? '' : 's'} in ${this.counts.size} file${this.counts.size === 1 ? '' : 's'}. Click to show the Problems view.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
