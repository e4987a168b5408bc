import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EngineAssets } from '../engine/index';

/**
 * Finds the wasm files: beside the bundle in dist/ (the shipped extension and CLI), else in
 * node_modules (tests run from out/).
 */
export function loadEngineAssets(): EngineAssets {
  return {
    runtimeWasm: readFileSync(locate('tree-sitter.wasm', () => join(dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'))),
    grammarWasm: readFileSync(locate('tree-sitter-terraform.wasm', () => join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm'))),
  };
}

function locate(fileName: string, fromPackage: () => string): string {
  const besideBundle = join(__dirname, fileName);
  if (existsSync(besideBundle)) return besideBundle;
  return fromPackage();
}
