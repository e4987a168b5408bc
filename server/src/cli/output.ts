import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeFsError } from '../node/fs-errors';
import { displayPath } from './formatters/types';

/**
 * Writes a report to stdout, or to a file (creating its directory) when one is given. Returns
 * why it could not, as a line for stderr.
 */
export async function writeReportText(text: string, outputFile: string | undefined, io: { readonly cwd: string; writeStdout(text: string): void }): Promise<string | undefined> {
  if (outputFile === undefined) {
    io.writeStdout(text);
    return undefined;
  }
  try {
    await mkdir(dirname(outputFile), { recursive: true });
    await writeFile(outputFile, text);
    return undefined;
  } catch (error) {
    return `cannot write ${displayPath(outputFile, io.cwd)}: ${describeFsError(error)}`;
  }
}
