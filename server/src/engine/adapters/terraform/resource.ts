import type { NetworkRule, Provider, ResourceRef } from '../../model/network-rule';
import type { AdapterOptions } from '../adapter';
import { unknown } from '../../model/value';
import type { HclAttribute, HclBlock } from './hcl';

/** The resource blocks of one document, by address, so a rule can find the group it is attached to. */
export class ResourceIndex {
  private readonly byAddress = new Map<string, HclBlock>();

  constructor(blocks: readonly HclBlock[]) {
    for (const block of blocks) {
      if (block.type !== 'resource' || block.labels.length < 2) continue;
      this.byAddress.set(`${block.labels[0].value}.${block.labels[1].value}`, block);
    }
  }

  get(address: string): HclBlock | undefined {
    return this.byAddress.get(address);
  }

  /** The resource an expression such as `aws_security_group.web.id` refers to, if it is in this document. */
  referencedBy(expression: string): HclBlock | undefined {
    const match = /^([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.[\w]+$/.exec(expression.trim());
    return match ? this.byAddress.get(`${match[1]}.${match[2]}`) : undefined;
  }
}

export interface ResourceInput {
  readonly block: HclBlock;
  readonly resource: ResourceRef;
  readonly text: string;
  readonly options: AdapterOptions;
  readonly index: ResourceIndex;
}

/** Reads the rules of one resource type. Never throws for odd input: it skips what it cannot read. */
export type ResourceHandler = (input: ResourceInput) => NetworkRule[];

export interface ProviderResources {
  readonly provider: Provider;
  readonly resources: Readonly<Record<string, ResourceHandler>>;
}

/** Fields every Terraform rule shares. */
export function ruleBase(input: ResourceInput): Pick<NetworkRule, 'format' | 'resource'> {
  return { format: 'terraform', resource: input.resource };
}

/** The group (security group, NSG, network ACL) a standalone rule attaches to. */
export interface AttachedGroup {
  /** The group's block when it is in this document. */
  readonly block: HclBlock | undefined;
  /** The group's address when it is in this document, else the expression or literal id. */
  readonly key: string;
  /** The attribute that names the group, e.g. `security_group_id`. */
  readonly attribute: HclAttribute | undefined;
}

export function attachedGroup(input: ResourceInput, attributeName: string): AttachedGroup {
  const attribute = input.block.attributes.get(attributeName);
  const value = attribute?.value;
  if (!value) return { block: undefined, key: input.resource.address, attribute };
  const text = value.kind === 'string' ? value.value : input.text.slice(value.outer.start, value.outer.end);
  const block = value.kind === 'expression' ? input.index.referencedBy(value.text) : undefined;
  return { block, key: block ? `${block.labels[0].value}.${block.labels[1].value}` : text, attribute };
}

/**
 * A rule whose group is not in this document (another file, a literal id, a variable) may take its
 * owner from that group's tags, which we cannot see: the owner is unknown, not missing.
 */
export function ownerOutsideDocument(rule: NetworkRule, group: AttachedGroup): NetworkRule {
  if (rule.owner !== undefined || group.block !== undefined || !group.attribute) return rule;
  return { ...rule, owner: unknown(group.attribute.value.outer, `the tags of ${group.key} are not in this document`) };
}
