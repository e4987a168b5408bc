import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WORKSPACE_EXCLUDE_GLOB, WORKSPACE_FILES_GLOB } from '../../server/src/shared/formats';
import {
  EXPOSURES_REQUEST,
  EXPOSURES_VIEW,
  GROUP_EXPOSURES_COMMAND,
  REFRESH_EXPOSURES_COMMAND,
  REVEAL_EXPOSURE_COMMAND,
  SHOW_EXPOSURES_COMMAND,
  type ExposureItem,
  type ExposuresParams,
  type ExposuresResult,
  type ShowExposuresArgs,
} from '../../server/src/shared/protocol';
import { describeRule, groupExposures, GROUPINGS, isInternet, type ExposureGroup, type Grouping } from './exposure-groups';

const GROUPING_KEY = 'portwarden.exposures.grouping';
/** Edits come in bursts; the view asks the server again once they settle. */
const REFRESH_DELAY_MS = 1500;

type Node = { readonly kind: 'group'; readonly group: ExposureGroup } | { readonly kind: 'rule'; readonly exposure: ExposureItem; readonly parent: ExposureGroup };

/**
 * The Explorer's "Exposed Ports" view: every allow rule of the workspace, from the server's
 * inventory, grouped by port, owner or file. A click opens the rule. It refreshes after the
 * diagnostics change (a lint happened), and on demand.
 */
export class ExposuresView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private groups: ExposureGroup[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient, private readonly state: vscode.Memento) {
    this.view = vscode.window.createTreeView(EXPOSURES_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      vscode.commands.registerCommand(REFRESH_EXPOSURES_COMMAND, () => this.refresh()),
      vscode.commands.registerCommand(GROUP_EXPOSURES_COMMAND, () => this.chooseGrouping()),
      vscode.commands.registerCommand(REVEAL_EXPOSURE_COMMAND, (exposure: ExposureItem) => reveal(exposure)),
      vscode.commands.registerCommand(SHOW_EXPOSURES_COMMAND, (args: ShowExposuresArgs) => this.show(args)),
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
      this.view.onDidChangeVisibility((event) => event.visible && this.scheduleRefresh()),
    );
    this.updateDescription();
  }

  private get grouping(): Grouping {
    const stored = this.state.get<string>(GROUPING_KEY);
    return GROUPINGS.find((grouping) => grouping === stored) ?? 'port';
  }

  async refresh(): Promise<void> {
    const files = await vscode.workspace.findFiles(WORKSPACE_FILES_GLOB, WORKSPACE_EXCLUDE_GLOB);
    const open = vscode.workspace.textDocuments.filter((document) => document.uri.scheme === 'file' || document.uri.scheme === 'untitled').map((document) => document.uri.toString());
    const params: ExposuresParams = { uris: [...new Set([...open, ...files.map((uri) => uri.toString())])] };
    const result = await this.client.sendRequest<ExposuresResult>(EXPOSURES_REQUEST, params);
    for (const { uri, reason } of result.skipped) this.client.outputChannel.appendLine(`Exposed ports: skipped ${uri}: ${reason}`);
    this.setExposures(result.exposures);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const { group } = node;
      const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${group.exposures.length} ${group.exposures.length === 1 ? 'rule' : 'rules'}${group.internet > 0 ? `, ${group.internet} from the internet` : ''}`;
      item.iconPath = new vscode.ThemeIcon(group.internet > 0 ? 'warning' : 'shield', group.internet > 0 ? new vscode.ThemeColor('list.warningForeground') : undefined);
      item.contextValue = 'group';
      // Ids let reveal() find a node again although every refresh builds new objects.
      item.id = `group:${group.label}`;
      return item;
    }
    const { exposure } = node;
    const item = new vscode.TreeItem(exposure.resource, vscode.TreeItemCollapsibleState.None);
    item.description = `${describeRule(exposure)} · ${exposure.reach}`;
    item.tooltip = tooltip(exposure);
    item.iconPath = new vscode.ThemeIcon(isInternet(exposure) ? 'globe' : 'lock', isInternet(exposure) ? new vscode.ThemeColor('list.errorForeground') : undefined);
    item.command = { title: 'Show rule', command: REVEAL_EXPOSURE_COMMAND, arguments: [exposure] };
    item.contextValue = 'rule';
    item.id = `rule:${node.parent.label}:${exposure.uri}:${exposure.range.start.line}:${exposure.range.start.character}`;
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.exposures.map((exposure) => ({ kind: 'rule', exposure, parent: node.group }));
    return [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'rule' ? { kind: 'group', group: node.parent } : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private setExposures(exposures: readonly ExposureItem[]): void {
    this.groups = groupExposures(exposures, this.grouping, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
    this.view.message = exposures.length === 0 ? 'No port is open in the workspace files Port Warden reads.' : undefined;
    this.changed.fire(undefined);
  }

  private scheduleRefresh(): void {
    if (!this.view.visible) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch((error: unknown) => this.client.outputChannel.appendLine(`Exposed ports: ${String(error)}`)), REFRESH_DELAY_MS);
  }

  private async chooseGrouping(): Promise<void> {
    const labels: Record<Grouping, string> = { port: 'Port', owner: 'Owner', file: 'File' };
    const picked = await vscode.window.showQuickPick(GROUPINGS.map((grouping) => ({ label: labels[grouping], grouping, picked: grouping === this.grouping })), { title: 'Group exposed ports by' });
    if (!picked) return;
    await this.state.update(GROUPING_KEY, picked.grouping);
    this.updateDescription();
    await this.refresh();
  }

  private updateDescription(): void {
    this.view.description = `by ${this.grouping}`;
  }

  /** From a CodeLens: the view, with the resource's first rule selected. */
  private async show(args: ShowExposuresArgs): Promise<void> {
    await this.refresh();
    for (const group of this.groups) {
      const exposure = group.exposures.find((candidate) => candidate.uri === args.uri && candidate.resource === args.resource);
      if (exposure) {
        await this.view.reveal({ kind: 'rule', exposure, parent: group }, { select: true, focus: true, expand: true });
        return;
      }
    }
    await vscode.commands.executeCommand(`${EXPOSURES_VIEW}.focus`);
  }
}

async function reveal(exposure: ExposureItem): Promise<void> {
  const { start, end } = exposure.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(exposure.uri), { selection, preserveFocus: false });
}

function tooltip(exposure: ExposureItem): vscode.MarkdownString {
  const owner = exposure.ownerState === 'named' ? exposure.owner : exposure.ownerState === 'unresolved' ? 'from an expression' : '**none**';
  const expiry = exposure.expires === undefined ? '' : `\n\nExpires: ${exposure.expires}${exposure.isExpired ? ' **(expired)**' : ''}`;
  const findings = exposure.findings.map((finding) => `- \`${finding.checkId}\`: ${finding.message}`).join('\n');
  const text = new vscode.MarkdownString(`**${exposure.resource}** (${exposure.direction})\n\n${describeRule(exposure)} · reach: ${exposure.reach}\n\nOwner: ${owner}${expiry}${findings ? `\n\n${findings}` : ''}`);
  text.supportHtml = false;
  return text;
}
