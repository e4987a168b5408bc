import type { AdapterResult, FormatId } from '../model/network-rule';
import type { PortRange } from '../model/ports';
import type { DocumentContext } from './module-context';

export interface AdapterOptions {
  readonly ownerKeys: readonly string[];
  readonly expiryKeys: readonly string[];
}

export interface Adapter {
  readonly id: FormatId;
  /** VS Code language ids the adapter serves. */
  readonly languageIds: readonly string[];
  /** Whether a document is in this format, by its path and content. */
  detect(path: string, text: string): boolean;
  /**
   * Never throws on bad input: broken blocks are skipped and reported as parse errors. With a
   * cache, the adapter may reuse its previous parse of the same document. With a context, it may
   * evaluate values written in the files around the document (a Terraform module).
   */
  parse(text: string, options: AdapterOptions, cache?: ParseCache, context?: DocumentContext): AdapterResult;
  /**
   * Ports the document's workloads serve (load-balancer listeners, target groups, container
   * ports): the first candidates for "Narrow port range to ...".
   */
  workloadPorts?(text: string, cache?: ParseCache): PortRange[][];
  /** How a line comment starts in this format, for suppression comments; undefined when it has none (JSON). */
  readonly commentPrefix: string | undefined;
}

/** Anything an adapter keeps between two parses of one document; it frees wasm memory on dispose. */
export interface CachedParse {
  dispose(): void;
}

/**
 * What an adapter may keep between two parses of one document (a syntax tree, blocks already
 * read) so that re-linting after a small edit is fast. A front end keeps one per open document
 * and disposes of it when the document closes. Results never depend on it.
 */
export class ParseCache {
  private state: CachedParse | undefined;

  /**
   * Removes and returns the state of the given kind. Taking rather than reading means a parse
   * that throws half-way leaves an empty cache, never a half-updated one.
   */
  take<T extends CachedParse>(kind: abstract new (...args: never[]) => T): T | undefined {
    const state = this.state;
    this.state = undefined;
    if (state instanceof kind) return state;
    state?.dispose();
    return undefined;
  }

  /** The state of the given kind, left in place. */
  peek<T extends CachedParse>(kind: abstract new (...args: never[]) => T): T | undefined {
    return this.state instanceof kind ? this.state : undefined;
  }

  keep(state: CachedParse): void {
    if (this.state !== state) this.state?.dispose();
    this.state = state;
  }

  dispose(): void {
    this.state?.dispose();
    this.state = undefined;
  }
}
