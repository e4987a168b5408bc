import type { NetworkRule, Provider, ResourceRef } from '../../model/network-rule';
import type { AdapterOptions } from '../adapter';
import type { HclBlock } from './hcl';

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
