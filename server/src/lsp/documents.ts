import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  adapters,
  findWorkloadPorts,
  LineMap,
  lintDocument,
  ParseCache,
  type FormatId,
  type LintInput,
  type LintResult,
  type ModuleContext,
  type PortRange,
  type Relint,
  type Settings,
} from '../engine/index';
import { Debouncer } from './debouncer';
import type { DocumentSettings, ResolvedSettings } from './settings';
import { dirname } from 'node:path';
import { uriToPath } from './uri';

/** One lint of one version of a document: what diagnostics, code actions and hover all read. */
export interface LintSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineMap;
  readonly settings: Settings;
  readonly result: LintResult;
  /** Ports the document's workloads serve: candidates for narrowing fixes. */
  readonly workloadPorts: readonly PortRange[][];
  /** The module files the document was linted with (Terraform): fix-all lints with them too, related locations read them. */
  readonly module?: ModuleContext;
}


export interface LintEnvironment {
  readonly settings: DocumentSettings;
  /** Resolves once the parsers are loaded. */
  readonly engineReady: Promise<void>;
  readonly lintDelayMs: number;
  /** Today's local date, YYYY-MM-DD: the engine has no clock. */
  today(): string;
  published(snapshot: LintSnapshot): void;
  cleared(uri: string): void;
  logError(message: string, error: unknown): void;
  /** The files of the document's module, with open documents' unsaved text; undefined outside a module. */
  moduleContext?(uri: string): Promise<ModuleContext | undefined>;
}

interface DocumentState {
  readonly cache: ParseCache;
  snapshot?: LintSnapshot;
  /** Bumped by every lint request; a lint that finishes under an older ticket is dropped. */
  ticket: number;
}

const NOTHING: LintResult = { format: undefined, rules: [], findings: [], suppressedCount: 0, parseErrors: [], internalErrors: [] };

/**
 * Lints open documents: debounced per URI, the latest version and the latest request win, and a
 * result is stored per URI and version for code actions and hover.
 */
export class LintedDocuments {
  private readonly states = new Map<string, DocumentState>();
  private readonly debouncer = new Debouncer();

  constructor(
    private readonly documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] },
    private readonly env: LintEnvironment,
  ) {}

  /** After a change: lint once the document has been quiet for the delay. */
  scheduleLint(uri: string): void {
    const ticket = this.nextTicket(uri);
    this.debouncer.schedule(uri, this.env.lintDelayMs, () => this.run(uri, ticket));
  }

  /**
   * After a module file changed (an open document, or a file on disk): lints again the other open
   * documents whose last lint read it, and those in its directory, which may start to.
   */
  scheduleDependents(path: string): void {
    const directory = dirname(path);
    for (const [uri, state] of this.states) {
      const own = uriToPath(uri);
      if (own === path) continue;
      if (state.snapshot?.result.dependencies?.includes(path) || dirname(own) === directory) this.scheduleLint(uri);
    }
  }

  /** Every open document at once, e.g. after a settings or config file change. */
  lintAllNow(): void {
    for (const document of this.documents.all()) void this.lintNow(document.uri);
  }

  /** The snapshot of the document's current version, linting now when the last one is older. */
  async current(uri: string): Promise<LintSnapshot | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const last = this.states.get(uri)?.snapshot;
    if (last && last.version === document.version) return last;
    await this.lintNow(uri);
    const fresh = this.states.get(uri)?.snapshot;
    return fresh && fresh.version === this.documents.get(uri)?.version ? fresh : undefined;
  }

  close(uri: string): void {
    this.debouncer.forget(uri);
    this.states.get(uri)?.cache.dispose();
    this.states.delete(uri);
    this.env.settings.forget(uri);
    this.env.cleared(uri);
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const state of this.states.values()) state.cache.dispose();
    this.states.clear();
  }

  /** Lints other texts exactly as the snapshot was linted (format, settings, day); without a cache each pass parses afresh. */
  relinter(snapshot: LintSnapshot): Relint {
    const format = this.formatOf(snapshot.uri);
    const today = this.env.today();
    return (text, cache) => {
      const input: LintInput = { text, path: uriToPath(snapshot.uri), settings: snapshot.settings, today, format, cache, ...(snapshot.module ? { module: snapshot.module } : {}) };
      return { result: lintDocument(input), workloadPorts: findWorkloadPorts(input) };
    };
  }

  private lintNow(uri: string): Promise<LintSnapshot | undefined> {
    this.debouncer.cancel(uri);
    return this.run(uri, this.nextTicket(uri));
  }

  private nextTicket(uri: string): number {
    let state = this.states.get(uri);
    if (!state) {
      state = { cache: new ParseCache(), ticket: 0 };
      this.states.set(uri, state);
    }
    return ++state.ticket;
  }

  private async run(uri: string, ticket: number): Promise<LintSnapshot | undefined> {
    try {
      await this.env.engineReady;
      const resolved = await this.env.settings.get(uri);
      const module = await this.env.moduleContext?.(uri);
      const state = this.states.get(uri);
      const document = this.documents.get(uri);
      // A newer request (another change, a settings change, a close) supersedes this one.
      if (!state || !document || state.ticket !== ticket) return undefined;
      const snapshot = this.lint(document, resolved, state.cache, module);
      state.snapshot = snapshot;
      this.env.published(snapshot);
      return snapshot;
    } catch (error) {
      this.env.logError(`Linting ${uri} failed`, error);
      return undefined;
    }
  }

  private lint(document: TextDocument, resolved: ResolvedSettings, cache: ParseCache, module: ModuleContext | undefined): LintSnapshot {
    const text = document.getText();
    const path = uriToPath(document.uri);
    const base = { uri: document.uri, version: document.version, text, lines: new LineMap(text), settings: resolved.settings };
    if (!resolved.enabled || resolved.project?.ignores(path)) return { ...base, result: NOTHING, workloadPorts: [] };
    const input: LintInput = { text, path, settings: resolved.settings, today: this.env.today(), format: this.formatOf(document.uri), cache, ...(module ? { module } : {}) };
    return { ...base, result: lintDocument(input), workloadPorts: findWorkloadPorts(input), ...(module ? { module } : {}) };
  }

  /**
   * The format the editor's language id names. Several formats share `yaml` and `json`: then the
   * content decides among them. Otherwise the engine detects the format from the path and content.
   */
  private formatOf(uri: string): FormatId | undefined {
    const document = this.documents.get(uri);
    const languageId = document?.languageId;
    const candidates = adapters.filter((adapter) => languageId !== undefined && adapter.languageIds.includes(languageId));
    if (candidates.length <= 1 || !document) return candidates[0]?.id;
    const text = document.getText();
    return candidates.find((adapter) => adapter.detect(uriToPath(uri), text))?.id;
  }
}

/** Today as YYYY-MM-DD in the machine's time zone, as a person reading an expiry date means it. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
