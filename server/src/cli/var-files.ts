import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SourceFile } from '../engine/index';
import { describeFsError } from '../node/fs-errors';
import { MAX_MODULE_FILE_BYTES } from '../node/module-files';

export type VarFilesRead = { readonly ok: true; readonly files: readonly SourceFile[] } | { readonly ok: false; readonly path: string; readonly message: string };

/** Reads the `--var-file`s; one that cannot be read stops the run, since every value it sets would be wrong. */
export async function readVarFiles(paths: readonly string[], cwd: string): Promise<VarFilesRead> {
  const files: SourceFile[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    try {
      const text = await readFile(path, 'utf8');
      if (text.length > MAX_MODULE_FILE_BYTES) return { ok: false, path, message: `it is larger than ${MAX_MODULE_FILE_BYTES} bytes` };
      if (!/\.tfvars(\.json)?$/i.test(path)) return { ok: false, path, message: 'a variable file must end in .tfvars or .tfvars.json' };
      files.push({ path, text });
    } catch (error) {
      return { ok: false, path, message: describeFsError(error) };
    }
  }
  return { ok: true, files };
}
