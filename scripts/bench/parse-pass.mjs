// One parse-only pass, run by scripts/bench.mjs as a whole process of its own:
//   node scripts/bench/parse-pass.mjs tree-sitter|hcl2json|yaml <file listing the paths, one a line>
// Reads every file, parses it and throws the result away. Prints one JSON line:
// { files, failed, bytes, parseMs (the parse calls only), initMs (loading the parser) }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const [mode, listFile] = process.argv.slice(2);
const paths = readFileSync(listFile, 'utf8').split('\n').filter((line) => line.length > 0);

/** A parse function per mode, loaded the way the product (or the peer's package) loads it. */
const parsers = {
  // As server/src/node/assets.ts and adapters/terraform/parser.ts do: the wasm bytes read from the packages.
  'tree-sitter': async () => {
    const { Language, Parser } = require('web-tree-sitter');
    await Parser.init({ wasmBinary: readFileSync(join(dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm')) });
    const grammar = join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm');
    const parser = new Parser();
    parser.setLanguage(await Language.load(readFileSync(grammar)));
    return (text) => {
      const tree = parser.parse(text);
      const ok = tree !== null && !tree.rootNode.hasError;
      tree?.delete();
      return ok;
    };
  },
  // HashiCorp's HCL parser compiled to wasm: it parses and hands back the file as JSON.
  hcl2json: async () => {
    const { parse } = require('@cdktf/hcl2json');
    return async (text, path) => {
      try {
        await parse(path, text);
        return true;
      } catch {
        return false;
      }
    };
  },
  // The YAML parser the Kubernetes, CloudFormation and Compose adapters use.
  yaml: async () => {
    const { parseAllDocuments } = require('yaml');
    return (text) => {
      const parsed = parseAllDocuments(text);
      return (Array.isArray(parsed) ? parsed : [parsed]).every((document) => document.errors.length === 0);
    };
  },
};

if (!(mode in parsers)) {
  console.error(`parse-pass: unknown mode "${mode}"; expected ${Object.keys(parsers).join(', ')}`);
  process.exit(2);
}
const initStarted = performance.now();
const parse = await parsers[mode]();
// hcl2json starts its Go runtime lazily: one tiny parse so that its start-up counts as init, not parse.
if (mode === 'hcl2json') await parse('locals {}\n', 'warm-up.tf');
const initMs = performance.now() - initStarted;
let parseMs = 0;
let failed = 0;
let bytes = 0;
for (const path of paths) {
  const text = readFileSync(path, 'utf8');
  bytes += text.length;
  const started = performance.now();
  const ok = await parse(text, path);
  parseMs += performance.now() - started;
  if (!ok) failed++;
}
process.stdout.write(`${JSON.stringify({ files: paths.length, failed, bytes, parseMs, initMs })}\n`);
// The Go runtime behind hcl2json keeps the event loop alive.
process.exit(0);
