// The generated inputs of the benchmarks (scripts/bench.mjs and scripts/bench-lsp.mjs): the bad
// examples of every format, repeated with renamed objects until a file has the wanted number of
// lines. Real-world-like content, so that every check has work to do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bad Terraform examples of every provider, repeated with renamed resources, `lines` lines long. */
export function terraformFile(root, lines) {
  const folder = join(root, 'examples', 'terraform', 'bad');
  const base = readdirSync(folder).filter((name) => name.endsWith('.tf')).sort().map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');
  const parts = [];
  let count = 0;
  for (let copy = 0; count < lines; copy++) {
    const part = base.replace(/^(resource|data)\s+"(\w+)"\s+"([\w-]+)"/gm, (_, kind, type, name) => `${kind} "${type}" "${name}_${copy}"`);
    parts.push(part);
    count += part.split('\n').length;
  }
  // Cut before the top-level block that would cross the limit, so that the file stays valid HCL
  // for every parser, and pad with comments to the exact length.
  const all = parts.join('\n').split('\n');
  let end = Math.min(lines, all.length);
  while (end > 0 && !/^[a-z_]+(\s+"[^"]*")*\s*\{/.test(all[end])) end--;
  const kept = all.slice(0, end);
  return `${[...kept, ...new Array(Math.max(0, lines - kept.length)).fill('#')].join('\n')}\n`;
}

/** Every document of the bad Kubernetes examples, repeated with renamed objects, `lines` lines long. */
export function kubernetesFile(root, lines) {
  const folder = join(root, 'examples', 'kubernetes', 'bad');
  const documents = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort()
    .flatMap((name) => readFileSync(join(folder, name), 'utf8').split(/^---$/m))
    .map((document) => document.trim())
    .filter((document) => document.length > 0);
  const parts = [];
  let count = 0;
  for (let copy = 0; count < lines; copy++) {
    for (const document of documents) {
      const part = document.replace(/^(  name: )(\S+)$/m, (_, key, name) => `${key}${name}-${copy}`);
      parts.push(part);
      count += part.split('\n').length + 1;
    }
  }
  // Cut at a document boundary so that every object stays complete.
  const all = parts.join('\n---\n').split('\n');
  let end = Math.min(lines, all.length);
  while (end > 0 && all[end - 1] !== '---') end--;
  const kept = all.slice(0, end - 1);
  return `${[...kept, ...new Array(Math.max(0, lines - kept.length)).fill('#')].join('\n')}\n`;
}
