import type { Node } from 'web-tree-sitter';
import type { Span } from '../../../model/span';
import { parseHcl } from '../parser';
import { decodeEscapes } from '../escapes';
import { BINARY_OPERATORS, type BinaryOperator, type Expr, type ObjectEntryExpr, type SplatStep } from './expression';

/** `x = ` before the expression: the offset every span is moved back by. */
const PREFIX = 'x = ';
/** Deeper nesting than this is generated or hostile text; it is not followed. */
const MAX_DEPTH = 64;
/** The same few expression texts (`var.x`, `each.value.port`) recur; parsing each once is enough. */
const MAX_CACHED = 4000;
const cache = new Map<string, Expr>();

/**
 * Parses the text of one expression (as HclValue keeps it) into an Expr. Memoised by text: the
 * parse of a text never changes, and the cache is cleared whole when it grows past its bound.
 */
export function parseExpression(text: string): Expr {
  const cached = cache.get(text);
  if (cached) return cached;
  const expr = parseUncached(text);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, expr);
  return expr;
}

function parseUncached(text: string): Expr {
  const whole = { start: 0, end: text.length };
  const tree = parseHcl(`${PREFIX}${text}\n`);
  try {
    const root = tree.rootNode;
    const attribute = root.namedChildren.find((child) => child?.type === 'body')?.namedChildren.find((child) => child?.type === 'attribute');
    const expression = attribute?.namedChildren.find((child) => child?.type === 'expression');
    if (root.hasError || !expression || expression.endIndex - PREFIX.length > text.length) return unsupported('the expression cannot be parsed', whole);
    return new Reader(text).expression(expression, 0);
  } finally {
    tree.delete();
  }
}

function unsupported(why: string, span: Span): Expr {
  return { type: 'unsupported', why, span };
}

function named(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

function all(node: Node): Node[] {
  return node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
}

class Reader {
  constructor(private readonly text: string) {}

  private span(node: Node): Span {
    return { start: node.startIndex - PREFIX.length, end: node.endIndex - PREFIX.length };
  }

  private spanOf(first: Node, last: Node): Span {
    return { start: first.startIndex - PREFIX.length, end: last.endIndex - PREFIX.length };
  }

  private slice(start: number, end: number): string {
    return this.text.slice(start - PREFIX.length, end - PREFIX.length);
  }

  expression(node: Node, depth: number): Expr {
    if (depth > MAX_DEPTH) return unsupported('the expression is nested too deeply', this.span(node));
    const children = all(node);
    if (children.length === 1 && children[0].type === 'conditional') return this.conditional(children[0], depth + 1);
    return this.terms(children, depth + 1);
  }

  private conditional(node: Node, depth: number): Expr {
    const [test, then, otherwise] = named(node);
    if (!test || !then || !otherwise) return unsupported('an incomplete conditional', this.span(node));
    return { type: 'conditional', test: this.expression(test, depth), then: this.expression(then, depth), otherwise: this.expression(otherwise, depth), span: this.span(node) };
  }

  /** A term followed by its attribute, index and splat suffixes, as the grammar flattens them. */
  private terms(children: readonly Node[], depth: number): Expr {
    if (children.length === 0) return unsupported('an empty expression', { start: 0, end: 0 });
    let index = 0;
    let expr: Expr;
    const first = children[0];
    if (first.type === '(') {
      const inner = children[1];
      if (!inner || inner.type !== 'expression' || children[2]?.type !== ')') return unsupported('unbalanced parentheses', this.span(first));
      expr = this.expression(inner, depth);
      index = 3;
    } else {
      expr = this.term(first, depth);
      index = 1;
    }
    for (; index < children.length; index++) {
      const suffix = children[index];
      const span = this.spanOf(first, suffix);
      if (suffix.type === 'get_attr') {
        const name = named(suffix)[0];
        expr = name ? { type: 'attr', target: expr, name: name.text, span } : unsupported('an attribute without a name', span);
      } else if (suffix.type === 'index') {
        expr = { type: 'index', target: expr, key: this.indexKey(suffix, depth), span };
      } else if (suffix.type === 'splat') {
        expr = { type: 'splat', target: expr, steps: this.splatSteps(suffix, depth), span };
      } else {
        return unsupported(`unexpected ${suffix.type}`, span);
      }
    }
    return expr;
  }

  private indexKey(node: Node, depth: number): Expr {
    const inner = named(node)[0];
    if (!inner) return unsupported('an empty index', this.span(node));
    if (inner.type === 'legacy_index') {
      const digits = /\d+/.exec(inner.text)?.[0];
      return digits === undefined ? unsupported('a malformed index', this.span(inner)) : { type: 'literal', value: Number(digits), span: this.span(inner) };
    }
    const key = named(inner)[0];
    return key ? this.expression(key, depth) : unsupported('an empty index', this.span(inner));
  }

  private splatSteps(node: Node, depth: number): SplatStep[] {
    const splat = named(node)[0];
    if (!splat) return [];
    return named(splat).map((step): SplatStep => {
      if (step.type === 'get_attr') return { kind: 'attr', name: named(step)[0]?.text ?? '' };
      return { kind: 'index', key: this.indexKey(step, depth) };
    });
  }

  private term(node: Node, depth: number): Expr {
    switch (node.type) {
      case 'literal_value':
        return this.literal(node);
      case 'template_expr':
        return this.template(node, depth);
      case 'collection_value':
        return this.collection(node, depth);
      case 'variable_expr':
        return { type: 'name', name: node.text, span: this.span(node) };
      case 'function_call':
        return this.call(node, depth);
      case 'for_expr':
        return this.forExpression(node, depth);
      case 'operation':
        return this.operation(node, depth);
      case 'expression':
        return this.expression(node, depth);
      default:
        return unsupported(`${node.type} is not evaluated`, this.span(node));
    }
  }

  private literal(node: Node): Expr {
    const literal = named(node)[0];
    const span = this.span(node);
    if (!literal) return unsupported('an empty literal', span);
    switch (literal.type) {
      case 'numeric_lit': {
        const value = Number(literal.text);
        return Number.isFinite(value) ? { type: 'literal', value, span } : unsupported(`${literal.text} is not a number`, span);
      }
      case 'bool_lit':
        return { type: 'literal', value: literal.text === 'true', span };
      case 'null_lit':
        return { type: 'literal', value: null, span };
      case 'string_lit':
        return this.quoted(literal, 0);
      default:
        return unsupported(`${literal.type} is not evaluated`, span);
    }
  }

  private template(node: Node, depth: number): Expr {
    const inner = named(node)[0];
    if (!inner) return unsupported('an empty template', this.span(node));
    if (inner.type === 'quoted_template') return this.quoted(inner, depth);
    if (inner.type === 'heredoc_template') return this.heredoc(inner, depth);
    return unsupported(`${inner.type} is not evaluated`, this.span(inner));
  }

  /**
   * Literal text is cut from the source between the structural nodes: the grammar leaves
   * whitespace at the edges of its literal chunks out of the tree.
   */
  private quoted(node: Node, depth: number): Expr {
    const children = named(node);
    const open = children.find((child) => child.type === 'quoted_template_start');
    const close = children.find((child) => child.type === 'quoted_template_end');
    if (!open || !close) return unsupported('an unterminated string', this.span(node));
    const read = this.templateParts(children.filter((child) => child !== open && child !== close), open.endIndex, close.startIndex, depth, decodeEscapes);
    return read.ok ? templateOrLiteral(read.parts, this.span(node)) : unsupported(read.why, this.span(node));
  }

  private heredoc(node: Node, depth: number): Expr {
    const children = named(node);
    const marker = children.find((child) => child.type === 'heredoc_start');
    const identifiers = children.filter((child) => child.type === 'heredoc_identifier');
    if (!marker || identifiers.length < 2) return unsupported('an unterminated heredoc', this.span(node));
    const [opening, closing] = [identifiers[0], identifiers[identifiers.length - 1]];
    const start = this.text.indexOf('\n', opening.endIndex - PREFIX.length);
    if (start === -1) return unsupported('an unterminated heredoc', this.span(node));
    const closingLineStart = this.text.lastIndexOf('\n', closing.startIndex - PREFIX.length - 1) + 1;
    const body = children.filter((child) => child !== marker && child !== opening && child !== closing);
    const stripped = marker.text === '<<-';
    if (stripped && body.some((child) => child.type !== 'template_literal')) return unsupported('an indented heredoc with interpolation is not evaluated', this.span(node));
    const read = this.templateParts(body, start + 1 + PREFIX.length, closingLineStart + PREFIX.length, depth, decodeHeredoc);
    if (!read.ok) return unsupported(read.why, this.span(node));
    const parts = stripped ? [stripIndent(read.parts.join(''))] : read.parts;
    return templateOrLiteral(parts, this.span(node));
  }

  private templateParts(
    children: readonly Node[],
    from: number,
    to: number,
    depth: number,
    decode: (raw: string) => string,
  ): TemplateRead {
    const parts: (string | Expr)[] = [];
    let cursor = from;
    for (const child of children) {
      if (child.type === 'template_literal') continue;
      if (child.type === 'template_directive') return { ok: false, why: '%{ } directives are not evaluated' };
      if (child.type !== 'template_interpolation') return { ok: false, why: `${child.type} is not evaluated` };
      if (child.startIndex > cursor) parts.push(decode(this.slice(cursor, child.startIndex)));
      const inner = named(child);
      if (inner.some((part) => part.type === 'strip_marker')) return { ok: false, why: '~ strip markers are not evaluated' };
      const expression = inner.find((part) => part.type === 'expression');
      if (!expression) return { ok: false, why: 'an empty interpolation' };
      parts.push(this.expression(expression, depth + 1));
      cursor = child.endIndex;
    }
    if (to > cursor) parts.push(decode(this.slice(cursor, to)));
    return { ok: true, parts };
  }

  private collection(node: Node, depth: number): Expr {
    const collection = named(node)[0];
    if (!collection) return unsupported('an empty collection', this.span(node));
    const span = this.span(collection);
    if (collection.type === 'tuple') {
      return { type: 'tuple', items: named(collection).filter((child) => child.type === 'expression').map((child) => this.expression(child, depth)), span };
    }
    if (collection.type === 'object') {
      const entries: ObjectEntryExpr[] = [];
      for (const element of named(collection).filter((child) => child.type === 'object_elem')) {
        const key = element.childForFieldName('key');
        const value = element.childForFieldName('val');
        if (!key || !value) return unsupported('an incomplete object entry', this.span(element));
        entries.push({ key: this.objectKey(key, depth), value: this.expression(value, depth) });
      }
      return { type: 'object', entries, span };
    }
    return unsupported(`${collection.type} is not evaluated`, span);
  }

  /** A bare name as a key is the name itself, as in `{ owner = "x" }`; `(expr)` is evaluated. */
  private objectKey(node: Node, depth: number): Expr {
    const children = all(node);
    if (children.length === 1 && children[0].type === 'variable_expr') return { type: 'literal', value: children[0].text, span: this.span(children[0]) };
    return this.expression(node, depth);
  }

  private call(node: Node, depth: number): Expr {
    const children = named(node);
    const name = children.find((child) => child.type === 'identifier');
    const argumentsNode = children.find((child) => child.type === 'function_arguments');
    const args = argumentsNode ? named(argumentsNode).filter((child) => child.type === 'expression').map((child) => this.expression(child, depth)) : [];
    const expandLast = argumentsNode ? named(argumentsNode).some((child) => child.type === 'ellipsis') : false;
    return { type: 'call', name: name?.text ?? '', args, expandLast, span: this.span(node) };
  }

  private forExpression(node: Node, depth: number): Expr {
    const inner = named(node)[0];
    if (!inner) return unsupported('an empty for expression', this.span(node));
    const span = this.span(inner);
    const parts = named(inner);
    const intro = parts.find((child) => child.type === 'for_intro');
    const condition = parts.find((child) => child.type === 'for_cond');
    const bodies = parts.filter((child) => child.type === 'expression');
    if (!intro) return unsupported('a for expression without its intro', span);
    const names = named(intro).filter((child) => child.type === 'identifier').map((child) => child.text);
    const collection = named(intro).find((child) => child.type === 'expression');
    if (!collection || names.length === 0) return unsupported('a for expression without its collection', span);
    const [keyName, valueName] = names.length === 2 ? [names[0], names[1]] : [undefined, names[0]];
    const conditionExpr = condition ? named(condition).find((child) => child.type === 'expression') : undefined;
    const isObject = inner.type === 'for_object_expr';
    if (bodies.length !== (isObject ? 2 : 1)) return unsupported('an incomplete for expression', span);
    return {
      type: 'for',
      keyName,
      valueName,
      collection: this.expression(collection, depth),
      key: isObject ? this.expression(bodies[0], depth) : undefined,
      value: this.expression(bodies[isObject ? 1 : 0], depth),
      condition: conditionExpr ? this.expression(conditionExpr, depth) : undefined,
      grouping: isObject && parts.some((child) => child.type === 'ellipsis'),
      span,
    };
  }

  private operation(node: Node, depth: number): Expr {
    const inner = named(node)[0];
    if (!inner) return unsupported('an empty operation', this.span(node));
    const children = all(inner);
    const span = this.span(inner);
    if (inner.type === 'unary_operation') {
      const op = children[0]?.type;
      if (op !== '-' && op !== '!') return unsupported(`unary ${op ?? '?'} is not evaluated`, span);
      return { type: 'unary', op, operand: this.terms(children.slice(1), depth), span };
    }
    if (inner.type === 'binary_operation') {
      const at = children.findIndex((child) => !child.isNamed && BINARY_OPERATORS.has(child.type));
      if (at <= 0 || at === children.length - 1) return unsupported('an incomplete operation', span);
      return { type: 'binary', op: children[at].type as BinaryOperator, left: this.terms(children.slice(0, at), depth), right: this.terms(children.slice(at + 1), depth), span };
    }
    return unsupported(`${inner.type} is not evaluated`, span);
  }
}

type TemplateRead = { readonly ok: true; readonly parts: (string | Expr)[] } | { readonly ok: false; readonly why: string };

function templateOrLiteral(parts: readonly (string | Expr)[], span: Span): Expr {
  if (parts.every((part): part is string => typeof part === 'string')) return { type: 'literal', value: parts.join(''), span };
  return { type: 'template', parts, span };
}

/** Heredocs take backslashes literally; only the template escapes apply. */
function decodeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{|%%\{/g, (sequence) => sequence.slice(1));
}

/** `<<-` removes the indentation that every non-blank line shares. */
function stripIndent(body: string): string {
  const lines = body.split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const shared = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(shared, line.length))).join('\n');
}
