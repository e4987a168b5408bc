import type { HclAttribute, HclBlock, HclValue } from './hcl';

/**
 * Nested blocks written in Terraform's "attributes as blocks" syntax, e.g.
 * `ingress = [{ from_port = 22, ... }]` in `aws_security_group`: each object of the list is
 * returned as a block of type `name`, so that one reader serves both syntaxes. Its attributes are
 * the object's entries (spans and values exact, so edits work the same), it has no nested blocks,
 * and its header is the object's opening brace. A list built by an expression (`var.rules`, a
 * `for`) yields nothing here: its rules are not written in this document.
 */
export function attributeBlocks(block: HclBlock, name: string): HclBlock[] {
  const value = block.attributes.get(name)?.value;
  if (value?.kind !== 'tuple') return [];
  return value.items.flatMap((item) => (item.kind === 'object' ? [objectAsBlock(name, item)] : []));
}

function objectAsBlock(type: string, object: HclValue & { kind: 'object' }): HclBlock {
  const attributes = new Map<string, HclAttribute>();
  for (const entry of object.entries) {
    // As in a block body, the first of a repeated key wins.
    if (entry.key !== undefined && !attributes.has(entry.key)) attributes.set(entry.key, { name: entry.key, value: entry.value, span: entry.span });
  }
  const { start, end } = object.outer;
  return {
    type,
    labels: [],
    attributes,
    blocks: [],
    span: object.outer,
    headerSpan: { start, end: start + 1 },
    bodyStart: start + 1,
    bodyEnd: end - 1,
    hasError: false,
  };
}
