import type { NetworkRule, Provider, ResourceRef } from '../../model/network-rule';
import type { AdapterOptions } from '../adapter';
import { unknown } from '../../model/value';
import type { HclAttribute, HclBlock, HclValue } from './hcl';
import type { ResourceElsewhere } from './module-resources';

/** The resource matching `type.name(.attr)` references, e.g. `aws_security_group.web.id`, `aws_lb.web[0].arn`. */
const REFERENCE = /^([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.[\w]+$/;

/**
 * The resource blocks of one document, by address, so a rule can find the group it is attached to;
 * and, through `elsewhere`, those of the other files of its module instance, for reading only.
 */
export class ResourceIndex {
  private readonly byAddress = new Map<string, HclBlock>();

  constructor(blocks: readonly HclBlock[], private readonly elsewhere: (address: string) => ResourceElsewhere | undefined = () => undefined) {
    for (const block of blocks) {
      if (block.type !== 'resource' || block.labels.length < 2) continue;
      this.byAddress.set(`${block.labels[0].value}.${block.labels[1].value}`, block);
    }
  }

  get(address: string): HclBlock | undefined {
    return this.byAddress.get(address);
  }

  /** Every resource block of one of `types`, in document order (e.g. the attachments of a target group). */
  ofType(...types: readonly string[]): HclBlock[] {
    return [...this.byAddress.values()].filter((block) => types.includes(block.labels[0].value));
  }

  /** The resource an expression such as `aws_security_group.web.id` refers to, if it is in this document. */
  referencedBy(expression: string): HclBlock | undefined {
    const match = REFERENCE.exec(expression.trim());
    return match ? this.byAddress.get(`${match[1]}.${match[2]}`) : undefined;
  }

  /**
   * The resource an expression refers to when it is not in this document but in another file of
   * its module instance (a load balancer in lb.tf for a listener in listeners.tf). Its spans are
   * that file's: read it, never edit it with this document's text.
   */
  referencedElsewhere(expression: string): ResourceElsewhere | undefined {
    const match = REFERENCE.exec(expression.trim());
    if (!match || this.byAddress.has(`${match[1]}.${match[2]}`)) return undefined;
    return this.elsewhere(`${match[1]}.${match[2]}`);
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
  const block = value.kind === 'expression' ? input.index.referencedBy(value.text) : undefined;
  return { block, key: groupKeyOf(input, value), attribute };
}

/** The module instance part of an address, e.g. `module.web["prod"].`; empty at the root. */
const MODULE_PREFIX = /^(?:module\.[A-Za-z_][\w-]*(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)*/;

/**
 * The group key of the group a rule names (`security_group_id = aws_security_group.web.id`), in
 * the scheme of the group's own inline rules, whose key is its address: `aws_security_group.web`
 * whether or not the group is in the same file, in the module instance the rule is read in. A
 * literal id (`"sg-123"`) is the same group everywhere; another expression (`local.sg_id`) names
 * a group per module instance.
 */
export function groupKeyOf(input: ResourceInput, value: HclValue): string {
  if (value.kind === 'string') return value.value;
  const text = value.kind === 'expression' ? value.text.trim() : input.text.slice(value.outer.start, value.outer.end);
  const prefix = MODULE_PREFIX.exec(input.resource.address)?.[0] ?? '';
  // A resource's attribute; `module.sg.id` and `var.x.id` are other things that only look alike.
  const reference = /^(?!(?:module|var|local|each|count|self|path|terraform|data)\.)([A-Za-z][\w-]*\.[A-Za-z_][\w-]*(?:\[(?:\d+|"[^"\\]*")\])?)\.[\w]+$/.exec(text);
  return `${prefix}${reference ? reference[1] : text}`;
}

/**
 * A rule whose group is not in this document (another file, a literal id, a variable) may take its
 * owner from that group's tags, which we cannot see: the owner is unknown, not missing.
 */
export function ownerOutsideDocument(rule: NetworkRule, group: AttachedGroup): NetworkRule {
  if (rule.owner !== undefined || group.block !== undefined || !group.attribute) return rule;
  return { ...rule, owner: unknown(group.attribute.value.outer, `the tags of ${group.key} are not in this document`) };
}
