// The built language server (dist/server.js) over stdio, for the scripts that measure it
// (bench-lsp.mjs, memory-lsp.mjs): started, initialized, with a wait for a version's diagnostics.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
export const protocol = require('vscode-languageserver-protocol/node');

/** Exits with a message when the bundle is missing: the scripts measure the shipped server. */
export async function startServer(root, nodeOptions = []) {
  const server = join(root, 'dist', 'server.js');
  if (!existsSync(server)) {
    console.error('dist/server.js is missing: run `npm run build` first.');
    process.exit(1);
  }
  const child = spawn(process.execPath, [...nodeOptions, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params);
    }
  });
  connection.onRequest(protocol.ConfigurationRequest.type, (params) => params.items.map(() => null));
  connection.onRequest(protocol.RegistrationRequest.type, () => null);
  connection.listen();
  await connection.sendRequest(protocol.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } } },
  });
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  /** Resolves with the diagnostics published for `version`; rejects after 30 s. */
  const published = (version) => new Promise((resolve, reject) => {
    waiting.set(version, resolve);
    setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 30 s`)), 30_000).unref();
  });
  return { child, connection, published };
}
