import type { Dirent, Stats } from 'node:fs';
import { join, resolve } from 'node:path';
// A command-line run has nothing to do while it waits for the disk (see blockingFs).
import { blockingFs } from '../node/file-system';
import { describeFsError } from '../node/fs-errors';
import { ancestorLayers, gitignoreExcluding, readGitignore, type IgnoreLayer } from './gitignore';

export type WalkEntry =
  | { readonly kind: 'file'; readonly path: string }
  /** A file or directory that exists (or is named) but cannot be read; the walk goes on. */
  | { readonly kind: 'unreadable'; readonly path: string; readonly message: string }
  /** A path named on the command line that an ignore rule excludes; `by` is the file with the rule. */
  | { readonly kind: 'ignored'; readonly path: string; readonly by: string };

export interface WalkOptions {
  /** False with --no-ignore: neither .gitignore files nor `configIgnoring` apply. */
  readonly useIgnores: boolean;
  /** Outside a git repository, .gitignore files above a root count up to this directory. */
  readonly cwd: string;
  /** The configuration file whose `ignore` globs exclude a path, if any. */
  readonly configIgnoring?: (path: string, isDirectory: boolean) => Promise<string | undefined>;
}

/** Never descended into, whatever the ignore files say. */
const SKIPPED_NAMES = new Set(['node_modules', '.git']);

/**
 * Yields the files under the given paths in a stable order (entries sorted by name). Symbolic links
 * are followed, but a directory is entered once, so link loops end.
 */
export async function* walk(roots: readonly string[], options: WalkOptions): AsyncGenerator<WalkEntry> {
  const state: WalkState = { options, enteredDirectories: new Set(), yieldedFiles: new Set() };
  for (const root of roots) yield* walkRoot(resolve(root), state);
}

interface WalkState {
  readonly options: WalkOptions;
  /** Real paths: a directory reached again through a link is not walked twice. */
  readonly enteredDirectories: Set<string>;
  readonly yieldedFiles: Set<string>;
}

async function* walkRoot(root: string, state: WalkState): AsyncGenerator<WalkEntry> {
  let info: Stats;
  try {
    info = await blockingFs.stat(root);
  } catch (error) {
    yield { kind: 'unreadable', path: root, message: describeFsError(error) };
    return;
  }
  let layers: IgnoreLayer[] = [];
  if (state.options.useIgnores) {
    const ancestors = await ancestorLayers(root, resolve(state.options.cwd));
    for (const error of ancestors.errors) yield { kind: 'unreadable', ...error };
    layers = ancestors.layers;
    const by = await excludedBy(root, info.isDirectory(), layers, state.options);
    if (by !== undefined) {
      yield { kind: 'ignored', path: root, by };
      return;
    }
  }
  if (info.isDirectory()) yield* walkDirectory(root, layers, state);
  else if (info.isFile()) yield* visitFile(root, state);
  else yield { kind: 'unreadable', path: root, message: 'it is neither a file nor a directory' };
}

async function* walkDirectory(dir: string, layers: readonly IgnoreLayer[], state: WalkState): AsyncGenerator<WalkEntry> {
  let entries: Dirent[];
  try {
    const real = await blockingFs.realpath(dir);
    if (state.enteredDirectories.has(real)) return;
    state.enteredDirectories.add(real);
    entries = await blockingFs.readdir(dir);
  } catch (error) {
    yield { kind: 'unreadable', path: dir, message: describeFsError(error) };
    return;
  }
  let here = layers;
  if (state.options.useIgnores) {
    const own = await readGitignore(dir);
    if (own.error) yield { kind: 'unreadable', ...own.error };
    if (own.layer) here = [...layers, own.layer];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (SKIPPED_NAMES.has(entry.name)) continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await blockingFs.stat(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        // A dangling link that an ignore rule covers is nobody's concern.
        if (state.options.useIgnores && (await excludedBy(path, false, here, state.options)) !== undefined) continue;
        yield { kind: 'unreadable', path, message: describeFsError(error) };
        continue;
      }
    }
    if (!isDirectory && !isFile) continue;
    if (state.options.useIgnores && (await excludedBy(path, isDirectory, here, state.options)) !== undefined) continue;
    if (isDirectory) yield* walkDirectory(path, here, state);
    else yield* visitFile(path, state);
  }
}

async function* visitFile(path: string, state: WalkState): AsyncGenerator<WalkEntry> {
  if (state.yieldedFiles.has(path)) return;
  state.yieldedFiles.add(path);
  yield { kind: 'file', path };
}

async function excludedBy(path: string, isDirectory: boolean, layers: readonly IgnoreLayer[], options: WalkOptions): Promise<string | undefined> {
  const layer = gitignoreExcluding(layers, path, isDirectory);
  if (layer) return layer.file;
  return options.configIgnoring?.(path, isDirectory);
}
