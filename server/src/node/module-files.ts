import type { Dirent } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isModuleFile, localSourcesInText, SourceCache, type ModuleContext, type SourceFile } from '../engine/index';
import { IoPool, READ_CONCURRENCY } from './io-pool';
import { nonBlockingFs, type FileSystem } from './file-system';

/** Module files are small; a larger one is generated and not worth holding in memory. */
export const MAX_MODULE_FILE_BYTES = 2 * 1024 * 1024;
/** Bounds on the search for a module's callers, so that opening a huge monorepo stays cheap. */
const MAX_SCANNED_DIRECTORIES = 2000;
const MAX_SCAN_DEPTH = 12;
/** How deep local module calls are followed when reading child modules. */
const MAX_CHILD_DEPTH = 8;
const SKIPPED_NAMES = new Set(['node_modules', '.git', '.terraform']);

/** A directory read by a ModuleFiles, with its module files in directory order. */
export interface SeededDirectory {
  readonly directory: string;
  readonly files: readonly { readonly path: string; readonly text: string; readonly size: number }[];
}

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
  /** Path -> size in bytes of each file in `disk`, so that a linter reusing the text can apply its own size limit. */
  private readonly sizes = new Map<string, number>();
  /** Module files are read a few dozen at a time, not one awaited read after another. */
  private readonly pool = new IoPool(READ_CONCURRENCY);
  private readonly loading = new Map<string, Promise<void>>();
  /** Path -> text of documents open in an editor; they win over the disk. */
  private readonly unsaved = new Map<string, string>();
  /** Directory -> its files as the engine gets them; rebuilt only when one of them changes. */
  private readonly views = new Map<string, SourceFile[]>();
  private scanned: Promise<void> | undefined;
  private snapshotMap: Map<string, SourceFile[]> | undefined;

  private varFiles: readonly SourceFile[] = [];

  /** `fs`: how the files are read; an editor must keep answering while it reads (the default), a CLI need not. */
  constructor(private readonly roots: readonly string[] = [], private readonly fs: FileSystem = nonBlockingFs) {}

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
    const read = await readModuleFile(this.fs, full);
    if (read === undefined) {
      directory.delete(full);
      this.sizes.delete(full);
      this.cache.forget(full);
    } else {
      directory.set(full, read.text);
      this.sizes.set(full, read.size);
    }
  }

  /** Searches the roots (once) and reads every module file under them; resolves when all are read. */
  ready(): Promise<void> {
    this.scanned ??= this.scan();
    return this.scanned;
  }

  /**
   * Every directory read so far, in the order it was asked for: what another ModuleFiles (a lint
   * thread's) starts from with `seed`, so that the files are read once and evaluated in the same order.
   */
  seedData(): SeededDirectory[] {
    const seeded: SeededDirectory[] = [];
    for (const directory of this.loading.keys()) {
      const files = this.disk.get(directory);
      if (files) seeded.push({ directory, files: [...files].map(([path, text]) => ({ path, text, size: this.sizes.get(path) ?? Buffer.byteLength(text) })) });
    }
    return seeded;
  }

  /** Takes directories read by another ModuleFiles (`seedData`) instead of searching the roots. */
  seed(directories: readonly SeededDirectory[]): void {
    for (const { directory, files } of directories) {
      this.disk.set(directory, new Map(files.map((file) => [file.path, file.text])));
      for (const file of files) this.sizes.set(file.path, file.size);
      this.loading.set(directory, Promise.resolve());
    }
    this.scanned = Promise.resolve();
    this.snapshotMap = undefined;
  }

  /**
   * A file's text and size as read from disk, when it was read for a module (so that the CLI does
   * not read it again); undefined when it was not, e.g. too large or not under a root.
   */
  onDisk(path: string): { readonly text: string; readonly size: number } | undefined {
    const full = resolve(path);
    const text = this.disk.get(dirname(full))?.get(full);
    const size = this.sizes.get(full);
    return text === undefined || size === undefined ? undefined : { text, size };
  }

  /** The context to lint `path` with: its directory, the modules it calls, and every module found under the roots. */
  async contextFor(path: string): Promise<ModuleContext> {
    await this.ready();
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
    // `loading` holds directories in the order they were asked for, whatever order their reads finished in.
    const names = new Set([...[...this.loading.keys()].filter((directory) => this.disk.has(directory)), ...[...this.unsaved.keys()].filter(isModuleFile).map((path) => dirname(path))]);
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
      entries = await this.fs.readdir(directory);
    } catch {
      // A directory that cannot be read holds no module the engine can see; what depends on it stays unknown.
    }
    const paths = entries.filter((entry) => isModuleFile(entry.name) && !entry.isDirectory()).map((entry) => join(directory, entry.name));
    const reads = await Promise.all(paths.map((path) => this.pool.run(() => readModuleFile(this.fs, path))));
    // Kept in directory order, as the engine gets them.
    paths.forEach((path, index) => {
      const read = reads[index];
      if (read === undefined) return;
      files.set(path, read.text);
      this.sizes.set(path, read.size);
    });
    this.disk.set(directory, files);
    this.invalidate(directory);
  }

  /** Reads every directory under the roots that holds module files, so that callers are known. */
  private async scan(): Promise<void> {
    const entered = new Set<string>();
    let budget = MAX_SCANNED_DIRECTORIES;
    // The walk goes on while directories are read; `load` notes the order they were asked for.
    const loads: Promise<void>[] = [];
    const visit = async (directory: string, depth: number): Promise<void> => {
      if (budget <= 0 || depth > MAX_SCAN_DEPTH) return;
      let real: string;
      let entries: Dirent[];
      try {
        real = await this.fs.realpath(directory);
        if (entered.has(real)) return;
        entered.add(real);
        entries = await this.fs.readdir(directory);
      } catch {
        return;
      }
      budget--;
      if (entries.some((entry) => isModuleFile(entry.name))) loads.push(this.load(directory));
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isDirectory() && !SKIPPED_NAMES.has(entry.name)) await visit(join(directory, entry.name), depth + 1);
      }
    };
    for (const root of this.roots) {
      const full = resolve(root);
      const isDirectory = await this.fs.stat(full).then((info) => info.isDirectory(), () => false);
      // A single file is linted with its own directory; only a directory is searched for callers.
      if (isDirectory) await visit(full, 0);
      else loads.push(this.load(dirname(full)));
    }
    await Promise.all(loads);
  }
}

async function readModuleFile(fs: FileSystem, path: string): Promise<{ text: string; size: number } | undefined> {
  try {
    const read = await fs.readText(path, MAX_MODULE_FILE_BYTES);
    return read.kind === 'text' ? read : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The directories a file's local module sources name. A plain scan, not a parse, because it runs
 * on every keystroke of an open file: it only decides which directories to read, and a directory
 * read for nothing (a source in a comment) costs a readdir.
 */
export function localSources(path: string, text: string): string[] {
  if (!/\.tf(\.json)?$/i.test(path)) return [];
  return [...new Set(localSourcesInText(text).map((source) => resolve(dirname(path), source)))];
}
