import type { NetworkRule, ParseError, SiblingRules } from '../../model/network-rule';
import type { Span } from '../../model/span';
import type { AdapterOptions, ParseCache } from '../adapter';
import type { DocumentContext, LinkedRules, ValueLink } from '../module-context';
import { relativePath, directoryOf } from '../../paths';
import { ConfigFile, readConfigFile } from './eval/config-file';
import type { Dependency } from './eval/evaluate';
import { expandInstances, unknownInstance } from './eval/instances';
import { sourceSpan } from './eval/module';
import { CallArgument, keySuffix, type ModuleInstance } from './eval/module-instance';
import { TerraformProject } from './eval/project';
import { BlockResolver, type ResolvedRoot } from './eval/resolve-block';
import type { HclBlock } from './hcl';
import { parseDocument } from './incremental';
import { moduleResourcesOf } from './module-resources';
import { ResourceIndex } from './resource';
import { findHandler } from './resource-handlers';
import { guardEditor, withOrigins } from './resolved-rules';
import { removalContext, removalEditor } from './removal';

/** The path a document without one is evaluated under: its module is itself. */
const UNNAMED = 'main.tf';

export interface TerraformRead {
  readonly rules: NetworkRule[];
  readonly siblings: SiblingRules[];
  readonly parseErrors: ParseError[];
  readonly linked: LinkedRules[];
  readonly incoming: ValueLink[];
  readonly dependencies: string[];
  readonly notes: ParseError[];
}

interface FileRules {
  readonly rules: NetworkRule[];
  readonly roots: readonly ResolvedRoot[];
}

/**
 * The document's blocks. An editor keeps an incremental parse per document (`cache`); a CLI run
 * has none, but its module context parses every file of the module anyway, so the document
 * takes that parse instead of parsing its own text a second time.
 */
function documentParse(text: string, cache: ParseCache | undefined, context: DocumentContext | undefined): { blocks: readonly HclBlock[]; syntaxErrors: readonly Span[] } {
  const shared = context?.module?.cache;
  if (cache || !shared || !context || !/\.tf$/i.test(context.path)) return parseDocument(text, cache);
  const file = shared.get(ConfigFile, context.path, text, () => readConfigFile(context.path, text));
  return { blocks: file.blocks, syntaxErrors: file.syntaxErrors };
}

/**
 * Reads the rules of a Terraform document with its module evaluated: once per instance of the
 * module (a root, or each call that reaches it), and the rules of the local modules it calls
 * whose values it passes in.
 */
export function readTerraform(text: string, options: AdapterOptions, cache: ParseCache | undefined, context: DocumentContext | undefined): TerraformRead {
  const { blocks, syntaxErrors } = documentParse(text, cache, context);
  const parseErrors: ParseError[] = syntaxErrors.map((span) => ({ message: 'Syntax error', span }));
  const path = context?.path ?? UNNAMED;
  const project = new TerraformProject(path, text, blocks, context?.module);
  const rules: NetworkRule[] = [];
  const incoming: ValueLink[] = [];
  const linked = new Map<string, { file: ConfigFile; rules: NetworkRule[]; links: ValueLink[] }>();
  const siblings = new Map<ConfigFile, NetworkRule[]>();
  for (const instance of project.documentInstances()) {
    const own = readFile(instance, project.documentFile, project, options);
    rules.push(...own.rules);
    if (own.rules.length > 0) collectSiblings(instance, project, options, siblings);
    for (const root of own.roots) {
      for (const argument of callArguments(root.dependencies)) {
        if (argument.path !== project.documentFile.path) incoming.push({ span: root.span, targetPath: argument.path, target: argument.span, label: argument.label, instance: instance.address });
      }
    }
    for (const call of instance.module.calls.values()) {
      if (call.file !== project.documentFile) continue;
      const children = instance.childrenOf(call);
      if (children === 'unknown') continue;
      for (const { instance: child } of children) collectLinked(child, project, options, linked);
    }
  }
  const notes: ParseError[] = [];
  for (const { call, chain } of project.cycles) {
    if (call.file !== project.documentFile) continue;
    const from = directoryOf(path);
    const steps = chain.map((directory) => relativePath(from, directory) || '.').join(' -> ');
    notes.push({ message: `Module cycle (${steps}): Terraform cannot load it, so module.${call.name} is not followed back into a module already on the way`, span: sourceSpan(call) });
  }
  return {
    rules,
    parseErrors,
    linked: [...linked.entries()].filter(([, entry]) => entry.links.length > 0).map(([linkedPath, entry]) => ({ path: linkedPath, text: entry.file.text, rules: entry.rules, links: entry.links })),
    incoming,
    // The other files whose rules the checks compared with the document's count as well.
    dependencies: [...new Set([...project.dependencies, ...[...siblings.keys()].map((file) => file.path)])],
    notes,
    siblings: [...siblings.entries()].filter(([, found]) => found.length > 0).map(([file, found]) => ({ path: file.path, text: file.text, rules: found })),
  };
}

/**
 * The rules of the module instance's other configuration files, for checks that compare the
 * rules of one group (an `aws_security_group_rule` in rules.tf attached to a group in main.tf).
 * Only files with resources that hold rules are read, and only for a document with rules.
 */
function collectSiblings(instance: ModuleInstance, project: TerraformProject, options: AdapterOptions, out: Map<ConfigFile, NetworkRule[]>): void {
  const declared = new Set(project.documentFile.blocks.filter((block) => block.type === 'resource' && block.labels.length >= 2).map((block) => `${block.labels[0].value}.${block.labels[1].value}`));
  for (const file of instance.module.files) {
    if (file === project.documentFile || file.path === project.documentFile.path || file.kind !== 'configuration') continue;
    const resources = file.blocks.filter((block) => block.type === 'resource' && block.labels.length >= 2);
    if (!resources.some((block) => findHandler(block.labels[0].value) !== undefined)) continue;
    // A file that declares a resource of the document again is a copy (Terraform refuses the pair), not part of its module.
    if (resources.some((block) => declared.has(`${block.labels[0].value}.${block.labels[1].value}`))) continue;
    const found = out.get(file) ?? [];
    found.push(...readFile(instance, file, project, options).rules);
    out.set(file, found);
  }
}

/** Every module argument an evaluation read, including those the arguments were computed from. */
function callArguments(dependencies: ReadonlySet<Dependency>): CallArgument[] {
  const found: CallArgument[] = [];
  const visit = (set: ReadonlySet<Dependency>, depth: number): void => {
    for (const dependency of set) {
      if (!(dependency instanceof CallArgument) || found.includes(dependency)) continue;
      found.push(dependency);
      if (depth < 16) visit(dependency.upstream, depth + 1);
    }
  };
  visit(dependencies, 0);
  return found;
}

/** The rules of a child instance (and its own children) that take a value from the document. */
function collectLinked(instance: ModuleInstance, project: TerraformProject, options: AdapterOptions, out: Map<string, { file: ConfigFile; rules: NetworkRule[]; links: ValueLink[] }>): void {
  const documentPath = project.documentFile.path;
  for (const file of instance.module.files) {
    if (file.kind !== 'configuration' || !file.blocks.some((block) => block.type === 'resource')) continue;
    const read = readFile(instance, file, project, options);
    const links: ValueLink[] = [];
    for (const root of read.roots) {
      const argument = callArguments(root.dependencies).find((candidate) => candidate.path === documentPath);
      if (argument) links.push({ span: root.span, targetPath: documentPath, target: argument.span, label: argument.label, instance: instance.address });
    }
    const entry = out.get(file.path) ?? { file, rules: [], links: [] };
    entry.rules.push(...read.rules);
    entry.links.push(...links);
    out.set(file.path, entry);
  }
  for (const call of instance.module.calls.values()) {
    const children = instance.childrenOf(call);
    if (children !== 'unknown') for (const { instance: child } of children) collectLinked(child, project, options, out);
  }
}

/** The rules of one file of one module instance: every instance of every resource, evaluated. */
function readFile(instance: ModuleInstance, file: ConfigFile, project: TerraformProject, options: AdapterOptions): FileRules {
  const resolver = new BlockResolver(instance, file, project.origins);
  const evaluator = project.evaluator;
  const read: { block: HclBlock; written: HclBlock; address: string; type: string; name: string; roots: readonly ResolvedRoot[] }[] = [];
  const firstInstance = new Map<HclBlock, HclBlock>();
  for (const definition of instance.module.resources) {
    const block = definition.node;
    if (definition.file !== file || !findHandler(block.labels[0].value)) continue;
    const [type, name] = block.labels.map((label) => label.value);
    const { value: expanded, dependencies } = evaluator.trace(() => expandInstances(block, instance, file, evaluator));
    const expansion = expanded.kind === 'keys' && !project.allowResourceInstances(expanded.instances.length) ? unknownInstance('too many instances to read one by one') : expanded;
    const instances = expansion.kind === 'keys' ? expansion.instances : [{ key: undefined, bindings: expansion.bindings }];
    for (const { key, bindings } of instances) {
      const mark = resolver.roots.length;
      const resolved = resolver.resolve(block, bindings, dependencies);
      if (!firstInstance.has(block)) firstInstance.set(block, resolved);
      read.push({ block: resolved, written: block, address: `${instance.address}${type}.${name}${keySuffix(key)}`, type, name, roots: resolver.roots.slice(mark) });
    }
  }
  const moduleResources = moduleResourcesOf(instance, project);
  const index = new ResourceIndex(file.blocks.map((block) => firstInstance.get(block) ?? block), (address) => moduleResources.find(address, file));
  const allRoots = dedupeRoots(resolver.roots);
  const rules: NetworkRule[] = [];
  const moduleTexts = (): string[] => instance.module.files.filter((other) => other.kind === 'configuration').map((other) => other.text);
  const isJson = /\.json$/i.test(file.path);
  for (const { block, written: writtenBlock, address, type, name, roots } of read) {
    const entry = findHandler(type)!;
    const written = `${type}.${name}`;
    const resource = { type, name, address, provider: entry.provider, headerSpan: block.headerSpan, span: block.span, ...(address === written ? {} : { instanceOf: written }) };
    const produced = entry.handler({ block, resource, text: file.text, options, index });
    const removal = { written: writtenBlock, ...removalContext(writtenBlock, produced), text: file.text, isJson, moduleTexts };
    for (const found of produced) {
      const removeRule = found.edit.removeRule ?? removalEditor(found, removal);
      const rule = removeRule ? { ...found, edit: { ...found.edit, removeRule } } : found;
      // The rule's own roots say where its values came from; every root of the file is off limits to its fixes.
      rules.push(allRoots.length === 0 ? rule : { ...withOrigins(rule, roots), edit: guardEditor(rule.edit, allRoots, file.text) });
    }
  }
  return { rules, roots: allRoots };
}

function dedupeRoots(roots: readonly ResolvedRoot[]): ResolvedRoot[] {
  const seen = new Map<string, ResolvedRoot>();
  for (const root of roots) {
    const key = `${root.span.start}:${root.span.end}:${root.origin ?? ''}`;
    const known = seen.get(key);
    seen.set(key, known ? { ...known, dependencies: new Set([...known.dependencies, ...root.dependencies]) } : root);
  }
  return [...seen.values()];
}
