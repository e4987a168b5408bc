import { randomBytes } from 'node:crypto';
import { chmod, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content so that a reader sees the old text or the new, never half of it: the
 * text goes to a temporary file beside the target, which is then renamed over it. The target's
 * permissions are kept, and a symbolic link is followed so the link itself stays a link.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const target = await realpath(path);
  const { mode } = await stat(target);
  const temporary = join(dirname(target), `.${basename(target)}.portwarden-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx', mode });
    // writeFile's mode is filtered by the umask; the target's own bits must survive.
    await chmod(temporary, mode);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
