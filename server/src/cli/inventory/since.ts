import { isAbsolute, relative, resolve, sep } from 'node:path';
import { buildInventory, findAdapter, isModuleFile, lintDocument, type Exposure, type ModuleContext, type Settings, type SourceFile } from '../../engine/index';
import { GitError, listFiles, readBlobs, repositoryRoot, resolveCommit } from '../git';
import { MAX_FILE_BYTES, mayHoldFormat } from '../lint-file';
import { absolute, moduleContextAt } from './revision-modules';

export interface RevisionInput {
  /** The revision as the user wrote it. */
  readonly revision: string;
  readonly cwd: string;
  /** The paths named on the command line, as given. */
  readonly paths: readonly string[];
  readonly today: string;
  /** The `--var-file`s, as read for the work tree: both sides use today's. */
  readonly varFiles: readonly SourceFile[];
  /**
   * The settings for a file (by its path in the work tree), or undefined when it is not linted:
   * its configuration is broken or its `ignore` globs exclude it. Both sides of a comparison use
   * today's configuration, so a configuration change does not show up as exposures changing.
   */
  settingsFor(path: string): Promise<Settings | undefined>;
}

export type RevisionInventory =
  | { readonly ok: true; readonly exposures: Exposure[]; readonly files: number }
  | { readonly ok: false; readonly message: string };

/** Bounds the memory one `git cat-file` answer takes. */
const BLOBS_PER_BATCH = 500;

/** Never descended into by the walk either. */
const SKIPPED_NAMES = new Set(['node_modules', '.git']);

/**
 * The inventory of the same paths at a git revision: the files are listed with `git ls-tree` and
 * read with `git cat-file` (nothing is checked out), then linted and listed exactly as the work
 * tree's are. Each exposure gets the path the file has in the work tree, so both sides compare.
 */
export async function inventoryAtRevision(input: RevisionInput): Promise<RevisionInventory> {
  try {
    const root = await repositoryRoot(input.cwd);
    const commit = await resolveCommit(root, input.revision);
    const pathspecs: string[] = [];
    for (const path of input.paths) {
      const rel = relative(root, resolve(input.cwd, path));
      if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { ok: false, message: `${path} is outside the repository at ${root}` };
      if (rel === '') return await listAndLint(root, commit, [], input);
      pathspecs.push(rel.split(sep).join('/'));
    }
    return await listAndLint(root, commit, pathspecs, input);
  } catch (error) {
    if (error instanceof GitError) return { ok: false, message: error.message };
    throw error;
  }
}

async function listAndLint(root: string, commit: string, pathspecs: readonly string[], input: RevisionInput): Promise<RevisionInventory> {
  const tree = (await listFiles(root, commit)).filter((file) => !file.path.split('/').some((name) => SKIPPED_NAMES.has(name)));
  const isCompared = (path: string) => pathspecs.length === 0 || pathspecs.some((spec) => path === spec || path.startsWith(`${spec}/`));
  const listed = tree.filter((file) => isCompared(file.path) && mayHoldFormat(file.path));
  let module: ModuleContext | undefined;
  const candidates: { path: string; object: string; settings: Settings }[] = [];
  for (const file of listed) {
    const path = absolute(root, file.path);
    // A huge file is generated or binary; the walk skips it too, and its text is not needed to say so.
    if (file.size > MAX_FILE_BYTES) continue;
    const settings = await input.settingsFor(path);
    if (settings) candidates.push({ path, object: file.object, settings });
  }
  const exposures: Exposure[] = [];
  let files = 0;
  // Formats are detected by content as well as by name, so every file is read, a batch at a time.
  for (let start = 0; start < candidates.length; start += BLOBS_PER_BATCH) {
    const batch = candidates.slice(start, start + BLOBS_PER_BATCH);
    const blobs = await readBlobs(root, batch.map((candidate) => candidate.object));
    for (const { path, object, settings } of batch) {
      const blob = blobs.get(object);
      if (!blob) continue;
      const text = blob.toString('utf8');
      const adapter = findAdapter(path, text);
      if (!adapter) continue;
      files++;
      if (isModuleFile(path)) module ??= await moduleContextAt(root, tree, pathspecs, input.varFiles);
      const result = lintDocument({ text, path, settings, today: input.today, format: adapter.id, ...(module && isModuleFile(path) ? { module } : {}) });
      exposures.push(...buildInventory({ path, text, result, settings, today: input.today }));
    }
  }
  return { ok: true, exposures, files };
}
