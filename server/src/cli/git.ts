import { spawn } from 'node:child_process';

/** A git command that failed, with what git said. */
export class GitError extends Error {}

/**
 * Runs git with arguments (never through a shell) and returns its stdout. `input` is written to
 * its stdin. Rejects with a GitError that says what went wrong, also when git is not installed.
 */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(new GitError(error.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : error.message));
    });
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(Buffer.concat(err).toString('utf8').trim() || `git ${args[0]} exited with ${code}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** The top directory of the work tree that holds `cwd`. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return (await runGit(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  } catch (error) {
    throw new GitError(`${cwd} is not inside a git repository (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The commit a revision names (a branch, a tag, `HEAD~1`, a hash), as a full hash. */
export async function resolveCommit(root: string, revision: string): Promise<string> {
  try {
    // --end-of-options: a revision such as "--output=x" must not be read as an option.
    return (await runGit(['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`], root)).toString('utf8').trim();
  } catch {
    throw new GitError(`"${revision}" names no commit in ${root}; fetch it first (in CI: actions/checkout with fetch-depth: 0)`);
  }
}

export interface TreeFile {
  /** Relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly object: string;
  readonly size: number;
}

/**
 * The regular files of a commit, with their sizes. Symbolic links and submodules are left out:
 * their content is not a file's text.
 */
export async function listFiles(root: string, commit: string): Promise<TreeFile[]> {
  const output = await runGit(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], root);
  const files: TreeFile[] = [];
  for (const entry of output.toString('utf8').split('\0')) {
    if (entry === '') continue;
    const tab = entry.indexOf('\t');
    const [mode, type, object, size] = entry.slice(0, tab).split(/ +/);
    if (type !== 'blob' || mode === '120000') continue;
    files.push({ path: entry.slice(tab + 1), object, size: Number(size) });
  }
  return files;
}

/** The contents of blobs by object id, read by one `git cat-file --batch`. */
export async function readBlobs(root: string, objects: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (objects.length === 0) return blobs;
  const output = await runGit(['cat-file', '--batch'], root, `${objects.join('\n')}\n`);
  let offset = 0;
  while (offset < output.length) {
    const headerEnd = output.indexOf(0x0a, offset);
    if (headerEnd === -1) break;
    const [object, type, size] = output.subarray(offset, headerEnd).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) {
      offset = headerEnd + 1;
      continue;
    }
    const start = headerEnd + 1;
    const end = start + Number(size);
    blobs.set(object, output.subarray(start, end));
    // Each object's content is followed by a line feed.
    offset = end + 1;
  }
  return blobs;
}
