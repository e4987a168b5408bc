import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAME, MAX_CONFIG_LENGTH } from '../engine/index';
import type { ProjectConfig } from './project-config';
import { isFileUri, uriToPath } from './uri';

/** Reads one config file's text into a ProjectConfig (the config module does the parsing). */
export type ParseProjectConfig = (text: string, path: string) => ProjectConfig;

/**
 * Finds the nearest config file at or above a document's folder and parses it, caching per
 * folder until a config file changes (forget()). The CLI's ConfigLoader does the same search but
 * hands out settings already merged over the defaults; the editor needs the file's own keys to
 * lay them over the editor settings.
 */
export class ProjectConfigs {
  private readonly byFolder = new Map<string, Promise<ProjectConfig | undefined>>();

  constructor(private readonly parse: ParseProjectConfig) {}

  readonly find = (uri: string): Promise<ProjectConfig | undefined> => {
    if (!isFileUri(uri)) return Promise.resolve(undefined);
    return this.inFolder(dirname(uriToPath(uri)));
  };

  forget(): void {
    this.byFolder.clear();
  }

  private inFolder(folder: string): Promise<ProjectConfig | undefined> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.lookIn(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private async lookIn(folder: string): Promise<ProjectConfig | undefined> {
    const path = join(folder, CONFIG_FILE_NAME);
    const size = await fileSize(path);
    if (size !== undefined) {
      try {
        // UTF-8 takes at most 4 bytes per UTF-16 unit; the config module checks the exact length.
        if (size > MAX_CONFIG_LENGTH * 4) throw new Error(`it has ${size} bytes, far more than a configuration needs`);
        return this.parse(await readFile(path, 'utf8'), path);
      } catch (error) {
        return brokenConfig(path, error);
      }
    }
    const parent = dirname(folder);
    return parent === folder ? undefined : this.inFolder(parent);
  }
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/** A config file that cannot be read applies nothing and says why, rather than silently using defaults. */
function brokenConfig(path: string, error: unknown): ProjectConfig {
  return {
    path,
    apply: (base) => base,
    ignores: () => false,
    problems: [`${path} cannot be read (${error instanceof Error ? error.message : String(error)}); fix it to apply its settings.`],
  };
}
