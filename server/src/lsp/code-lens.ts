import type { CodeLens } from 'vscode-languageserver/node';
import { namePort, summarizeResources, type Settings } from '../engine/index';
import { SHOW_EXPOSURES_COMMAND, type ShowExposuresArgs } from '../shared/protocol';
import type { ClientSupport } from './capabilities';
import { toRange } from './diagnostics';
import type { LintSnapshot } from './documents';
import { snapshotExposures } from './exposures';

/** More ports than this make a lens that runs off the screen; the rest are counted. */
const MAX_PORTS_SHOWN = 5;

/**
 * A lens over each resource that allows something: what it opens to the internet ("Open to the
 * internet: 22 (SSH), 443"), or that it opens nothing to it. Clicking it shows the resource in the
 * Exposed Ports view, in a client that runs that command; elsewhere it is a plain line of text.
 */
export function codeLenses(snapshot: LintSnapshot, today: string, support: ClientSupport): CodeLens[] {
  return summarizeResources(snapshotExposures(snapshot, today)).map((summary) => {
    const title = lensTitle(summary.internetPorts, summary.rules, summary.findings, snapshot.settings);
    const args: ShowExposuresArgs = { uri: snapshot.uri, resource: summary.resource };
    const command = support.clientCommands.has(SHOW_EXPOSURES_COMMAND)
      ? { title, command: SHOW_EXPOSURES_COMMAND, arguments: [args] }
      // An empty command id is a lens that shows its title and does nothing when clicked.
      : { title, command: '' };
    const header = toRange(snapshot.lines, summary.header);
    return { range: { start: header.start, end: header.start }, command };
  });
}

export function lensTitle(internetPorts: readonly string[], rules: number, findings: number, settings: Settings): string {
  const ruleCount = `${rules} ${rules === 1 ? 'rule' : 'rules'}`;
  const findingCount = findings > 0 ? ` · ${findings} ${findings === 1 ? 'finding' : 'findings'}` : '';
  if (internetPorts.length === 0) return `Not open to the internet · ${ruleCount}${findingCount}`;
  const named = internetPorts.slice(0, MAX_PORTS_SHOWN).map((label) => {
    const name = /^\d+$/.test(label) ? namePort(settings, Number(label)) : undefined;
    return name ? `${label} (${name})` : label;
  });
  const more = internetPorts.length > MAX_PORTS_SHOWN ? ` and ${internetPorts.length - MAX_PORTS_SHOWN} more` : '';
  return `Open to the internet: ${named.join(', ')}${more} · ${ruleCount}${findingCount}`;
}
