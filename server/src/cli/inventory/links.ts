import { dirname, relative, sep } from 'node:path';
import type { Row } from './rows';

/** The GitHub Actions variables that name the commit a workflow runs on. */
interface GithubEnvironment {
  readonly GITHUB_SERVER_URL?: string;
  readonly GITHUB_REPOSITORY?: string;
  readonly GITHUB_SHA?: string;
  readonly GITHUB_WORKSPACE?: string;
}

/**
 * Where a report row links: inside GitHub Actions, the file at the workflow's commit on GitHub
 * (`…/blob/<sha>/infra/main.tf#L12`); elsewhere, the file relative to the report itself (or to
 * the working directory when the report goes to stdout), with the line as a `#L12` fragment as
 * code hosts read it.
 */
export function rowLinker(env: GithubEnvironment, cwd: string, outputFile: string | undefined): (row: Row) => string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (server && repository && sha) {
    const workspace = env.GITHUB_WORKSPACE ?? cwd;
    return (row) => `${server}/${repository}/blob/${sha}/${encodePath(relative(workspace, row.exposure.path))}#L${row.exposure.line}`;
  }
  const base = outputFile === undefined ? cwd : dirname(outputFile);
  return (row) => `${encodePath(relative(base, row.exposure.path))}#L${row.exposure.line}`;
}

function encodePath(path: string): string {
  return path.split(sep).map(encodeURIComponent).join('/');
}
