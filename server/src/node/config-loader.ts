import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_SETTINGS, MAX_CONFIG_LENGTH, settingsFromConfig, type ConfigError, type Settings } from '../engine/index';
import { createConfigIgnore, type PathFilter } from './config-ignore';
import { describeFsError } from './fs-errors';

export interface LoadedConfig {
  /** Absolute path of the configuration file. */
  readonly path: string;
  /** The defaults with every valid key of the file laid over them. */
  readonly settings: Settings;
  /** Problems in the file with their place; empty when it is valid. */
  readonly errors: readonly ConfigError[];
  /** Why the file could not be read at all. */
  readonly readError?: string;
  /** Whether the file's `ignore` globs exclude a path. */
  readonly isIgnored: PathFilter;
}

export function isBroken(config: LoadedConfig): boolean {
  return config.readError !== undefined || config.errors.length > 0;
}

/**
 * Finds and reads `.portwarden.yaml` files. The nearest one in a file's directory or above applies to
 * it (they do not cascade); `--config` replaces the search. Results are cached per directory and per
 * file until clear().
 */
export class ConfigLoader {
  private readonly nearest = new Map<string, Promise<LoadedConfig | undefined>>();
  private readonly files = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly explicitPath?: string) {}

  /** The configuration for files in `dir`, or undefined when there is none (then the defaults apply). */
  forDirectory(dir: string): Promise<LoadedConfig | undefined> {
    if (this.explicitPath !== undefined) return this.load(this.explicitPath);
    const key = resolve(dir);
    let found = this.nearest.get(key);
    if (!found) {
      found = this.search(key);
      this.nearest.set(key, found);
    }
    return found;
  }

  /** Reads one configuration file (cached). Never rejects: read failures come back in `readError`. */
  load(path: string): Promise<LoadedConfig> {
    const key = resolve(path);
    let loaded = this.files.get(key);
    if (!loaded) {
      loaded = readConfig(key);
      this.files.set(key, loaded);
    }
    return loaded;
  }

  /** Forgets everything, e.g. after a configuration file changed. */
  clear(): void {
    this.nearest.clear();
    this.files.clear();
  }

  private async search(dir: string): Promise<LoadedConfig | undefined> {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (await isPresent(candidate)) return this.load(candidate);
    const parent = dirname(dir);
    return parent === dir ? undefined : this.forDirectory(parent);
  }
}

async function isPresent(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Any other failure (permission denied...) means something is there: load() will report it.
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

async function readConfig(path: string): Promise<LoadedConfig> {
  const failed = (readError: string): LoadedConfig => ({ path, settings: DEFAULT_SETTINGS, errors: [], readError, isIgnored: () => false });
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return failed('it is not a file');
    // UTF-8 takes at most 4 bytes per UTF-16 unit; the exact limit is checked on the text.
    if (info.size > MAX_CONFIG_LENGTH * 4) return failed(`it has ${info.size} bytes, far more than a configuration needs`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    return failed(describeFsError(error));
  }
  const { settings, errors } = settingsFromConfig(text);
  return { path, settings, errors, isIgnored: createConfigIgnore(dirname(path), settings.ignorePaths) };
}
