// Port Warden side by side: parse-only passes (web-tree-sitter with our grammar, HashiCorp's HCL
// parser as wasm through @cdktf/hcl2json, the yaml package), our full lint in process and as a
// whole CLI process with its peak memory, and, when installed, Checkov, Trivy and kube-linter as
// whole processes, on the real-world corpus and on generated 5,000-line Terraform and Kubernetes
// files. Prints the figures, checks them against the targets of issue 7, compares the port and
// network findings with each peer's, and writes docs/benchmarks.md (between its markers) and
// docs/benchmarks.svg. A benchmark, not a test: it fails only when it cannot run.
//   npm run bench -- [--corpus DIR] [--runs 3] [--peer-runs 1] [--lines 5000] [--no-peers]
//                    [--peers checkov,trivy,kube-linter] [--peer-timeout 1800] [--out docs]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleRunCli } from './bench/bundle.mjs';
import { compare, ourFindings, PEER_PORT_CHECKS, peerPortFindings } from './bench/differential.mjs';
import { kubernetesFile, terraformFile } from './bench/generate.mjs';
import { measure, median, memorySource } from './bench/measure.mjs';
import { checkovUnreadable, peers, versionOf } from './bench/peers.mjs';
import { BEGIN_MARKER, END_MARKER, renderMarkdown, renderSvg, seconds } from './bench/report.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const { values: options } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus', 'realworld') },
    runs: { type: 'string', default: '3' },
    'peer-runs': { type: 'string', default: '1' },
    lines: { type: 'string', default: '5000' },
    'no-peers': { type: 'boolean', default: false },
    peers: { type: 'string', default: peers.map((peer) => peer.id).join(',') },
    'peer-timeout': { type: 'string', default: '1800' },
    out: { type: 'string', default: join(root, 'docs') },
  },
});
const RUNS = Number(options.runs);
const PEER_RUNS = Number(options['peer-runs']);
const LINES = Number(options.lines);
const corpus = resolve(options.corpus);
const cli = join(root, 'dist', 'cli.js');
const node = process.execPath;

if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
  console.error(`bench: the corpus folder ${corpus} does not exist. Pass --corpus <folder> (by default ../shared/corpus/realworld beside the repository).`);
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing: run `npm run build` first (`npm run bench` does).');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'portwarden-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
mkdirSync(join(scratch, 'bundle'));
const bundle = await bundleRunCli(root, join(scratch, 'bundle'));
const { findAdapter } = require(bundle);

/** Every file under a folder, sorted, without the folders a linter never enters. */
function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return ['node_modules', '.git', '.terraform'].includes(entry.name) ? [] : filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** The format Port Warden reads a file as (undefined: not linted), decided as the CLI decides. */
function formatOf(path) {
  if (!/\.(tf|tfvars|ya?ml|json|template)$/i.test(path)) return undefined;
  return findAdapter(path, readFileSync(path, 'utf8'))?.id;
}

function listFile(name, paths) {
  const path = join(scratch, `${name}.txt`);
  writeFileSync(path, `${paths.join('\n')}\n`);
  return path;
}

function workload(id, label, folder, description) {
  const files = filesUnder(folder);
  const formats = new Map(files.map((path) => [path, formatOf(path)]));
  const hcl = files.filter((path) => /\.(tf|tfvars)$/i.test(path));
  const yaml = files.filter((path) => ['kubernetes', 'compose'].includes(formats.get(path)) || (formats.get(path) === 'cloudformation' && !path.endsWith('.json')));
  return { id, label, folder, description, formats, hcl, yaml, rows: [] };
}

const generated = join(scratch, 'generated');
mkdirSync(join(generated, 'terraform'), { recursive: true });
mkdirSync(join(generated, 'kubernetes'), { recursive: true });
writeFileSync(join(generated, 'terraform', 'main.tf'), terraformFile(root, LINES));
writeFileSync(join(generated, 'kubernetes', 'manifests.yaml'), kubernetesFile(root, LINES));

const defaultCorpus = corpus === resolve(root, '..', 'shared', 'corpus', 'realworld');
const corpusWorkload = workload('corpus', defaultCorpus ? 'Real-world corpus' : `Corpus ${corpus}`, corpus, '');
const counts = {};
for (const format of corpusWorkload.formats.values()) if (format) counts[format] = (counts[format] ?? 0) + 1;
corpusWorkload.description = `${corpus.replace(`${resolve(root, '..')}/`, '../')}: ${corpusWorkload.formats.size} files, ${[...corpusWorkload.formats.values()].filter(Boolean).length} of them in a format Port Warden reads (${Object.entries(counts).map(([format, count]) => `${count} ${format}`).join(', ')}); ${corpusWorkload.hcl.length} Terraform files for the HCL parsers.`;
const workloads = [
  corpusWorkload,
  workload('terraform', `Terraform, ${LINES.toLocaleString('en')} lines`, join(generated, 'terraform'), `One generated file: the bad Terraform examples of every provider, repeated with renamed resources (${(statSync(join(generated, 'terraform', 'main.tf')).size / 1024).toFixed(0)} KiB).`),
  workload('kubernetes', `Kubernetes, ${LINES.toLocaleString('en')} lines`, join(generated, 'kubernetes'), `One generated file: every document of the bad Kubernetes examples, repeated with renamed objects (${(statSync(join(generated, 'kubernetes', 'manifests.yaml')).size / 1024).toFixed(0)} KiB).`),
];

const say = (line) => console.log(line);
const loadAtStart = loadavg()[0];
say(`bench: ${RUNS} runs each, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} at the start`);

/** A parse-only pass as a whole process; its own report gives the time of the parse calls alone. */
async function parsePass(target, mode, label, paths) {
  if (paths.length === 0) return;
  const result = await measure(node, [join(root, 'scripts', 'bench', 'parse-pass.mjs'), mode, listFile(`${target.id}-${mode}`, paths)], { isNode: true }, RUNS);
  const { failed, parseMs } = JSON.parse(result.last.stdout);
  target.rows.push({ label, kind: 'parser', wallMs: result.ms, cpuMs: result.cpuMs, workMs: parseMs, maxRssKb: result.maxRssKb, note: `${paths.length} file${paths.length === 1 ? '' : 's'}${failed > 0 ? `, ${failed} with syntax errors` : ''}` });
  say(`  ${label}: ${seconds(result.ms)} whole process, ${seconds(parseMs)} parsing`);
}

async function inProcessLint(target) {
  const result = await measure(node, [join(root, 'scripts', 'bench', 'lint-pass.mjs'), bundle, String(RUNS + 1), target.folder], { isNode: true }, 1);
  if (result.last.code !== 0) throw new Error(`the in-process lint failed: ${result.last.stderr}`);
  const report = JSON.parse(result.last.stdout);
  const [cold, ...warm] = report.runsMs;
  if (report.exitCode > 1) say(`  note: the in-process lint exited ${report.exitCode} (an unreadable file or an internal error)`);
  target.rows.push({ label: 'Port Warden lint, in process', kind: 'ours', workMs: median(warm), note: `first (cold) run ${seconds(cold)}; ${report.findings} findings in ${report.files} file${report.files === 1 ? '' : 's'}` });
  say(`  Port Warden lint in process: ${seconds(median(warm))} warm, ${seconds(cold)} cold`);
}

async function wholeCli(target) {
  const output = join(scratch, `${target.id}-portwarden.json`);
  const result = await measure(node, [cli, '--format', 'json', '--output-file', output, target.folder], { isNode: true }, RUNS);
  if (result.last.code > 1) say(`  note: the CLI exited ${result.last.code}: ${result.last.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const findings = report.reduce((sum, file) => sum + file.findings.length, 0);
  target.rows.push({ label: 'Port Warden CLI (node dist/cli.js)', kind: 'ours', wallMs: result.ms, cpuMs: result.cpuMs, maxRssKb: result.maxRssKb, note: `${findings} findings; runs ${result.times.map(seconds).join(', ')}` });
  target.report = report;
  say(`  Port Warden CLI: ${seconds(result.ms)} whole process, peak ${result.maxRssKb === undefined ? 'n/a' : `${(result.maxRssKb / 1024).toFixed(0)} MB`}`);
  // The default run lints on threads once a run has 200 files; one thread shows what they gain.
  const alone = await measure(node, [cli, '--jobs', '1', '--format', 'json', '--output-file', output, target.folder], { isNode: true }, RUNS);
  target.rows.push({ label: 'Port Warden CLI, one thread (--jobs 1)', kind: 'ours', wallMs: alone.ms, cpuMs: alone.cpuMs, maxRssKb: alone.maxRssKb, note: `runs ${alone.times.map(seconds).join(', ')}` });
  say(`  Port Warden CLI, one thread: ${seconds(alone.ms)} whole process`);
}

const wanted = peers.filter((peer) => !options['no-peers'] && options.peers.split(',').includes(peer.id));
const skipped = [];
const located = new Map();
/**
 * The peer with its executable and version, or undefined when it is not installed. Looked for when
 * its turn comes (and again at each input until found), so that a long run started while a peer
 * was still being built uses it once it is there.
 */
function locate(peer) {
  if (located.has(peer.id)) return located.get(peer.id);
  const executable = peer.find();
  if (!executable) return undefined;
  const found = { ...peer, executable, version: versionOf(executable, peer.versionArgs) };
  located.set(peer.id, found);
  return found;
}
const checkovSkips = wanted.some((peer) => peer.id === 'checkov') ? checkovUnreadable(corpus) : [];

/** Which of our files a peer reads, by Port Warden's own reading of the file's format. */
const PEER_FORMATS = { checkov: ['terraform', 'cloudformation', 'kubernetes'], trivy: ['terraform', 'cloudformation', 'kubernetes'], 'kube-linter': ['kubernetes'] };

async function peerPass(target, peer) {
  if (!target.formats.size || ![...target.formats.values()].some((format) => PEER_FORMATS[peer.id].includes(format))) return;
  const output = join(scratch, `${target.id}-${peer.id}.json`);
  const cacheDir = join(scratch, `${peer.id}-cache`);
  const args = peer.args({ corpus: target.folder, output, cacheDir, skipped: target.id === 'corpus' && peer.id === 'checkov' ? checkovSkips : [] });
  const result = await measure(peer.executable, args, { timeoutMs: Number(options['peer-timeout']) * 1000 }, PEER_RUNS);
  let findings;
  try {
    findings = peer.read({ stdout: result.last.stdout, output, corpus: target.folder });
  } catch (error) {
    const line = `${peer.name} on ${target.label} gave no report it could read (exit ${result.last.code}, ${seconds(result.ms)}): ${String(error).slice(0, 200)}; ${result.last.stderr.trim().split('\n').slice(-2).join(' / ')}`;
    skipped.push(line);
    say(`  ${line}`);
    return;
  }
  target.rows.push({ label: `${peer.name} (${peer.version})`, kind: 'peer', wallMs: result.ms, cpuMs: result.cpuMs, maxRssKb: result.maxRssKb, note: `${findings.length} failed checks, ${peerPortFindings(peer.id, findings).length} of them about ports` });
  say(`  ${peer.name}: ${seconds(result.ms)} whole process, ${findings.length} failed checks`);
  return findings;
}

const differentials = [];
for (const target of workloads) {
  say(`bench: ${target.label}`);
  await parsePass(target, 'tree-sitter', 'web-tree-sitter parse only', target.hcl);
  await parsePass(target, 'hcl2json', '@cdktf/hcl2json parse only', target.hcl);
  await parsePass(target, 'yaml', 'yaml parse only', target.id === 'corpus' ? [] : target.yaml);
  await inProcessLint(target);
  await wholeCli(target);
  for (const wantedPeer of wanted) {
    const peer = locate(wantedPeer);
    if (!peer) {
      say(`  ${wantedPeer.name} is not installed: skipped`);
      continue;
    }
    const findings = await peerPass(target, peer);
    if (!findings || target.id !== 'corpus') continue;
    const skippedFiles = new Set(peer.id === 'checkov' ? checkovSkips : []);
    const reads = (path) => PEER_FORMATS[peer.id].includes(target.formats.get(path)) && !skippedFiles.has(path);
    const diff = compare(ourFindings(target.report), peerPortFindings(peer.id, findings), reads);
    differentials.push({ name: peer.name, describe: PEER_PORT_CHECKS[peer.id], ...diff });
    say(`  ${peer.name} vs Port Warden on ports: both ${diff.bothThem}/${diff.bothUs}, only us ${diff.onlyUs.length}, only them ${diff.onlyThem.length}`);
  }
}

for (const peer of wanted) if (!located.has(peer.id)) skipped.push(`${peer.name} is not installed: skipped (${peer.install}).`);
const checkov = located.get('checkov');
if (checkov && checkovSkips.length > 0) skipped.push(`Checkov was run without ${checkovSkips.length} CloudFormation templates whose resources have a non-string Type (Rain modules), on which Checkov ${checkov.version} crashes and then hangs: ${checkovSkips.map((path) => path.slice(corpus.length + 1)).join(', ')}.`);

const rowOf = (label) => corpusWorkload.rows.find((row) => row.label.startsWith(label));
const ours = rowOf('Port Warden CLI');
/** A target on whole-process wall time; CPU time is shown beside it, since other load inflates wall time. */
const target = (label, otherLabel, test, show) => {
  const other = rowOf(otherLabel);
  if (!other) return { label, measured: 'not measured', met: undefined };
  const cpu = ours.cpuMs !== undefined && other.cpuMs !== undefined ? ` (CPU ${seconds(ours.cpuMs)} vs ${seconds(other.cpuMs)}: ${show(ours.cpuMs, other.cpuMs)})` : '';
  return { label, measured: `${seconds(ours.wallMs)} vs ${seconds(other.wallMs)}: ${show(ours.wallMs, other.wallMs)}${cpu}`, met: test(ours.wallMs, other.wallMs) };
};
const targets = [
  target('CLI whole process at most 2x the web-tree-sitter parse-only pass', 'web-tree-sitter', (us, ts) => us <= 2 * ts, (us, ts) => `${(us / ts).toFixed(2)}x`),
  target('CLI faster than the @cdktf/hcl2json parse-only pass', '@cdktf/hcl2json', (us, hcl) => us < hcl, (us, hcl) => `${(hcl / us).toFixed(2)}x as fast`),
  target('at least 10x faster than Trivy', 'Trivy', (us, trivy) => trivy >= 10 * us, (us, trivy) => `${(trivy / us).toFixed(1)}x as fast`),
  target('at least 100x faster than Checkov', 'Checkov', (us, checkov) => checkov >= 100 * us, (us, checkov) => `${(checkov / us).toFixed(1)}x as fast`),
];
say(`bench: targets on the ${defaultCorpus ? 'real-world corpus' : 'corpus'}`);
for (const line of targets) say(`  ${line.met === undefined ? 'not measured' : line.met ? 'met    ' : 'MISSED '} ${line.label}: ${line.measured}`);

const results = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end`,
  node: process.version,
  runs: RUNS,
  peerRuns: PEER_RUNS,
  memorySource,
  corpus,
  workloads,
  targets,
  skipped,
  differentials,
};
const markdown = renderMarkdown(results);
const docPath = join(options.out, 'benchmarks.md');
mkdirSync(options.out, { recursive: true });
const before = existsSync(docPath) ? readFileSync(docPath, 'utf8') : `# Benchmarks\n\n${BEGIN_MARKER}\n${END_MARKER}\n`;
const start = before.indexOf(BEGIN_MARKER);
const end = before.indexOf(END_MARKER);
if (start === -1 || end < start) {
  console.error(`bench: ${docPath} has no "${BEGIN_MARKER}" ... "${END_MARKER}" markers; not written.`);
  process.exit(1);
}
writeFileSync(docPath, `${before.slice(0, start)}${markdown}${before.slice(end + END_MARKER.length)}`);
writeFileSync(join(options.out, 'benchmarks.svg'), renderSvg(results));
say(`bench: wrote ${docPath} and ${join(options.out, 'benchmarks.svg')}`);
