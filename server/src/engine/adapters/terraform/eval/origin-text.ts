import { LineMap } from '../../../model/span';
import { directoryOf, relativePath } from '../../../paths';
import type { Origin } from './value';

/**
 * Writes origins as a message shows them: "var.admin_cidr default, variables.tf:12", paths
 * relative to the linted document's directory. Line maps are built once per file.
 */
export class OriginWriter {
  private readonly lines = new Map<string, LineMap>();
  private readonly directory: string;

  constructor(documentPath: string, private readonly textOf: (path: string) => string | undefined) {
    this.directory = directoryOf(documentPath);
  }

  write(origins: readonly Origin[]): string | undefined {
    if (origins.length === 0) return undefined;
    return origins.map((origin) => `${origin.label}, ${this.place(origin.path, origin.span.start)}`).join(' and ');
  }

  /** "variables.tf:12": a file and a line counted from 1. */
  place(path: string, offset: number): string {
    let lines = this.lines.get(path);
    if (!lines) {
      lines = new LineMap(this.textOf(path) ?? '');
      this.lines.set(path, lines);
    }
    return `${relativePath(this.directory, path)}:${lines.positionAt(offset).line + 1}`;
  }
}
