import { pathToFileURL } from 'node:url';
import { isModuleFile, LineMap, type ModuleContext } from '../engine/index';
import { ModuleFiles } from '../node/module-files';
import { isFileUri, uriToPath } from './uri';

/** Where a related location in another file is, as a diagnostic needs it. */
export type Locate = (path: string) => { readonly uri: string; readonly lines: LineMap } | undefined;

/**
 * The Terraform module files the server lints open documents with: the workspace's files from
 * disk (searched once for module callers, re-read when the client reports a change), with the
 * unsaved text of open documents laid over them.
 */
export class WorkspaceModules {
  private readonly files: ModuleFiles;

  constructor(workspaceFolders: readonly string[]) {
    this.files = new ModuleFiles(workspaceFolders);
  }

  /**
   * An open document's text, which other documents of its module are linted with from now on.
   * Returns the document's path when it is a module file.
   */
  edited(uri: string, text: string): string | undefined {
    const path = this.modulePath(uri);
    if (path !== undefined) this.files.setUnsaved(path, text);
    return path;
  }

  /** The document is closed: its file on disk counts again. Returns its path when it is a module file. */
  closed(uri: string): string | undefined {
    const path = this.modulePath(uri);
    if (path !== undefined) this.files.clearUnsaved(path);
    return path;
  }

  /** Files changed on disk; returns the paths of those that are module files. */
  async changedOnDisk(uris: readonly string[]): Promise<string[]> {
    const paths = uris.map((uri) => this.modulePath(uri)).filter((path): path is string => path !== undefined);
    for (const path of paths) await this.files.refresh(path);
    return paths;
  }

  /** The context to lint a document with; undefined for documents outside any module (untitled, other formats). */
  async contextFor(uri: string): Promise<ModuleContext | undefined> {
    const path = this.modulePath(uri);
    return path === undefined ? undefined : this.files.contextFor(path);
  }

  private modulePath(uri: string): string | undefined {
    if (!isFileUri(uri)) return undefined;
    const path = uriToPath(uri);
    return isModuleFile(path) ? path : undefined;
  }
}

/** Finds the text of a related location's file in the module context a document was linted with. */
export function locator(module: ModuleContext | undefined): Locate {
  const lines = new Map<string, LineMap>();
  return (path) => {
    let map = lines.get(path);
    if (!map) {
      const text = [...(module?.directories.values() ?? [])].flat().find((file) => file.path === path)?.text ?? module?.varFiles?.find((file) => file.path === path)?.text;
      if (text === undefined) return undefined;
      map = new LineMap(text);
      lines.set(path, map);
    }
    return { uri: pathToFileURL(path).href, lines: map };
  };
}
