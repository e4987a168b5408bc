import type { Span } from '../../../model/span';
import type { HclAttribute, HclBlock } from '../hcl';
import type { ConfigFile } from './config-file';
import { isLocalSource, resolveFrom } from '../../../paths';

/** Arguments of a module block that Terraform keeps for itself; the rest are the child's variables. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** A `module "name" { source = "./x" ... }` block. */
export interface ModuleCall {
  readonly name: string;
  readonly file: ConfigFile;
  readonly block: HclBlock;
  /** The child's directory when the source is local, else undefined (a registry or git module). */
  readonly directory: string | undefined;
  readonly arguments: ReadonlyMap<string, HclAttribute>;
}

export interface Definition<T> {
  readonly file: ConfigFile;
  readonly node: T;
}

/**
 * The static content of one module directory: what its files declare, before any evaluation.
 * A name declared twice keeps its first declaration (Terraform rejects the module anyway).
 */
export class Module {
  readonly variables = new Map<string, Definition<HclBlock>>();
  readonly locals = new Map<string, Definition<HclAttribute>>();
  readonly calls = new Map<string, ModuleCall>();
  readonly outputs = new Map<string, Definition<HclAttribute>>();
  readonly resources: Definition<HclBlock>[] = [];
  /** Automatic variable files, in the order Terraform applies them (later wins). */
  readonly variableFiles: ConfigFile[] = [];

  constructor(readonly directory: string, readonly files: readonly ConfigFile[]) {
    for (const file of files) {
      if (file.kind === 'variables') {
        this.variableFiles.push(file);
        continue;
      }
      for (const block of file.blocks) this.declare(file, block);
    }
    this.variableFiles.sort((a, b) => variableFileRank(a.path) - variableFileRank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private declare(file: ConfigFile, block: HclBlock): void {
    const name = block.labels[0]?.value;
    // A block with a syntax error could declare anything; what it declares is not used.
    if (block.hasError) return;
    switch (block.type) {
      case 'variable':
        if (name !== undefined && !this.variables.has(name)) this.variables.set(name, { file, node: block });
        break;
      case 'locals':
        for (const attribute of block.attributes.values()) if (!this.locals.has(attribute.name)) this.locals.set(attribute.name, { file, node: attribute });
        break;
      case 'output': {
        const value = block.attributes.get('value');
        if (name !== undefined && value && !this.outputs.has(name)) this.outputs.set(name, { file, node: value });
        break;
      }
      case 'module':
        if (name !== undefined && !this.calls.has(name)) this.calls.set(name, moduleCall(name, file, block, this.directory));
        break;
      case 'resource':
        if (block.labels.length >= 2) this.resources.push({ file, node: block });
        break;
    }
  }
}

/** terraform.tfvars, then terraform.tfvars.json, then the *.auto.tfvars files by name. */
function variableFileRank(path: string): number {
  if (/(^|[\\/])terraform\.tfvars$/i.test(path)) return 0;
  if (/(^|[\\/])terraform\.tfvars\.json$/i.test(path)) return 1;
  return 2;
}

function moduleCall(name: string, file: ConfigFile, block: HclBlock, directory: string): ModuleCall {
  const source = block.attributes.get('source')?.value;
  const local = source?.kind === 'string' && isLocalSource(source.value) ? resolveFrom(directory, source.value) : undefined;
  const args = new Map([...block.attributes].filter(([argument]) => !META_ARGUMENTS.has(argument)));
  return { name, file, block, directory: local, arguments: args };
}

/** The `source` value's span, where a cycle is reported. */
export function sourceSpan(call: ModuleCall): Span {
  return call.block.attributes.get('source')?.value.outer ?? call.block.headerSpan;
}
