import type { Span } from '../../../model/span';
import { collectSyntaxErrors, readTopLevelAttributes, type HclAttribute, type HclBlock } from '../hcl';
import { parseDocument } from '../incremental';
import { parseHcl } from '../parser';
import { readJsonConfig, readJsonVariables } from './json-config';

export type ConfigKind = 'configuration' | 'variables';

/** One file of a module as the evaluator reads it: blocks of a `.tf`, values of a `.tfvars`. */
export class ConfigFile {
  constructor(
    readonly path: string,
    readonly text: string,
    readonly kind: ConfigKind,
    readonly blocks: readonly HclBlock[],
    readonly attributes: ReadonlyMap<string, HclAttribute>,
    /** A variables file with a syntax error: a value it was meant to set may be missing. */
    readonly isBroken = false,
    /** Where an HCL configuration file has syntax errors, for when it is also the linted document. */
    readonly syntaxErrors: readonly Span[] = [],
  ) {}

  /** Whether the file calls any module: only such files are searched for a module's callers. */
  get hasModuleCalls(): boolean {
    this.callsModules ??= this.blocks.some((block) => block.type === 'module');
    return this.callsModules;
  }

  private callsModules: boolean | undefined;
}

/** `.tf`, `.tf.json`: part of the module's configuration. */
export function isConfigurationFile(path: string): boolean {
  return /\.tf(\.json)?$/i.test(path);
}

export function isVariablesFile(path: string): boolean {
  return /\.tfvars(\.json)?$/i.test(path);
}

/** Reads any module file; a file of another kind yields nothing. Never throws on bad syntax. */
export function readConfigFile(path: string, text: string): ConfigFile {
  const isJson = /\.json$/i.test(path);
  if (isVariablesFile(path)) {
    const { attributes, isBroken } = isJson ? readJsonVariables(text) : readHclVariables(text);
    return new ConfigFile(path, text, 'variables', [], attributes, isBroken);
  }
  if (isConfigurationFile(path)) {
    if (isJson) return new ConfigFile(path, text, 'configuration', readJsonConfig(text), new Map());
    const { blocks, syntaxErrors } = parseDocument(text);
    return new ConfigFile(path, text, 'configuration', blocks, new Map(), false, syntaxErrors);
  }
  return new ConfigFile(path, text, 'configuration', [], new Map());
}

function readHclVariables(text: string): { attributes: Map<string, HclAttribute>; isBroken: boolean } {
  const tree = parseHcl(text);
  try {
    return { attributes: readTopLevelAttributes(tree.rootNode), isBroken: collectSyntaxErrors(tree.rootNode).length > 0 };
  } finally {
    tree.delete();
  }
}

/** A file that belongs to a Terraform module's evaluation: configuration or variable values. */
export function isModuleFile(path: string): boolean {
  return isConfigurationFile(path) || isVariablesFile(path);
}
