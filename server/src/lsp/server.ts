import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeLens,
  type Connection,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, initEngine } from '../engine/index';
import { loadEngineAssets } from '../node/assets';
import {
  EXPOSURES_REQUEST,
  FIX_ALL_KIND,
  LINT_FILES_REQUEST,
  NARROW_PORTS_REQUEST,
  type ExposuresParams,
  type ExposuresResult,
  type LintFilesParams,
  type LintFilesResult,
  type NarrowPortsParams,
  type NarrowPortsResult,
} from '../shared/protocol';
import { readClientSupport, type ClientSupport } from './capabilities';
import { fixAllAction, isWanted, quickFixes } from './code-actions';
import { codeLenses } from './code-lens';
import { noteDiagnostic, toDiagnostic } from './diagnostics';
import { LintedDocuments, localToday, type LintSnapshot } from './documents';
import { listExposures } from './exposures';
import { describeAt } from './hover';
import { lintFiles } from './lint-files';
import { narrowPorts } from './narrow-ports';
import { isConfigFileUri } from './project-config';
import { ProjectConfigs } from './project-config-loader';
import { parseProjectConfig } from './project-config-parse';
import { DocumentSettings } from './settings';
import { OnceLogger } from './once-logger';
import { isFileUri, uriToPath } from './uri';
import { locator, WorkspaceModules } from './workspace-modules';

/** Terraform files whose change on disk can change the findings of an open document of their module. */
const MODULE_FILE_GLOBS = ['**/*.tf', '**/*.tf.json', '**/*.tfvars', '**/*.tfvars.json'];

/** Wires one connection: all state lives in this closure, none in module globals. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = new OnceLogger(connection.console);
  let support: ClientSupport | undefined;
  /** The `portwarden` section a client without workspace/configuration pushed with didChangeConfiguration. */
  let pushedSettings: unknown;

  // Deferred so that missing wasm files reject here (logged, every lint fails gracefully) rather than crash the process.
  const engineReady = Promise.resolve().then(() => initEngine(loadEngineAssets()));
  engineReady.catch((error: unknown) => log.error('Loading the Terraform grammar failed; nothing can be linted', error));

  const projectConfigs = new ProjectConfigs(parseProjectConfig);
  const settings = new DocumentSettings({
    editor: async (uri) => {
      if (!support?.configurationPull) return pushedSettings;
      return connection.workspace.getConfiguration({ scopeUri: uri, section: 'portwarden' });
    },
    project: async (uri) => {
      const config = await projectConfigs.find(uri);
      for (const problem of config?.problems ?? []) log.warnOnce(problem);
      return config;
    },
  });

  const linted = new LintedDocuments(documents, {
    settings,
    engineReady,
    get lintDelayMs() {
      return support?.lintDelayMs ?? 0;
    },
    today: () => localToday(),
    published: (snapshot) => publish(snapshot),
    cleared: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
    logError: (message, error) => log.error(message, error),
    moduleContext: (uri) => modules?.contextFor(uri) ?? Promise.resolve(undefined),
  });
  /** Terraform module files of the workspace, known once the client has named its folders. */
  let modules: WorkspaceModules | undefined;

  function publish(snapshot: LintSnapshot): void {
    for (const problem of snapshot.result.internalErrors) {
      log.errorOnce(`Internal error in ${problem.checkId} on ${snapshot.uri}: ${problem.message}`, problem.stack);
    }
    const locate = locator(snapshot.module);
    const diagnostics = snapshot.result.findings.map((finding) => toDiagnostic(finding, snapshot.uri, snapshot.lines, clientSupport(), locate));
    for (const note of snapshot.result.notes ?? []) diagnostics.push(noteDiagnostic(note, snapshot.lines));
    void connection.sendDiagnostics({ uri: snapshot.uri, version: snapshot.version, diagnostics });
  }

  function clientSupport(): ClientSupport {
    if (!support) throw new Error('the client has not sent initialize yet');
    return support;
  }

  function relintEverything(): void {
    settings.clear();
    linted.lintAllNow();
  }

  connection.onInitialize((params): InitializeResult => {
    support = readClientSupport(params);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    modules = new WorkspaceModules(folders.filter(isFileUri).map(uriToPath));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'Port Warden' },
    };
  });

  connection.onInitialized(() => {
    const current = clientSupport();
    if (current.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'portwarden' });
    if (current.dynamicFileWatchers) {
      const watchers = [`**/${CONFIG_FILE_NAME}`, ...MODULE_FILE_GLOBS].map((globPattern) => ({ globPattern }));
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    if (!support?.configurationPull) {
      const pushed: unknown = params.settings;
      pushedSettings = typeof pushed === 'object' && pushed !== null && 'portwarden' in pushed ? pushed.portwarden : undefined;
    }
    relintEverything();
  });

  connection.onDidChangeWatchedFiles((params) => {
    void modules?.changedOnDisk(params.changes.map((change) => change.uri)).then((paths) => {
      for (const path of paths) linted.scheduleDependents(path);
    });
    if (!params.changes.some((change) => isConfigFileUri(change.uri))) return;
    projectConfigs.forget();
    relintEverything();
  });

  documents.onDidChangeContent(({ document }) => {
    const modulePath = modules?.edited(document.uri, document.getText());
    linted.scheduleLint(document.uri);
    // Other open files of the module (or its callers and children) may use what changed.
    if (modulePath !== undefined) linted.scheduleDependents(modulePath);
  });
  documents.onDidClose(({ document }) => {
    const modulePath = modules?.closed(document.uri);
    linted.close(document.uri);
    // Closing without saving puts the file's text on disk back in force.
    if (modulePath !== undefined) linted.scheduleDependents(modulePath);
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    try {
      const snapshot = await linted.current(params.textDocument.uri);
      if (!snapshot) return [];
      const only = params.context.only;
      const actions = isWanted(CodeActionKind.QuickFix, only) ? quickFixes(snapshot, params.range, clientSupport()) : [];
      if (isWanted(FIX_ALL_KIND, only)) {
        const fixAll = fixAllAction(snapshot, linted.relinter(snapshot), clientSupport());
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    } catch (error) {
      log.error(`Code actions for ${params.textDocument.uri} failed`, error);
      return [];
    }
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    try {
      const snapshot = await linted.current(params.textDocument.uri);
      if (!snapshot) return null;
      const description = describeAt(snapshot, snapshot.lines.offsetAt(params.position));
      if (!description) return null;
      const markdown = clientSupport().markdownHover;
      return {
        contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: description.paragraphs.join(markdown ? '\n\n---\n\n' : '\n\n') },
        range: { start: snapshot.lines.positionAt(description.span.start), end: snapshot.lines.positionAt(description.span.end) },
      };
    } catch (error) {
      log.error(`Hover on ${params.textDocument.uri} failed`, error);
      return null;
    }
  });

  connection.onRequest(NARROW_PORTS_REQUEST, async (params: NarrowPortsParams): Promise<NarrowPortsResult> => {
    try {
      return narrowPorts(params, await linted.current(params.target.uri), clientSupport());
    } catch (error) {
      log.error('Narrowing a port range failed', error);
      return { error: 'Port Warden could not rewrite the ports; see its output for details.' };
    }
  });

  connection.onRequest(LINT_FILES_REQUEST, async (params: LintFilesParams): Promise<LintFilesResult> => {
    await engineReady;
    return lintFiles(params, {
      isOpen: (uri) => documents.get(uri) !== undefined,
      settings: (uri) => settings.get(uri),
      today: () => localToday(),
      moduleContext: (uri) => modules?.contextFor(uri) ?? Promise.resolve(undefined),
      publish: (uri, lines, findings) => {
        void connection.sendDiagnostics({ uri, diagnostics: findings.map((finding) => toDiagnostic(finding, uri, lines, clientSupport())) });
      },
    });
  });

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    try {
      const snapshot = await linted.current(params.textDocument.uri);
      return snapshot ? codeLenses(snapshot, localToday(), clientSupport()) : [];
    } catch (error) {
      log.error(`Code lenses for ${params.textDocument.uri} failed`, error);
      return [];
    }
  });

  connection.onRequest(EXPOSURES_REQUEST, async (params: ExposuresParams): Promise<ExposuresResult> => {
    await engineReady;
    return listExposures(params, {
      current: (uri) => linted.current(uri),
      settings: (uri) => settings.get(uri),
      today: () => localToday(),
      moduleContext: (uri) => modules?.contextFor(uri) ?? Promise.resolve(undefined),
    });
  });

  connection.onShutdown(() => linted.dispose());

  documents.listen(connection);
  connection.listen();
}

startServer(createConnection(ProposedFeatures.all));
