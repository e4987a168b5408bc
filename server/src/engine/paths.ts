/**
 * Path arithmetic for module sources, without node:path: the engine is pure and may run in a
 * browser. Paths keep the separator the front end gave them (`/`, or `\` on Windows).
 */

function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

function split(path: string): string[] {
  return path.split(/[\\/]/);
}

/** The directory of a file; `.` for a bare file name. */
export function directoryOf(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (at === -1) return '.';
  if (at === 0) return path.slice(0, 1);
  // "C:\main.tf" lives in "C:\".
  if (at === 2 && path[1] === ':') return path.slice(0, 3);
  return path.slice(0, at);
}

/** Removes `.` and `..` segments and doubled separators. */
export function normalizePath(path: string): string {
  const separator = separatorOf(path);
  const isAbsolute = path.startsWith('/') || path.startsWith('\\');
  const out: string[] = [];
  for (const segment of split(path)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..' && !/^[A-Za-z]:$/.test(out[out.length - 1])) out.pop();
    else if (segment !== '..' || !isAbsolute || out.length > 0) out.push(segment);
  }
  const joined = out.join(separator);
  if (isAbsolute) return `${separator}${joined}`;
  if (/^[A-Za-z]:$/.test(joined)) return `${joined}${separator}`;
  return joined === '' ? '.' : joined;
}

/** `dir` joined with a module source such as `./modules/web` or `../shared`. */
export function resolveFrom(dir: string, relative: string): string {
  const separator = separatorOf(dir);
  return normalizePath(`${dir}${separator}${relative.split('/').join(separator)}`);
}

/** `to` as seen from `fromDir`, with forward slashes, for messages. */
export function relativePath(fromDir: string, to: string): string {
  const from = split(normalizePath(fromDir)).filter((segment) => segment !== '' && segment !== '.');
  const target = split(normalizePath(to)).filter((segment) => segment !== '' && segment !== '.');
  let shared = 0;
  while (shared < from.length && shared < target.length && from[shared] === target[shared]) shared++;
  if (shared === 0 && (normalizePath(fromDir).startsWith('/') !== normalizePath(to).startsWith('/'))) return target.join('/');
  return [...from.slice(shared).map(() => '..'), ...target.slice(shared)].join('/');
}

/** Terraform reads only sources that start with ./ or ../ from disk; the rest come from registries. */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

/** `source = "./x"` in HCL, `"source": "./x"` in JSON: a local module source written as a plain string. */
const LOCAL_SOURCE_TEXT = /"?source"?\s*[=:]\s*"(\.\.?\/[^"\r\n]*|\.\.?)"/g;

/**
 * The local module sources a Terraform file's text names, found by a scan instead of a parse: a
 * superset of its module calls (one in a comment counts), for deciding which files to read or parse.
 */
export function localSourcesInText(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(LOCAL_SOURCE_TEXT), (match) => match[1]))];
}
