import { dirname, join, sep } from 'node:path';
import { isModuleFile, SourceCache, type ModuleContext, type SourceFile } from '../../engine/index';
import { localSources, MAX_MODULE_FILE_BYTES } from '../../node/module-files';
import { readBlobs, type TreeFile } from '../git';

/** How deep local module calls are followed, as for the work tree. */
const MAX_CHILD_DEPTH = 8;

/**
 * The Terraform module files of a git revision, as the work tree's lint sees its own: every module
 * directory under the compared paths, and the local modules they call wherever those are, read
 * from git. Files of the revision are evaluated with these, so that a value from `variables.tf`
 * resolves on both sides of a comparison alike.
 */
export async function moduleContextAt(root: string, tree: readonly TreeFile[], pathspecs: readonly string[], varFiles: readonly SourceFile[]): Promise<ModuleContext> {
  const byDirectory = new Map<string, TreeFile[]>();
  for (const file of tree) {
    if (!isModuleFile(file.path) || file.size > MAX_MODULE_FILE_BYTES) continue;
    const directory = dirname(absolute(root, file.path));
    byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), file]);
  }
  // A file named on the command line brings its own directory, as it does in the work tree.
  const roots = pathspecs.length === 0 ? [root] : pathspecs.map((spec) => (tree.some((file) => file.path === spec) ? dirname(absolute(root, spec)) : absolute(root, spec)));
  const isUnderRoot = (directory: string) => roots.some((dir) => directory === dir || directory.startsWith(`${dir}${sep}`));
  const directories = new Map<string, SourceFile[]>();
  const visit = async (wanted: readonly string[], depth: number): Promise<void> => {
    const fresh = wanted.filter((directory) => !directories.has(directory) && byDirectory.has(directory));
    if (fresh.length === 0 || depth > MAX_CHILD_DEPTH) return;
    const files = fresh.flatMap((directory) => byDirectory.get(directory) ?? []);
    const blobs = await readBlobs(root, files.map((file) => file.object));
    const children: string[] = [];
    for (const directory of fresh) {
      const sources = (byDirectory.get(directory) ?? []).map((file) => ({ path: absolute(root, file.path), text: blobs.get(file.object)?.toString('utf8') ?? '' }));
      directories.set(directory, sources);
      for (const source of sources) children.push(...localSources(source.path, source.text));
    }
    await visit(children, depth + 1);
  };
  await visit([...byDirectory.keys()].filter(isUnderRoot), 0);
  return { directories, varFiles, cache: new SourceCache() };
}

export function absolute(root: string, repositoryPath: string): string {
  return join(root, ...repositoryPath.split('/'));
}
