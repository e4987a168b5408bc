import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FindProjectConfig, ProjectConfig } from './project-config';
import { isFileUri, uriToPath } from './uri';

export const CONFIG_FILE_NAMES = ['.portwarden.yaml', '.portwarden.yml'];

/** Reads one config file's text into a ProjectConfig (the config module does the parsing). */
export type ParseProjectConfig = (text: string, path: string) => ProjectConfig;

/**
 * Finds the nearest config file above a document and parses it, caching per folder until a
 * config file changes (forget()).
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
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(folder, name);
      if (!(await isFile(path))) continue;
      try {
        return this.parse(await readFile(path, 'utf8'), path);
      } catch (error) {
        return brokenConfig(path, error);
      }
    }
    const parent = dirname(folder);
    return parent === folder ? undefined : this.inFolder(parent);
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
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

export type { FindProjectConfig };
