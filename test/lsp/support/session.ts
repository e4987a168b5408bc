import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

/** dist/server.js, built by `npm run build`; tests run the bundle a user gets, as a separate process. */
export const SERVER_PATH = join(__dirname, '..', '..', '..', '..', 'dist', 'server.js');

/** A guard against a server that never answers, not a wait: every test waits on events. */
const EVENT_TIMEOUT_MS = 15_000;

export interface SessionOptions {
  /** The `portwarden` section answered to workspace/configuration, per resource URI. */
  readonly settings?: (scopeUri: string | undefined) => unknown;
  readonly initializationOptions?: unknown;
  /** Replaces the default, full-featured client capabilities. */
  readonly capabilities?: ClientCapabilities;
  readonly rootUri?: string;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
};

/**
 * A real LSP client over stdio (vscode-languageserver-protocol) talking to the built server.
 * Keeps every publishDiagnostics it receives so tests wait for the one they expect.
 */
export class LspSession {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  configurationRequests = 0;
  private readonly waiters: { check: () => boolean; reject: (error: Error) => void }[] = [];
  private readonly texts = new Map<string, TextDocument>();
  private stderr = '';
  private exited = false;

  private constructor(
    private readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: SessionOptions = {}): Promise<LspSession> {
    if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run \`npm run build\` first (npm test does).`);
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new LspSession(child, connection);
    child.stderr.on('data', (chunk: Buffer) => (session.stderr += chunk.toString()));
    child.on('exit', (code, signal) => session.failAll(`the server exited (code ${code}, signal ${signal})\n${session.stderr}`));
    connection.onRequest(ConfigurationRequest.type, (params) => {
      session.configurationRequests++;
      return params.items.map((item) => (item.section === 'portwarden' ? options.settings?.(item.scopeUri) ?? null : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      session.registrations.push(...params.registrations);
    });
    connection.onNotification(LogMessageNotification.type, (params) => session.logs.push(params.message));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      session.diagnostics.push(params);
      session.wake();
    });
    connection.listen();
    const result: InitializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      workspaceFolders: null,
    });
    session.capabilities = result.capabilities;
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  capabilities: InitializeResult['capabilities'] = {};

  /** Resolves with the first publishDiagnostics from index `since` on that matches. */
  waitForDiagnostics(uri: string, matches: (params: PublishDiagnosticsParams) => boolean, since = 0): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.diagnostics.slice(since).find((params) => params.uri === uri && matches(params));
        if (found) resolve(found);
        return found !== undefined;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        const received = this.diagnostics.slice(since).filter((params) => params.uri === uri).map((params) => `v${params.version}: ${params.diagnostics.length}`);
        reject(new Error(`no matching publishDiagnostics for ${uri} (received: ${received.join(', ') || 'none'})\n${this.stderr}`));
      }, EVENT_TIMEOUT_MS);
      this.waiters.push({ check: () => check() && (clearTimeout(timer), true), reject: (error) => (clearTimeout(timer), reject(error)) });
      if (this.exited) reject(new Error(`the server has exited\n${this.stderr}`));
    });
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string, languageId = 'terraform', version = 1): Promise<PublishDiagnosticsParams> {
    const since = this.diagnostics.length;
    this.texts.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return this.waitForDiagnostics(uri, (params) => params.version === version, since);
  }

  /** Sends incremental changes and waits for the diagnostics of the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const since = this.diagnostics.length;
    const version = await this.sendChange(uri, changes);
    return this.waitForDiagnostics(uri, (params) => params.version === version, since);
  }

  /** Sends changes without waiting; returns the new version. */
  async sendChange(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.document(uri);
    const version = document.version + 1;
    this.texts.set(uri, TextDocument.update(document, changes, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the whole text with one incremental change covering it. */
  replaceAll(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const document = this.document(uri);
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, text }]);
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const since = this.diagnostics.length;
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return this.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, since);
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  document(uri: string): TextDocument {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  async codeActions(uri: string, range: Range, only?: string[]): Promise<(CodeAction | Command)[]> {
    const diagnostics = this.diagnostics.filter((params) => params.uri === uri).at(-1)?.diagnostics ?? [];
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    return result ?? [];
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Applies a WorkspaceEdit for one open document as an editor would, and sends the change. */
  async applyEdit(uri: string, edit: WorkspaceEdit): Promise<PublishDiagnosticsParams> {
    const document = this.document(uri);
    const change = edit.documentChanges?.find((item) => 'textDocument' in item && item.textDocument.uri === uri);
    const edits = change && 'edits' in change ? change.edits : edit.changes?.[uri];
    if (!edits) throw new Error(`the edit does not touch ${uri}`);
    if (change && 'textDocument' in change && change.textDocument.version !== null && change.textDocument.version !== document.version) {
      throw new Error(`the edit is for version ${change.textDocument.version}, the document is at ${document.version}`);
    }
    const next = TextDocument.applyEdits(document, edits);
    return this.replaceAll(uri, next);
  }

  async changeConfiguration(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async dispose(): Promise<void> {
    if (!this.exited) {
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // The server may already be gone; the process is killed below either way.
      }
    }
    this.connection.dispose();
    this.process.kill();
  }

  /** Whatever the server wrote to stderr: a crash leaves its stack here. */
  get errorOutput(): string {
    return this.stderr;
  }

  private wake(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) if (this.waiters[i].check()) this.waiters.splice(i, 1);
  }

  private failAll(message: string): void {
    this.exited = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(message));
  }
}

export function isCodeAction(item: CodeAction | Command): item is CodeAction {
  return typeof item.command !== 'string';
}
