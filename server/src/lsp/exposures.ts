import { buildInventory, LineMap, portLabels, type Exposure, type LintResult, type Settings } from '../engine/index';
import type { ExposureItem, ExposuresParams, ExposuresResult } from '../shared/protocol';
import { lintFromDisk, type DiskLintEnvironment } from './disk-lint';
import { toRange } from './diagnostics';
import type { LintSnapshot } from './documents';
import { uriToPath } from './uri';

export interface ExposuresEnvironment extends DiskLintEnvironment {
  /** The lint of an open document's current version; undefined when it is not open. */
  current(uri: string): Promise<LintSnapshot | undefined>;
}

/** The inventory of a document as the engine builds it for `portwarden inventory`. */
export function snapshotExposures(snapshot: LintSnapshot, today: string): Exposure[] {
  return inventoryOf(uriToPath(snapshot.uri), snapshot.text, snapshot.result, snapshot.settings, today);
}

/**
 * The Exposed Ports view's request: every allow rule of the given files, open documents as the
 * editor has them and the others from disk.
 */
export async function listExposures(params: ExposuresParams, env: ExposuresEnvironment): Promise<ExposuresResult> {
  const exposures: ExposureItem[] = [];
  const skipped: { uri: string; reason: string }[] = [];
  const today = env.today();
  for (const uri of new Set(params.uris)) {
    const snapshot = await env.current(uri);
    if (snapshot) {
      exposures.push(...snapshotExposures(snapshot, today).map((exposure) => toItem(uri, snapshot.lines, exposure)));
      continue;
    }
    const linted = await lintFromDisk(uri, env);
    if (linted.kind === 'unreadable') skipped.push({ uri, reason: linted.reason });
    if (linted.kind !== 'linted') continue;
    const found = inventoryOf(linted.path, linted.text, linted.result, linted.settings, today);
    exposures.push(...found.map((exposure) => toItem(uri, linted.lines, exposure)));
  }
  return { exposures, skipped };
}

function inventoryOf(path: string, text: string, result: LintResult, settings: Settings, today: string): Exposure[] {
  return buildInventory({ path, text, result, settings, today });
}

function toItem(uri: string, lines: LineMap, exposure: Exposure): ExposureItem {
  return {
    uri,
    range: toRange(lines, exposure.span),
    resource: exposure.resource,
    provider: exposure.provider,
    direction: exposure.direction,
    protocol: exposure.protocol,
    ports: exposure.portsText,
    portLabels: portLabels(exposure),
    peers: exposure.peers.map((peer) => peer.text),
    reach: exposure.reach,
    ...(exposure.owner === undefined ? {} : { owner: exposure.owner }),
    ownerState: exposure.ownerState,
    ...(exposure.expires === undefined ? {} : { expires: exposure.expires }),
    isExpired: exposure.isExpired,
    findings: exposure.findings.map(({ checkId, severity, message }) => ({ checkId, severity, message })),
  };
}
