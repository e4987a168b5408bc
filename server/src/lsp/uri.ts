import { fileURLToPath } from 'node:url';

/**
 * The file path of a document URI, for format detection and config lookup. Other schemes
 * (untitled:, vscode-notebook-cell:) keep their path part, which still ends in the file name.
 */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // A malformed file URI is still a name to detect the format from.
    }
  }
  const path = uri.slice(uri.indexOf(':') + 1).replace(/^\/\/[^/]*/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}
