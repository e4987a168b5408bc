import { LineMap } from '../../../model/span';
import { directoryOf, relativePath } from '../../../paths';
import type { Origin } from './value';

/** What `place` needs of one file, worked out once: a module's values are placed thousands of times. */
interface PlacedFile {
  readonly lines: LineMap;
  /** The file's path relative to the linted document's directory. */
  readonly relative: string;
}

/**
 * Writes origins as a message shows them: "var.admin_cidr default, variables.tf:12", paths
 * relative to the linted document's directory. Line maps and relative paths are worked out once per file.
 */
export class OriginWriter {
  private readonly files = new Map<string, PlacedFile>();
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
    let file = this.files.get(path);
    if (!file) {
      file = { lines: new LineMap(this.textOf(path) ?? ''), relative: relativePath(this.directory, path) };
      this.files.set(path, file);
    }
    return `${file.relative}:${file.lines.positionAt(offset).line + 1}`;
  }
}
