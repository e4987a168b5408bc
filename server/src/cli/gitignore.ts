import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeFsError } from '../node/fs-errors';

/** The rules of one .gitignore file, which apply to paths below its directory. */
export interface IgnoreLayer {
  readonly dir: string;
  readonly file: string;
  readonly rules: Ignore;
}

export interface LayerRead {
  readonly layer?: IgnoreLayer;
  /** Set when a .gitignore exists but cannot be read. */
  readonly error?: { readonly path: string; readonly message: string };
}

export async function readGitignore(dir: string): Promise<LayerRead> {
  const file = join(dir, '.gitignore');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    return { error: { path: file, message: describeFsError(error) } };
  }
  return { layer: { dir, file, rules: ignore().add(text) } };
}

/**
 * The .gitignore files of the directories above `path`, outermost first, up to the repository root
 * (the nearest directory holding `.git`), as git applies them. Outside a repository they go up to
 * `fallbackRoot` (the working directory) when `path` is below it, else there are none.
 */
export async function ancestorLayers(path: string, fallbackRoot: string): Promise<{ layers: IgnoreLayer[]; errors: NonNullable<LayerRead['error']>[] }> {
  const dirs: string[] = [];
  let fallback: string[] | undefined;
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    dirs.unshift(dir);
    if (dir === fallbackRoot) fallback = [...dirs];
    if (await exists(join(dir, '.git'))) break;
    if (dirname(dir) === dir) {
      dirs.splice(0, dirs.length, ...(fallback ?? []));
      break;
    }
  }
  const layers: IgnoreLayer[] = [];
  const errors: NonNullable<LayerRead['error']>[] = [];
  for (const dir of dirs) {
    const { layer, error } = await readGitignore(dir);
    if (layer) layers.push(layer);
    if (error) errors.push(error);
  }
  return { layers, errors };
}

/** The .gitignore that excludes `path`, if any; the deepest file with a matching rule decides, as in git. */
export function gitignoreExcluding(layers: readonly IgnoreLayer[], path: string, isDirectory: boolean): IgnoreLayer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    const rel = relative(layer.dir, path).split(sep).join('/');
    if (rel === '' || rel === '..' || rel.startsWith('../') || isAbsolute(rel)) continue;
    const verdict = layer.rules.test(isDirectory ? `${rel}/` : rel);
    if (verdict.ignored) return layer;
    if (verdict.unignored) return undefined;
  }
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
