/** The project's home; package.json's `repository` must say the same (a test checks). */
export const REPOSITORY_URL = 'https://github.com/portwarden/portwarden';

/** The generated page of a check (docs/checks/<id>.md) on the main branch. */
export function docsUrl(checkId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/checks/${encodeURIComponent(checkId)}.md`;
}
