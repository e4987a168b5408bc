import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';

export type PathFilter = (path: string, isDirectory: boolean) => boolean;

/**
 * Matches absolute paths against a configuration's `ignore` globs, which are written relative to
 * the configuration file's directory. Paths outside that directory never match.
 */
export function createConfigIgnore(baseDir: string, globs: readonly string[]): PathFilter {
  if (globs.length === 0) return () => false;
  const isMatch = picomatch([...globs], { dot: true });
  return (path, isDirectory) => {
    const rel = relative(baseDir, path).split(sep).join('/');
    if (rel === '' || rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return false;
    // `legacy/` is how a directory is written in .gitignore; accept that spelling too.
    return isMatch(rel) || (isDirectory && isMatch(`${rel}/`));
  };
}
