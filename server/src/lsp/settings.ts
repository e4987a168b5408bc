import { DEFAULT_SETTINGS, mergeSettings as layer, parseCidr, type Settings, type SettingsOverrides, type SeveritySetting } from '../engine/index';
import type { ProjectConfig } from './project-config';

/** The `portwarden.*` editor settings, validated: a value of the wrong type is ignored, never trusted. */
export interface EditorSettings {
  readonly enable: boolean;
  /** Only what the editor says; absent keys keep the defaults. */
  readonly overrides: SettingsOverrides;
}

const SEVERITIES: ReadonlySet<string> = new Set<SeveritySetting>(['error', 'warning', 'info', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf<T>(value: unknown, isItem: (item: unknown) => item is T): T[] | undefined {
  return Array.isArray(value) ? value.filter(isItem) : undefined;
}

const isString = (item: unknown): item is string => typeof item === 'string' && item.length > 0;
const isPort = (item: unknown): item is number => typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 65535;
const isCidr = (item: unknown): item is string => typeof item === 'string' && parseCidr(item) !== undefined;

/** Reads what workspace/configuration returned for the `portwarden` section (null and junk included). */
export function readEditorSettings(raw: unknown): EditorSettings {
  const section = isRecord(raw) ? raw : {};
  const checks: Record<string, SeveritySetting> = {};
  if (isRecord(section.checks)) {
    for (const [id, severity] of Object.entries(section.checks)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) checks[id] = severity as SeveritySetting;
    }
  }
  const maxPortRange = section.maxPortRange;
  const overrides: SettingsOverrides = {
    checks,
    maxPortRange: typeof maxPortRange === 'number' && Number.isInteger(maxPortRange) && maxPortRange >= 1 ? maxPortRange : undefined,
    trustedCidrs: listOf(section.trustedCidrs, isCidr),
    publicPorts: listOf(section.publicPorts, isPort),
    ownerKeys: listOf(section.ownerKeys, isString),
  };
  return { enable: section.enable !== false, overrides };
}

/**
 * Editor settings over the defaults, then the project's `.portwarden.yaml` over both: the file is
 * what the team and the CLI share, so with one present the editor reports what CI reports.
 */
export function resolveSettings(editor: EditorSettings, project: ProjectConfig | undefined): Settings {
  const fromEditor = layer(DEFAULT_SETTINGS, editor.overrides);
  return project ? project.apply(fromEditor) : fromEditor;
}

export interface ResolvedSettings {
  readonly enabled: boolean;
  readonly settings: Settings;
  /** The `.portwarden.yaml` that applies, if any. */
  readonly project?: ProjectConfig;
}

export interface SettingsSources {
  /** The `portwarden` section for one resource (workspace/configuration), or what the client pushed. */
  editor(uri: string): Promise<unknown>;
  /** The nearest `.portwarden.yaml` above the document, if any. */
  project(uri: string): Promise<ProjectConfig | undefined>;
}

/**
 * Settings per document, asked once and cached until the editor settings or a config file
 * change. Held by the server instance, never in a module-level global.
 */
export class DocumentSettings {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();

  constructor(private readonly sources: SettingsSources) {}

  get(uri: string): Promise<ResolvedSettings> {
    let resolved = this.cache.get(uri);
    if (!resolved) {
      resolved = this.resolve(uri);
      this.cache.set(uri, resolved);
    }
    return resolved;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private async resolve(uri: string): Promise<ResolvedSettings> {
    // A source that fails (the client refused, the file vanished) counts as absent: linting goes on with defaults.
    const [raw, project] = await Promise.all([
      this.sources.editor(uri).catch((): undefined => undefined),
      this.sources.project(uri).catch((): undefined => undefined),
    ]);
    const editor = readEditorSettings(raw);
    return { enabled: editor.enable, settings: resolveSettings(editor, project), project };
  }
}
