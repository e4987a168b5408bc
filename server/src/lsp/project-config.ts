import { CONFIG_FILE_NAME, type Settings } from '../engine/index';

/** The `.portwarden.yaml` that applies to a document, as the language server needs it. */
export interface ProjectConfig {
  /** The file's path, for messages. */
  readonly path: string;
  /** The file's settings layered over `base`. */
  apply(base: Settings): Settings;
  /** Whether the file's `ignorePaths` exclude the document at `documentPath`. */
  ignores(documentPath: string): boolean;
  /** What is wrong with the file, each message naming the file and the fix; empty when it is fine. */
  readonly problems: readonly string[];
}

/** Whether a changed file (from workspace/didChangeWatchedFiles) is a Port Warden config file. */
export function isConfigFileUri(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}
