import type { Span } from '../../model/span';
import type { ConfigFile } from './eval/config-file';
import { expandInstances } from './eval/instances';
import type { Definition } from './eval/module';
import type { ModuleInstance } from './eval/module-instance';
import type { TerraformProject } from './eval/project';
import { BlockResolver } from './eval/resolve-block';
import type { HclBlock } from './hcl';

/**
 * A resource block of another configuration file of the module instance than the one being read:
 * readable (its first instance evaluated, as a block of the file itself is), never editable with
 * the read file's text, whose offsets its spans do not share.
 */
export interface ResourceElsewhere {
  readonly block: HclBlock;
  /** The file the block is in. */
  readonly path: string;
  /** Where a span of the block is, as messages say it: `lb.tf:3`. */
  place(span: Span): string;
}

function addressOf(block: HclBlock): string {
  return `${block.labels[0].value}.${block.labels[1].value}`;
}

/**
 * The resources of one module instance by address, for a file whose rules name a resource of
 * another file (a listener in listeners.tf on a load balancer in lb.tf). A block is evaluated the
 * first time it is asked for, once per instance: most files never ask.
 */
export class ModuleResources {
  private byAddress: Map<string, Definition<HclBlock>[]> | undefined;
  private readonly evaluated = new Map<HclBlock, HclBlock>();
  /** What each reading file found, by address: a file's resources ask for the same device again and again. */
  private readonly found = new Map<ConfigFile, Map<string, ResourceElsewhere | undefined>>();

  constructor(private readonly instance: ModuleInstance, private readonly project: TerraformProject) {}

  /**
   * The resource `type.name` as another file than `reader` declares it. Undefined when no other
   * file does, when two do (Terraform refuses the module: which one is meant cannot be said),
   * and when that file also declares a resource of `reader` (a copy of it, not part of its module).
   */
  find(address: string, reader: ConfigFile): ResourceElsewhere | undefined {
    let known = this.found.get(reader);
    if (!known) {
      known = new Map();
      this.found.set(reader, known);
    }
    if (!known.has(address)) known.set(address, this.lookUp(address, reader));
    return known.get(address);
  }

  private lookUp(address: string, reader: ConfigFile): ResourceElsewhere | undefined {
    const found = (this.index().get(address) ?? []).filter((definition) => definition.file !== reader && definition.file.path !== reader.path);
    if (found.length !== 1) return undefined;
    const { file, node } = found[0];
    const declared = new Set(reader.blocks.filter((block) => block.type === 'resource' && block.labels.length >= 2).map((block) => `${block.labels[0].value}.${block.labels[1].value}`));
    if (file.blocks.some((block) => block.type === 'resource' && block.labels.length >= 2 && declared.has(`${block.labels[0].value}.${block.labels[1].value}`))) return undefined;
    // An editor re-lints the reader when the file the resource is read from changes.
    this.project.dependencies.add(file.path);
    return { block: this.evaluate(file, node), path: file.path, place: (span) => this.project.origins.place(file.path, span.start) };
  }

  private index(): Map<string, Definition<HclBlock>[]> {
    if (!this.byAddress) {
      this.byAddress = new Map();
      for (const definition of this.instance.module.resources) {
        if (definition.file.kind !== 'configuration') continue;
        const address = addressOf(definition.node);
        this.byAddress.set(address, [...(this.byAddress.get(address) ?? []), definition]);
      }
    }
    return this.byAddress;
  }

  /** The block's first instance, evaluated as the reading of its own file evaluates it; written as is when it has none. */
  private evaluate(file: ConfigFile, block: HclBlock): HclBlock {
    const known = this.evaluated.get(block);
    if (known) return known;
    const evaluator = this.project.evaluator;
    const { value: expansion, dependencies } = evaluator.trace(() => expandInstances(block, this.instance, file, evaluator));
    const first = expansion.kind === 'keys' ? expansion.instances[0] : { bindings: expansion.bindings };
    const resolved = first ? new BlockResolver(this.instance, file, this.project.origins).resolve(block, first.bindings, dependencies) : block;
    this.evaluated.set(block, resolved);
    return resolved;
  }
}

/** One ModuleResources per module instance, shared by the reading of each of its files. */
const perInstance = new WeakMap<ModuleInstance, ModuleResources>();

export function moduleResourcesOf(instance: ModuleInstance, project: TerraformProject): ModuleResources {
  let resources = perInstance.get(instance);
  if (!resources) {
    resources = new ModuleResources(instance, project);
    perInstance.set(instance, resources);
  }
  return resources;
}
