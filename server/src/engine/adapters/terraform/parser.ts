import { Language, Parser, type Tree } from 'web-tree-sitter';

/** The wasm files the Terraform adapter needs; the front ends read them, the engine never touches disk. */
export interface TerraformAssets {
  /** web-tree-sitter's own runtime, `tree-sitter.wasm`. */
  readonly runtimeWasm: Uint8Array;
  /** `tree-sitter-terraform.wasm` from @tree-sitter-grammars/tree-sitter-hcl. */
  readonly grammarWasm: Uint8Array;
}

let parser: Parser | undefined;
let initializing: Promise<void> | undefined;

/** Loads the grammar once per process; later calls return at once. */
export function initTerraformParser(assets: TerraformAssets): Promise<void> {
  initializing ??= (async () => {
    await Parser.init({ wasmBinary: assets.runtimeWasm });
    const language = await Language.load(assets.grammarWasm);
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
  })();
  return initializing;
}

/** Parses HCL; pass the previous tree (already edited) to reparse incrementally. */
export function parseHcl(text: string, previous?: Tree): Tree {
  if (!parser) throw new Error('The Terraform parser is not initialised: call initEngine() first.');
  const tree = parser.parse(text, previous ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
