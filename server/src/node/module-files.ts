import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isModuleFile, SourceCache, type ModuleContext, type SourceFile } from '../engine/index';

/** Module files are small; a larger one is generated and not worth holding in memory. */
export const MAX_MODULE_FILE_BYTES = 2 * 1024 * 1024;
/** Bounds on the search for a module's callers, so that opening a huge monorepo stays cheap. */
const MAX_SCANNED_DIRECTORIES = 2000;
const MAX_SCAN_DEPTH = 12;
/** How deep local module calls are followed when reading child modules. */
const MAX_CHILD_DEPTH = 8;
const SKIPPED_NAMES = new Set(['node_modules', '.git', '.terraform']);

/**
 * The Terraform files a front end gives the engine with each document: read from disk once,
 * kept in memory, refreshed when a file changes, with an editor's unsaved texts laid over them.
 * The directories under `roots` are searched once, so that a module's callers are known; the
 * local modules a file calls are read wherever they are.
 */
export class ModuleFiles {
  readonly cache = new SourceCache();
  /** Directory -> path -> text, as on disk. */
  private readonly disk = new Map<string, Map<string, string>>();
  private readonly loading = new Map<string, Promise<void>>();
  /** Path -> text of documents open in an editor; they win over the disk. */
  private readonly unsaved = new Map<string, string>();
  /** Directory -> its files as the engine gets them; rebuilt only when one of them changes. */
  private readonly views = new Map<string, SourceFile[]>();
  private scanned: Promise<void> | undefined;
  private snapshotMap: Map<string, SourceFile[]> | undefined;

  private varFiles: readonly SourceFile[] = [];

  constructor(private readonly roots: readonly string[] = []) {}

  /** `--var-file`s, applied to every root module. */
  setVarFiles(files: readonly SourceFile[]): void {
    this.varFiles = files;
  }

  setUnsaved(path: string, text: string): void {
    this.unsaved.set(resolve(path), text);
    this.invalidate(dirname(resolve(path)));
  }

  clearUnsaved(path: string): void {
    this.unsaved.delete(resolve(path));
    this.invalidate(dirname(resolve(path)));
  }

  /** A file was created, changed or deleted on disk: read it again (or forget it). */
  async refresh(path: string): Promise<void> {
    const full = resolve(path);
    const directory = this.disk.get(dirname(full));
    this.invalidate(dirname(full));
    if (!directory) return;
    const text = await readModuleFile(full);
    if (text === undefined) {
      directory.delete(full);
      this.cache.forget(full);
    } else {
      directory.set(full, text);
    }
  }

  /** The context to lint `path` with: its directory, the modules it calls, and every module found under the roots. */
  async contextFor(path: string): Promise<ModuleContext> {
    this.scanned ??= this.scan();
    await this.scanned;
    await this.loadWithChildren(dirname(resolve(path)), new Set(), 0);
    return { directories: this.snapshot(), varFiles: this.varFiles, cache: this.cache };
  }

  /** A directory's files changed: its view and the snapshot go. */
  private invalidate(directory: string): void {
    this.views.delete(directory);
    this.snapshotMap = undefined;
  }

  /**
   * Every directory's files, as one map kept until a file changes: the engine keys its index of
   * who calls whom on this map, so handing the same map to every lint builds that index once.
   */
  private snapshot(): Map<string, SourceFile[]> {
    this.snapshotMap ??= this.buildSnapshot();
    return this.snapshotMap;
  }

  private buildSnapshot(): Map<string, SourceFile[]> {
    const directories = new Map<string, SourceFile[]>();
    const names = new Set([...this.disk.keys(), ...[...this.unsaved.keys()].filter(isModuleFile).map((path) => dirname(path))]);
    for (const directory of names) directories.set(directory, this.view(directory));
    return directories;
  }

  private view(directory: string): SourceFile[] {
    let files = this.views.get(directory);
    if (!files) {
      const onDisk = this.disk.get(directory) ?? new Map<string, string>();
      files = [...onDisk].map(([path, text]) => ({ path, text: this.unsaved.get(path) ?? text }));
      for (const [path, text] of this.unsaved) {
        if (isModuleFile(path) && dirname(path) === directory && !onDisk.has(path)) files.push({ path, text });
      }
      this.views.set(directory, files);
    }
    return files;
  }

  private async loadWithChildren(directory: string, seen: Set<string>, depth: number): Promise<void> {
    if (seen.has(directory) || depth > MAX_CHILD_DEPTH) return;
    seen.add(directory);
    await this.load(directory);
    const files = this.disk.get(directory) ?? new Map<string, string>();
    const paths = new Set([...files.keys(), ...[...this.unsaved.keys()].filter((path) => dirname(path) === directory)]);
    for (const path of paths) {
      const text = this.unsaved.get(path) ?? files.get(path);
      if (text === undefined) continue;
      for (const child of localSources(path, text)) await this.loadWithChildren(child, seen, depth + 1);
    }
  }

  private load(directory: string): Promise<void> {
    let loading = this.loading.get(directory);
    if (!loading) {
      loading = this.read(directory);
      this.loading.set(directory, loading);
    }
    return loading;
  }

  private async read(directory: string): Promise<void> {
    const files = new Map<string, string>();
    let entries: Dirent[] = [];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      // A directory that cannot be read holds no module the engine can see; what depends on it stays unknown.
    }
    for (const entry of entries) {
      if (!isModuleFile(entry.name) || entry.isDirectory()) continue;
      const path = join(directory, entry.name);
      const text = await readModuleFile(path);
      if (text !== undefined) files.set(path, text);
    }
    this.disk.set(directory, files);
    this.invalidate(directory);
  }

  /** Reads every directory under the roots that holds module files, so that callers are known. */
  private async scan(): Promise<void> {
    const entered = new Set<string>();
    let budget = MAX_SCANNED_DIRECTORIES;
    const visit = async (directory: string, depth: number): Promise<void> => {
      if (budget <= 0 || depth > MAX_SCAN_DEPTH) return;
      let real: string;
      let entries: Dirent[];
      try {
        real = await realpath(directory);
        if (entered.has(real)) return;
        entered.add(real);
        entries = await readdir(directory, { withFileTypes: true });
      } catch {
        return;
      }
      budget--;
      if (entries.some((entry) => isModuleFile(entry.name))) await this.load(directory);
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isDirectory() && !SKIPPED_NAMES.has(entry.name)) await visit(join(directory, entry.name), depth + 1);
      }
    };
    for (const root of this.roots) {
      const full = resolve(root);
      const isDirectory = await stat(full).then((info) => info.isDirectory(), () => false);
      // A single file is linted with its own directory; only a directory is searched for callers.
      if (isDirectory) await visit(full, 0);
      else await this.load(dirname(full));
    }
  }
}

async function readModuleFile(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_MODULE_FILE_BYTES) return undefined;
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `source = "./x"` in HCL, `"source": "./x"` in JSON; a Terraform local source starts with ./ or ../. */
const LOCAL_SOURCE = /"?source"?\s*[=:]\s*"(\.\.?\/[^"\r\n]*|\.\.?)"/g;

/**
 * The directories a file's local module sources name. A plain scan, not a parse, because it runs
 * on every keystroke of an open file: it only decides which directories to read, and a directory
 * read for nothing (a source in a comment) costs a readdir.
 */
export function localSources(path: string, text: string): string[] {
  if (!/\.tf(\.json)?$/i.test(path)) return [];
  const directories = new Set<string>();
  for (const match of text.matchAll(LOCAL_SOURCE)) directories.add(resolve(dirname(path), match[1]));
  return [...directories];
}
