import type { Span } from '../../../model/span';

/**
 * An HCL expression as the evaluator reads it. Spans count from the start of the expression's
 * own text, so one parse serves every place the same text is written.
 */
export type Expr =
  | { readonly type: 'literal'; readonly value: string | number | boolean | null; readonly span: Span }
  /** A quoted or heredoc template: literal text and interpolated expressions, in order. */
  | { readonly type: 'template'; readonly parts: readonly (string | Expr)[]; readonly span: Span }
  | { readonly type: 'tuple'; readonly items: readonly Expr[]; readonly span: Span }
  | { readonly type: 'object'; readonly entries: readonly ObjectEntryExpr[]; readonly span: Span }
  /** The first name of a traversal: `var`, `local`, `each`, an iterator, a resource type. */
  | { readonly type: 'name'; readonly name: string; readonly span: Span }
  | { readonly type: 'attr'; readonly target: Expr; readonly name: string; readonly span: Span }
  | { readonly type: 'index'; readonly target: Expr; readonly key: Expr; readonly span: Span }
  /** `target[*].steps` and `target.*.steps`: the steps apply to every element. */
  | { readonly type: 'splat'; readonly target: Expr; readonly steps: readonly SplatStep[]; readonly span: Span }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expandLast: boolean; readonly span: Span }
  | { readonly type: 'unary'; readonly op: '-' | '!'; readonly operand: Expr; readonly span: Span }
  | { readonly type: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly type: 'conditional'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr; readonly span: Span }
  /** `[for k, v in c : v if cond]`, or with `key` an object `{ for k, v in c : key => v... }`. */
  | {
      readonly type: 'for';
      readonly keyName: string | undefined;
      readonly valueName: string;
      readonly collection: Expr;
      readonly key: Expr | undefined;
      readonly value: Expr;
      readonly condition: Expr | undefined;
      readonly grouping: boolean;
      readonly span: Span;
    }
  /** Syntax the evaluator does not follow (template directives, strip markers, broken text). */
  | { readonly type: 'unsupported'; readonly why: string; readonly span: Span };

export interface ObjectEntryExpr {
  readonly key: Expr;
  readonly value: Expr;
}

export type SplatStep = { readonly kind: 'attr'; readonly name: string } | { readonly kind: 'index'; readonly key: Expr };

export type BinaryOperator = '*' | '/' | '%' | '+' | '-' | '>' | '>=' | '<' | '<=' | '==' | '!=' | '&&' | '||';

export const BINARY_OPERATORS: ReadonlySet<string> = new Set<BinaryOperator>(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);
