// Times didChange -> publishDiagnostics on the built language server (dist/server.js, over stdio)
// for a 5,000-line Terraform file and a 5,000-line Kubernetes YAML file, edited one character at a time. A benchmark, not a test:
// it prints figures for the README and fails only if the server does not answer.
//   node scripts/bench-lsp.mjs [--edits 60] [--lines 5000]
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { kubernetesFile, terraformFile } from './bench/generate.mjs';
import { protocol, startServer } from './bench/lsp-session.mjs';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const EDITS = argument('edits', 60);
const WARMUP = 5;
const LINES = argument('lines', 5000);

const text = terraformFile(root, LINES);
const nodeOptions = process.env.BENCH_SERVER_NODE_OPTIONS ? process.env.BENCH_SERVER_NODE_OPTIONS.split(' ') : [];
const { child, connection, published } = await startServer(root, nodeOptions);

/**
 * Opens `text`, then times one-character edits at `targets` (an insert, then the delete that undoes
 * it, so the findings stay the same), and bursts of ten inserts that the server merges.
 */
async function measure(label, uri, languageId, text, targets) {
  let version = 1;
  let started = performance.now();
  const opened = published(version);
  await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  const first = await opened;
  const openMs = performance.now() - started;
  const times = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    const target = targets[Math.floor(((i >> 1) * 7919) % targets.length)];
    const position = { line: target.index, character: target.column };
    const change = i % 2 === 0
      ? { range: { start: position, end: position }, text: 'x' }
      : { range: { start: position, end: { line: target.index, character: target.column + 1 } }, text: '' };
    version++;
    const done = published(version);
    started = performance.now();
    await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    await done;
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  // A burst: ten one-character inserts sent back to back, as a fast typist or a macro would; the
  // server merges them and publishes once, a debounce delay after the last.
  const bursts = [];
  for (let round = 0; round < 10; round++) {
    const target = targets[(round * 104729) % targets.length];
    let last;
    for (let i = 0; i < 10; i++) {
      const position = { line: target.index, character: target.column };
      version++;
      if (i === 9) last = published(version);
      started = performance.now();
      await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: 'y' }] });
    }
    await last;
    bursts.push(performance.now() - started);
  }
  bursts.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const at = (fraction) => times[Math.min(times.length - 1, Math.floor(fraction * times.length))].toFixed(1);
  console.log(`${label}, ${text.split('\n').length - 1} lines (${(text.length / 1024).toFixed(0)} KiB), ${first.diagnostics.length} findings`);
  console.log(`  open -> diagnostics (cold, full parse):        ${openMs.toFixed(1)} ms`);
  console.log(`  didChange -> publishDiagnostics over ${EDITS} edits: median ${at(0.5)} ms, p90 ${at(0.9)} ms, min ${times[0].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
  console.log(`  a burst of 10 changes -> one publishDiagnostics, from the last change: median ${bursts[5].toFixed(1)} ms (20 ms debounce included)`);
}

// Terraform: one-character edits inside `description = "..."` strings spread over the file.
const tfLines = text.split('\n');
const tfTargets = tfLines.map((line, index) => ({ index, column: line.indexOf('description') === -1 ? -1 : line.indexOf('"') + 1 })).filter((target) => target.column > 0);
await measure('Terraform', 'file:///bench/main.tf', 'terraform', text, tfTargets);

// Kubernetes: the bad examples' documents, repeated with renamed objects; edits at the end of `name:` values.
const k8s = kubernetesFile(root, LINES);
const k8sTargets = k8s.split('\n').map((line, index) => ({ index, column: /^\s+name: \S+$/.test(line) ? line.length : -1 })).filter((target) => target.column > 0);
await measure('Kubernetes YAML', 'file:///bench/manifests.yaml', 'yaml', k8s, k8sTargets);

const exited = new Promise((resolve) => child.once('exit', resolve));
await connection.sendRequest(protocol.ShutdownRequest.type);
await connection.sendNotification(protocol.ExitNotification.type);
const timer = setTimeout(() => child.kill(), 5000);
await exited;
clearTimeout(timer);
connection.dispose();
