import type { Peer } from '../../model/network-rule';
import { peerFromText } from '../../model/peers';
import { known, unknown, type Value } from '../../model/value';
import { expiryInDescription, findTagInList, ownerInDescription } from '../document/read';
import { fullSpan, textOf, type ScalarNode, type TreeNode } from '../document/tree';
import { resolve, type Resolved } from './intrinsics';
import type { Template } from './template';

/**
 * Reads a field with `read`, following `!Ref` to a parameter's default: the value is the
 * default's, the span the field's (where the finding belongs), and the origin says where the
 * default is written.
 */
export function readField<T>(template: Template, node: TreeNode, read: (node: TreeNode) => Value<T>): Value<T> {
  const resolved = resolve(template, node);
  switch (resolved.kind) {
    case 'literal':
      return read(node);
    case 'default': {
      const value = read(asUsage(resolved.node, node));
      return value.known ? known(value.value, value.span, resolved.origin) : value;
    }
    case 'resource':
      return unknown(fullSpan(node), `${resolved.text} is known only after deployment`);
    case 'unknown':
      return unknown(fullSpan(node), resolved.why);
  }
}

/** The default's value, standing where the `!Ref` is written. */
function asUsage(value: ScalarNode, usage: TreeNode): ScalarNode {
  const span = fullSpan(usage);
  return { ...value, span, outer: span, tag: undefined };
}

/** A CIDR, a group reference or anything else a source or destination field holds. */
export function readPeerField(template: Template, node: TreeNode, isReference = false): Peer {
  const resolved: Resolved = resolve(template, node);
  const span = fullSpan(node);
  if (resolved.kind === 'resource') return { kind: 'reference', text: resolved.text, span };
  if (resolved.kind === 'unknown') return { kind: 'unknown', why: resolved.why, span };
  const text = textOf({ ...resolved.node, tag: undefined }) ?? '';
  if (resolved.kind === 'literal') return isReference ? { kind: 'reference', text, span: resolved.node.span } : peerFromText(text, resolved.node.span);
  // A parameter's default: messages say where it is written, since the field only names the parameter.
  const peer = isReference ? { kind: 'reference' as const, text, span } : peerFromText(text, span);
  return peer.kind === 'cidr' || peer.kind === 'anywhere' || peer.kind === 'reference' ? { ...peer, origin: resolved.origin } : peer;
}

/** Whether a field holds a literal the writer may replace; a parameter default is shared by every use, so it is not. */
export function isLiteralField(template: Template, node: TreeNode | undefined): node is TreeNode {
  return node !== undefined && resolve(template, node).kind === 'literal';
}

/** Owner and expiry: `owner=` in the rule's description first, then the tags of each tagged resource. */
export function readOwnership(template: Template, description: TreeNode | undefined, tagLists: readonly (TreeNode | undefined)[], ownerKeys: readonly string[], expiryKeys: readonly string[]): { owner?: Value<string>; expires?: Value<string> } {
  const readKey = (key: TreeNode) => {
    const value = readField(template, key, (node) => (textOf(node) === undefined ? unknown(fullSpan(node), 'not a literal') : known(textOf(node) ?? '', node.span)));
    return value.known ? value.value : undefined;
  };
  let owner = ownerInDescription(description);
  let expires = expiryInDescription(description);
  for (const tags of tagLists) {
    owner ??= findTagInList(tags, ownerKeys, readKey);
    expires ??= findTagInList(tags, expiryKeys, readKey);
  }
  return { ...(owner ? { owner } : {}), ...(expires ? { expires } : {}) };
}
