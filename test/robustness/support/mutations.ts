import fc from 'fast-check';

/**
 * Text that breaks parsers in interesting ways: every format's delimiters, line ends of each
 * kind, NUL, a BOM, a lone surrogate, YAML anchors and tags, HCL heredocs and templates, ports and
 * CIDRs out of range.
 */
export const NASTY = [
  '{', '}', '[', ']', '(', ')', '"', "'", '`', '#', '//', '/*', ':', ': ', '-', '- ', ',', '=', '\\', '\n', '\r\n', '\r', '\t', ' ',
  '\u0000', '\uFEFF', '\ud800', '\udfff', '😀', 'é', '${', '%{', '}}', '<<EOT\n', '<<-EOT\n', '\nEOT\n', '&a ', '*a', '!Ref ', '!Sub ', '? ', '|\n', '>-\n',
  '---\n', '...\n', 'null', 'true', '0.0.0.0/0', '::/0', '0.0.0.0/33', '10.0.0.0/-1', '65536', '-5', '-1', '0-200000', '0-65535', '99999999999999999999',
  '1e400', 'NaN', 'ingress {', 'resource "aws_security_group" "x" {', 'module "m" { source = "./" }', 'count = 100000', 'for_each = var.x',
] as const;

export type Mutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  /** A piece of another sample (`donor` picks it) put in place of a piece of this one. */
  | { readonly kind: 'splice'; readonly at: number; readonly length: number; readonly donor: number; readonly from: number; readonly take: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number };

const position = fc.nat({ max: 1_000_000 });
/** What a person types or pastes. */
const typedText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.array(fc.constantFrom(...NASTY), { minLength: 2, maxLength: 6 }).map((parts) => parts.join('')),
);

const insertText = fc.oneof(
  typedText,
  // Long runs: parsers that are quadratic in white space or recurse on nesting show here. Line breaks
  // stay short: tree-sitter-hcl is still quadratic in a run of them inside brackets (see README, Bad input).
  fc.constantFrom(' '.repeat(3000), '\t'.repeat(1000), '\n'.repeat(500), '['.repeat(1500), '{'.repeat(1500), '#'.repeat(5000)),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: insertText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: position, length: fc.integer({ min: 0, max: 200 }), donor: fc.nat(), from: position, take: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }) },
);

/** Applies a mutation; positions wrap around the text's length, so every mutation applies to every text. */
export function mutate(text: string, change: Mutation, donors: readonly string[]): string {
  const at = change.at % (text.length + 1);
  switch (change.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'splice': {
      const donor = donors[change.donor % donors.length];
      const from = change.from % (donor.length + 1);
      return text.slice(0, at) + donor.slice(from, from + change.take) + text.slice(at + change.length);
    }
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at + change.length);
  }
}

/** One small edit as an editor sends it: a range replaced by text (typing, deleting, pasting). */
export interface Edit {
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: position,
  length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 80 })),
  text: fc.oneof(fc.constant(''), typedText),
});

export function applyEdit(text: string, change: Edit): string {
  const at = change.at % (text.length + 1);
  return text.slice(0, at) + change.text + text.slice(at + change.length);
}
