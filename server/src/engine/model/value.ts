import type { Span } from './span';

/**
 * A field read from a document. An unknown value (a variable, a function call, a reference)
 * keeps its span so that a later evaluation step can resolve it, and says why it is unknown.
 */
export type Value<T> = KnownValue<T> | UnknownValue;

export interface KnownValue<T> {
  readonly known: true;
  readonly value: T;
  readonly span: Span;
  /** Where a resolved value came from, e.g. "var.admin_cidr default, variables.tf:12". */
  readonly origin?: string;
}

export interface UnknownValue {
  readonly known: false;
  readonly span: Span;
  readonly why: string;
  /**
   * Set when the value is written out but no value can be like it (port 65536, a /33 prefix): the
   * cloud would reject it, so `why` is reported to the user rather than only shown on hover.
   */
  readonly invalid?: true;
}

export function known<T>(value: T, span: Span, origin?: string): KnownValue<T> {
  return origin === undefined ? { known: true, value, span } : { known: true, value, span, origin };
}

export function unknown(span: Span, why: string): UnknownValue {
  return { known: false, span, why };
}

/** A literal that is not a valid value of its kind (see UnknownValue.invalid): unknown, never guessed, and reported. */
export function invalid(span: Span, why: string): UnknownValue {
  return { known: false, span, why, invalid: true };
}

/** " from <origin>" for a value that was evaluated, to follow what a message shows of it; empty for a literal. */
export function fromOrigin(value: Value<unknown>): string {
  return value.known && value.origin !== undefined ? ` from ${value.origin}` : '';
}
