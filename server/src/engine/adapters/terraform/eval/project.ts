import type { ModuleContext, SourceFile } from '../../module-context';
import type { HclBlock } from '../hcl';
import { ConfigFile, isConfigurationFile, readConfigFile } from './config-file';
import { Evaluator } from './evaluate';
import { Module, type ModuleCall } from './module';
import { MAX_MODULE_DEPTH, ModuleInstance, type InstanceHost } from './module-instance';
import { OriginWriter } from './origin-text';
import { directoryOf, isLocalSource, localSourcesInText, normalizePath, resolveFrom } from '../../../paths';

/** Instances of the document's module evaluated at most, however many callers it has. */
const MAX_DOCUMENT_INSTANCES = 16;
/** Module instances created in one lint at most, however the calls nest and multiply. */
const MAX_MODULE_INSTANCES = 512;
/** Resource instances read one by one in one lint at most; past it, a resource is read once. */
const MAX_RESOURCE_INSTANCES = 5000;

/** Directories searched for the callers of one module at most, up its chain of callers. */
const MAX_CALLER_DIRECTORIES = 256;

/** Who calls whom, per directories map a front end handed over; dropped with the map. */
const callIndexes = new WeakMap<ReadonlyMap<string, readonly SourceFile[]>, Map<string, Set<string>>>();

/**
 * A directories map with normalised keys, per map a front end handed over: a front end hands the
 * same map to every lint until a file changes, and normalising hundreds of keys for each lint of
 * a large repository cost more than some parses.
 */
const normalisedDirectories = new WeakMap<ReadonlyMap<string, readonly SourceFile[]>, ReadonlyMap<string, readonly SourceFile[]>>();

function normalised(directories: ReadonlyMap<string, readonly SourceFile[]>): ReadonlyMap<string, readonly SourceFile[]> {
  let normal = normalisedDirectories.get(directories);
  if (!normal) {
    normal = new Map([...directories].map(([directory, files]) => [normalizePath(directory), files]));
    normalisedDirectories.set(directories, normal);
  }
  return normal;
}

/** The directories a file's local module calls point at. */
function targetsOf(file: ConfigFile, directory: string): string[] {
  if (!file.hasModuleCalls) return [];
  const targets: string[] = [];
  for (const block of file.blocks) {
    if (block.type !== 'module' || block.hasError) continue;
    const source = block.attributes.get('source')?.value;
    if (source?.kind === 'string' && isLocalSource(source.value)) targets.push(resolveFrom(directory, source.value));
  }
  return targets;
}

/** A module call that leads back into a module already on the way down: Terraform rejects it. */
export interface ModuleCycle {
  readonly call: ModuleCall;
  /** The directories from the outermost module to the repeated one. */
  readonly chain: readonly string[];
}

/**
 * Everything one lint of a Terraform document can see: the modules of the given directories,
 * read lazily, each parsed once per text through the context's cache, and one evaluator (with
 * one step budget) for the whole lint.
 */
export class TerraformProject implements InstanceHost {
  readonly evaluator = new Evaluator();
  readonly documentFile: ConfigFile;
  readonly documentDirectory: string;
  readonly origins: OriginWriter;
  readonly cycles: ModuleCycle[] = [];
  /** Other files the lint read, for an editor to re-lint the document when one changes. */
  readonly dependencies = new Set<string>();
  private readonly directories: ReadonlyMap<string, readonly SourceFile[]>;
  private readonly modules = new Map<string, Module | undefined>();
  private readonly instances = new Map<string, readonly ModuleInstance[]>();
  private callerIndex: Map<string, ModuleCall[]> | undefined;
  private instanceBudget = MAX_MODULE_INSTANCES;
  private resourceBudget = MAX_RESOURCE_INSTANCES;
  private readonly documentPath: string;

  constructor(path: string, text: string, blocks: readonly HclBlock[], private readonly context: ModuleContext | undefined) {
    this.documentPath = normalizePath(path);
    this.documentDirectory = directoryOf(this.documentPath);
    this.documentFile = new ConfigFile(path, text, 'configuration', blocks, new Map());
    this.directories = context ? normalised(context.directories) : new Map();
    this.origins = new OriginWriter(path, (file) => this.textOf(file));
  }

  textOf(path: string): string | undefined {
    if (normalizePath(path) === this.documentPath) return this.documentFile.text;
    const directory = this.directories.get(directoryOf(normalizePath(path)));
    return directory?.find((file) => normalizePath(file.path) === normalizePath(path))?.text ?? this.context?.varFiles?.find((file) => file.path === path)?.text;
  }

  /** The module in a directory, noted as a dependency of the lint. */
  moduleAt(directory: string): Module | undefined {
    const module = this.load(directory);
    for (const file of module?.files ?? []) if (file !== this.documentFile) this.dependencies.add(file.path);
    return module;
  }

  private load(directory: string): Module | undefined {
    if (this.modules.has(directory)) return this.modules.get(directory);
    const files: ConfigFile[] = [];
    const listed = this.directories.get(directory);
    for (const source of listed ?? []) {
      if (normalizePath(source.path) === this.documentPath) continue;
      const file = this.read(source);
      if (file.kind === 'variables' || isConfigurationFile(source.path)) files.push(file);
    }
    if (directory === this.documentDirectory) files.unshift(this.documentFile);
    const module = listed || directory === this.documentDirectory ? new Module(directory, files) : undefined;
    this.modules.set(directory, module);
    return module;
  }

  allowResourceInstances(count: number): boolean {
    this.resourceBudget -= count;
    return this.resourceBudget >= 0;
  }

  allowInstances(count: number): boolean {
    this.instanceBudget -= count;
    return this.instanceBudget >= 0;
  }

  cycle(call: ModuleCall, chain: readonly string[]): void {
    if (!this.cycles.some((known) => known.call.block === call.block)) this.cycles.push({ call, chain });
  }

  /**
   * The instances of the document's module: one per call that reaches it from the modules
   * given (and per count/for_each key of that call), or the module as a root when none does.
   */
  documentInstances(): readonly ModuleInstance[] {
    return this.instancesOf(this.documentDirectory, []);
  }

  private instancesOf(directory: string, above: readonly string[]): readonly ModuleInstance[] {
    const known = this.instances.get(directory);
    if (known) return known;
    const module = this.moduleAt(directory);
    if (!module) return [];
    const made: ModuleInstance[] = [];
    let isInCycle = false;
    if (above.length < MAX_MODULE_DEPTH) {
      for (const call of this.callersOf(directory)) {
        const callerDirectory = directoryOf(normalizePath(call.file.path));
        if (callerDirectory === directory || above.includes(callerDirectory)) {
          this.cycle(call, [...above, directory, callerDirectory]);
          isInCycle = true;
          continue;
        }
        for (const caller of this.instancesOf(callerDirectory, [...above, directory])) {
          const children = caller.childrenOf(call);
          if (children !== 'unknown') made.push(...children.map((child) => child.instance));
          if (made.length >= MAX_DOCUMENT_INSTANCES) break;
        }
        if (made.length >= MAX_DOCUMENT_INSTANCES) break;
      }
    }
    // With no caller that can be evaluated, the document's module is what Terraform would run: a
    // root. A module further up that is only reached through a cycle has no instance at all.
    const isRoot = made.length === 0 && (above.length === 0 || !isInCycle);
    const instances = isRoot ? [this.rootInstance(module)] : made.slice(0, MAX_DOCUMENT_INSTANCES);
    this.instances.set(directory, instances);
    return instances;
  }

  private rootInstance(module: Module): ModuleInstance {
    const variableFiles = [...module.variableFiles, ...(this.context?.varFiles ?? []).map((file) => this.read(file))];
    for (const file of this.context?.varFiles ?? []) this.dependencies.add(file.path);
    return new ModuleInstance(this, module, { kind: 'root', variableFiles }, '', [module.directory]);
  }

  /** The local module calls, in any given directory, whose source is `directory`. */
  private callersOf(directory: string): readonly ModuleCall[] {
    if (!this.callerIndex) {
      this.callerIndex = new Map();
      const callerDirectories = new Set(this.callerDirectoriesOf(directory));
      // The document is read from its own (incremental) parse, which may differ from the listed files.
      if (targetsOf(this.documentFile, this.documentDirectory).includes(directory)) callerDirectories.add(this.documentDirectory);
      for (const callerDirectory of callerDirectories) {
        // Only a module that turns out to call the document's is a dependency (moduleAt notes it then).
        const module = this.load(callerDirectory);
        for (const call of module?.calls.values() ?? []) {
          if (call.directory === undefined) continue;
          const list = this.callerIndex.get(call.directory) ?? [];
          list.push(call);
          this.callerIndex.set(call.directory, list);
        }
      }
    }
    return this.callerIndex.get(directory) ?? [];
  }

  /**
   * The directories whose modules may call `directory`, and those that may call them, up the
   * chain. The index of who calls whom is built once per set of directories a front end hands over
   * (the CLI hands the same set to every file), not once per lint, and from a scan of the texts, not
   * a parse: parsing every file of a large repository for it cost more than the lint. The scan
   * finds a superset (a call in a comment counts); `callersOf` keeps the calls the parse confirms.
   */
  private callerDirectoriesOf(directory: string): string[] {
    const context = this.context;
    if (!context) return [];
    let index = callIndexes.get(context.directories);
    if (!index) {
      index = new Map();
      for (const [callerDirectory, files] of this.directories) {
        for (const source of files) {
          if (!isConfigurationFile(source.path)) continue;
          for (const target of localSourcesInText(source.text)) {
            const resolved = resolveFrom(callerDirectory, target);
            const callers = index.get(resolved) ?? new Set<string>();
            callers.add(callerDirectory);
            index.set(resolved, callers);
          }
        }
      }
      callIndexes.set(context.directories, index);
    }
    const found = new Set<string>();
    const pending = [directory];
    while (pending.length > 0 && found.size < MAX_CALLER_DIRECTORIES) {
      for (const caller of index.get(pending.pop()!) ?? []) {
        if (found.has(caller)) continue;
        found.add(caller);
        pending.push(caller);
      }
    }
    return [...found];
  }

  private read(source: SourceFile): ConfigFile {
    const cache = this.context?.cache;
    return cache ? cache.get(ConfigFile, source.path, source.text, () => readConfigFile(source.path, source.text)) : readConfigFile(source.path, source.text);
  }
}
