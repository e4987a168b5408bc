import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export type TextRead =
  | { readonly kind: 'text'; readonly text: string; readonly size: number }
  /** Over the limit: the size is known, the text was not read. */
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'not-a-file' };

/**
 * Reads a UTF-8 file unless it is larger than `maxBytes`. One open, then the size of the open file:
 * a stat of the path before the read would cost a second lookup per file. Opened non-blocking, so
 * that a FIFO is reported as no file instead of being waited on. File-system errors reject.
 */
export async function readText(path: string, maxBytes: number): Promise<TextRead> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'not-a-file' };
    if (info.size > maxBytes) return { kind: 'too-large', size: info.size };
    return { kind: 'text', text: await handle.readFile('utf8'), size: info.size };
  } finally {
    await handle?.close();
  }
}

/** readText's semantics (one open, non-blocking so that a FIFO is no file, then the open file's size), blocking. */
export function readTextSync(path: string, maxBytes: number): TextRead {
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile()) return { kind: 'not-a-file' };
    if (info.size > maxBytes) return { kind: 'too-large', size: info.size };
    return { kind: 'text', text: readFileSync(descriptor, 'utf8'), size: info.size };
  } finally {
    closeSync(descriptor);
  }
}
