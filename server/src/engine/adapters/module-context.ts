import type { Span } from '../model/span';
import type { NetworkRule } from '../model/network-rule';

/** A file as a front end read it from disk, or as an editor holds it, unsaved. */
export interface SourceFile {
  /** Absolute, spelled as the front end's path functions spell it. */
  readonly path: string;
  readonly text: string;
}

/**
 * The files a document is evaluated with, for formats whose values come from other files (a
 * Terraform module: its `.tf`/`.tf.json` siblings, `terraform.tfvars`, `*.auto.tfvars`, local
 * child modules, and the modules that call it). The engine reads nothing else: a directory
 * missing here is a module it cannot see, and what depends on it stays unknown.
 */
export interface ModuleContext {
  /**
   * Files by directory. The document's own directory, the directories its local module calls
   * reach, and directories whose modules may call it; the document itself may be listed (the
   * text being linted wins).
   */
  readonly directories: ReadonlyMap<string, readonly SourceFile[]>;
  /** Variable files named by the user (`--var-file`), applied to root modules after the automatic ones, in order. */
  readonly varFiles?: readonly SourceFile[];
  /** Kept by a front end between lints so that unchanged files are not parsed again; results never depend on it. */
  readonly cache?: SourceCache;
}

/**
 * Parses of other files, by path, valid while the file's text is the same. A front end keeps one
 * for all its lints; an entry is replaced when the text changes.
 */
export class SourceCache {
  private readonly entries = new Map<string, { readonly text: string; readonly parsed: object }>();

  get<T extends object>(kind: abstract new (...args: never[]) => T, path: string, text: string, parse: () => T): T {
    const entry = this.entries.get(path);
    if (entry && entry.text === text && entry.parsed instanceof kind) return entry.parsed;
    const parsed = parse();
    this.entries.set(path, { text, parsed });
    return parsed;
  }

  /** Drops a file that was deleted, so that its parse does not outlive it. */
  forget(path: string): void {
    this.entries.delete(path);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Where a value written in one file flows into a rule read in another: a module argument used
 * by the child module's rule. A finding on `span` in the rule's file depends on `target`.
 */
export interface ValueLink {
  /** In the file the rule was read from: the reference that took the value, e.g. `var.admin_cidr`. */
  readonly span: Span;
  /** The file the value is written in. */
  readonly targetPath: string;
  /** The value as written there, e.g. the `admin_cidr = "0.0.0.0/0"` argument's value. */
  readonly target: Span;
  /** e.g. `admin_cidr of module.web`. */
  readonly label: string;
  /**
   * The address prefix of the module instance the value went into, e.g. `module.web.`: only
   * findings on that instance's rules depend on it.
   */
  readonly instance: string;
}

/**
 * Rules of another file (a local child module) evaluated with values written in the linted
 * document. A finding on them that depends on one of `links` is reported in the document, at
 * the link's target, as well as in the child's own file.
 */
export interface LinkedRules {
  readonly path: string;
  readonly text: string;
  readonly rules: readonly NetworkRule[];
  /** Links whose `targetPath` is the linted document. */
  readonly links: readonly ValueLink[];
}

/** What an adapter knows about the document beyond its text. */
export interface DocumentContext {
  /** The document's path, as LintInput has it. */
  readonly path: string;
  readonly module?: ModuleContext;
}
