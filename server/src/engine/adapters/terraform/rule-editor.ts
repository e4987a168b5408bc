import { isInternetPeer, peerFromText } from '../../model/peers';
import type { RuleEditor, TextEdit } from '../../model/network-rule';
import type { PortRange } from '../../model/ports';
import { addObjectEntry, quote, replace, replaceScalar, rewriteTuple, setAttributes } from './edits';
import type { HclAttribute, HclBlock, HclValue } from './hcl';
import type { AttachedGroup } from './resource';

type SetPorts = RuleEditor['setPorts'];
type ReplacePeers = RuleEditor['replaceInternetPeers'];
type AddOwner = RuleEditor['addOwner'];

const never = (): undefined => undefined;

export function ruleEditor(parts: { setPorts?: SetPorts; replaceInternetPeers?: ReplacePeers; addOwner?: AddOwner }): RuleEditor {
  return {
    setPorts: parts.setPorts ?? never,
    replaceInternetPeers: parts.replaceInternetPeers ?? never,
    addOwner: parts.addOwner ?? never,
  };
}

/** `from_port`/`to_port` style: one range only, since one rule holds one range. */
export function portPairEditor(from: HclAttribute | undefined, to: HclAttribute | undefined): SetPorts {
  return (ranges) => {
    if (ranges.length !== 1 || !from || !to) return undefined;
    const [low, high] = ranges[0];
    const edits = [replaceScalar(from.value, low), replaceScalar(to.value, high)];
    return edits.every((edit): edit is TextEdit => edit !== undefined) ? edits : undefined;
  };
}

/**
 * A port field written as text, e.g. `"80,443"`, `"8000-9000"`, `"22/22"`. `format` writes the
 * ranges in the provider's syntax, or returns undefined when the field cannot hold them.
 */
export function portTextEditor(attribute: HclAttribute | undefined, format: (ranges: readonly PortRange[]) => string | undefined): SetPorts {
  return (ranges) => {
    if (!attribute) return undefined;
    const written = format(ranges);
    if (written === undefined) return undefined;
    const edit = replaceScalar(attribute.value, written);
    return edit ? [edit] : undefined;
  };
}

/** A list of port strings, e.g. GCP `ports = ["22", "8000-9000"]`. */
export function portListEditor(text: string, attribute: HclAttribute | undefined, formatRange: (range: PortRange) => string): SetPorts {
  return (ranges) => {
    if (!attribute || attribute.value.kind !== 'tuple') return undefined;
    return [rewriteTuple(text, attribute.value, ranges.map((range) => quote(formatRange(range))))];
  };
}

function isInternetText(value: HclValue): boolean {
  return value.kind === 'string' && isInternetPeer(peerFromText(value.value, value.span));
}

function familyOf(cidr: string): 4 | 6 {
  return cidr.includes(':') ? 6 : 4;
}

/**
 * Replaces internet-wide entries in lists or single-string fields. `families` says which address
 * family each attribute holds (AWS keeps IPv6 in its own list); an attribute with no new CIDR of
 * its family loses its internet entries.
 */
export function peerEditor(text: string, attributes: readonly { attribute: HclAttribute | undefined; family?: 4 | 6 }[]): ReplacePeers {
  return (cidrs) => {
    const edits: TextEdit[] = [];
    for (const { attribute, family } of attributes) {
      if (!attribute) continue;
      const value = attribute.value;
      const replacements = cidrs.filter((cidr) => family === undefined || familyOf(cidr) === family);
      if (value.kind === 'tuple') {
        if (!value.items.some(isInternetText)) continue;
        const items: string[] = [];
        let inserted = false;
        for (const item of value.items) {
          if (!isInternetText(item)) items.push(text.slice(item.outer.start, item.outer.end));
          else if (!inserted) {
            items.push(...replacements.filter((cidr) => !value.items.some((other) => other.kind === 'string' && other.value === cidr)).map(quote));
            inserted = true;
          }
        }
        edits.push(rewriteTuple(text, value, items));
      } else if (isInternetText(value)) {
        if (replacements.length !== 1) return undefined;
        edits.push(replace(value.outer, quote(replacements[0])));
      }
    }
    return edits.length > 0 ? edits : undefined;
  };
}

/** Adds `key = "owner"` to the tags (or labels) of the block that owns the rule. */
export function ownerTagEditor(text: string, taggedBlock: HclBlock | undefined, attribute = 'tags'): AddOwner {
  return (key, owner) => {
    if (!taggedBlock) return undefined;
    const edit = addObjectEntry(text, taggedBlock, attribute, key, owner);
    return edit ? [edit] : undefined;
  };
}

/**
 * Writes `owner=NAME` into the description of a resource that has no tags or labels. The word is
 * always `owner`, whatever the tag key: it is the word readAnnotations looks for in descriptions.
 */
export function ownerDescriptionEditor(text: string, block: HclBlock, attributeName = 'description'): AddOwner {
  return (_key, owner) => {
    const annotation = `owner=${owner}`;
    const description = block.attributes.get(attributeName)?.value;
    if (!description) return setAttributes(text, block, [[attributeName, quote(annotation)]]);
    if (description.kind !== 'string') return undefined;
    const separator = /^\s*$|\s$/.test(description.value) ? '' : ', ';
    return [replace({ start: description.span.end, end: description.span.end }, `${separator}${quote(annotation).slice(1, -1)}`)];
  };
}

/** The group's tags when the group is in this document, else `owner=` in the rule's own description. */
export function attachedOwnerEditor(text: string, group: AttachedGroup, ruleBlock: HclBlock): AddOwner {
  return group.block ? ownerTagEditor(text, group.block) : ownerDescriptionEditor(text, ruleBlock);
}
