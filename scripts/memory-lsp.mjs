// Measures the memory of the built language server (dist/server.js, over stdio) while a Terraform
// document is edited 10,000 times, a character at a time, the way typing does: the server keeps a
// parse cache per open document, and this shows it holds no more after 10,000 edits than after the
// first few hundred. A measurement, not a timed test: it prints the figures and exits 1 only when
// the growth after warm-up exceeds the bound (or the server stops answering).
//   node scripts/memory-lsp.mjs [--edits 10000] [--bound-mb 64]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { protocol, startServer } from './bench/lsp-session.mjs';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const EDITS = argument('edits', 10_000);
const BOUND_MB = argument('bound-mb', 64);
/** Edits before the baseline: the parser's wasm heap and V8's heap settle during the first few hundred. */
const WARMUP = Math.min(500, Math.floor(EDITS / 10));
/** A lint every this many edits: each batch is sent at once and its last version waited for. */
const BATCH = 10;

/** Resident and peak memory of a process in MB, from /proc (Linux); undefined elsewhere. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return undefined;
  }
}

const examples = join(root, 'examples', 'terraform', 'bad');
const text = readFileSync(join(examples, 'aws.tf'), 'utf8');
const lines = text.split('\n');
// Typing happens in one attribute value: `description = "..."` grows by a character, then shrinks.
const line = lines.findIndex((candidate) => /^\s+description\s+=\s+"/.test(candidate));
if (line === -1) throw new Error('examples/terraform/bad/aws.tf has no description line to type into');
const column = lines[line].lastIndexOf('"');

const { child, connection, published } = await startServer(root);

const uri = 'file:///memory/aws.tf';
let version = 1;
const opened = published(1);
await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'terraform', version, text } });
await opened;
const atOpen = memoryOf(child.pid);

let typed = 0;
let baseline;
const samples = [];
const started = Date.now();
for (let edit = 1; edit <= EDITS; edit++) {
  // Type 20 characters, delete them, again: the text stays the size of the example.
  const typing = Math.floor((edit - 1) / 20) % 2 === 0;
  const change = typing
    ? { range: { start: { line, character: column + typed }, end: { line, character: column + typed } }, text: 'x' }
    : { range: { start: { line, character: column + typed - 1 }, end: { line, character: column + typed } }, text: '' };
  typed += typing ? 1 : -1;
  version++;
  const last = edit % BATCH === 0 || edit === EDITS;
  const wait = last ? published(version) : undefined;
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
  if (wait) await wait;
  if (edit === WARMUP) baseline = memoryOf(child.pid);
  if (edit % 1000 === 0 || edit === EDITS) samples.push({ edit, ...memoryOf(child.pid) });
}
const seconds = (Date.now() - started) / 1000;
await connection.sendRequest(protocol.ShutdownRequest.type);
await connection.sendNotification(protocol.ExitNotification.type);
connection.dispose();
child.kill();

if (!atOpen || !baseline) {
  console.log(`${EDITS} edits in ${seconds.toFixed(1)} s; memory cannot be read on this platform (no /proc).`);
  process.exit(0);
}
const mb = (value) => `${value.toFixed(1)} MB`;
console.log(`Language server memory over ${EDITS.toLocaleString('en-US')} edits of examples/terraform/bad/aws.tf (a lint every ${BATCH} edits; ${seconds.toFixed(1)} s):`);
console.log(`  after open:          RSS ${mb(atOpen.rss)}`);
console.log(`  after ${String(WARMUP).padEnd(5)} edits:   RSS ${mb(baseline.rss)} (baseline)`);
for (const sample of samples) console.log(`  after ${String(sample.edit).padEnd(5)} edits:   RSS ${mb(sample.rss)}`);
const final = samples.at(-1);
const growth = final.rss - baseline.rss;
console.log(`  peak RSS ${mb(final.peak)}; growth after warm-up ${mb(growth)} (bound ${BOUND_MB} MB)`);
if (growth > BOUND_MB) {
  console.error(`memory grew by ${mb(growth)} after warm-up, more than the ${BOUND_MB} MB bound: a leak?`);
  process.exit(1);
}
