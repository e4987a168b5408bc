import type { Direction, NetworkRule, TextEdit } from './model/network-rule';
import type { Span } from './model/span';
import type { Severity } from './settings';

export interface Fix {
  /** Imperative, e.g. "Narrow port range to 443". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one fix a careful reviewer would apply without asking; only these go into fix-all and --fix. */
  readonly preferred?: boolean;
  /**
   * Text in the fix's single edit that only a person can fill in (an owner's name, a reason).
   * Editors that can turn it into a snippet tab stop select it for typing over.
   */
  readonly placeholder?: string;
}

export interface RelatedInformation {
  readonly message: string;
  readonly span: Span;
  /** The file the span is in, when it is not the linted document (a module's caller, a child module). */
  readonly path?: string;
}

export interface Finding {
  readonly checkId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes: readonly Fix[];
  readonly related: readonly RelatedInformation[];
  /** The rule the finding is about, when there is one (a suppression problem has none). */
  readonly rule?: NetworkRule;
  /**
   * What identifies the rule across runs and threads, set with `rule`: a rule holds its editors
   * (functions), so a finding sent from a lint thread leaves the rule behind and keeps this.
   */
  readonly subject?: FindingSubject;
}

export interface FindingSubject {
  readonly address: string;
  readonly direction: Direction;
}

export interface InternalError {
  readonly checkId: string;
  readonly message: string;
  readonly stack?: string;
}
