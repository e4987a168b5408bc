import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
await Parser.init({ wasmBinary: readFileSync('node_modules/web-tree-sitter/tree-sitter.wasm') });
const lang = await Language.load(readFileSync('node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
const p = new Parser(); p.setLanguage(lang);
const src = process.argv[2];
const tree = p.parse(src);
function show(n, d) { const kids = n.children; console.log('  '.repeat(d) + (n.isNamed ? n.type : JSON.stringify(n.type)) + ` [${n.startIndex},${n.endIndex}]` + (n.childCount===0 ? ' ' + JSON.stringify(n.text) : '')); for (const c of kids) show(c, d+1); }
show(tree.rootNode, 0);
