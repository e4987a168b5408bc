import type { Fix, RelatedInformation } from '../findings';
import type { NetworkRule, SiblingRules } from '../model/network-rule';
import type { Span } from '../model/span';
import type { Settings, Severity } from '../settings';

export interface CheckDocs {
  /** Why the exposure is dangerous. */
  readonly why: string;
  /** What to do instead. */
  readonly howToFix: string;
  /** A file under examples/ that shows the problem. */
  readonly example: string;
}

export interface CheckMeta<MessageId extends string> {
  /** Kebab-case noun, also the file name. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Message templates; `{name}` is filled from the report's data. */
  readonly messages: Readonly<Record<MessageId, string>>;
  readonly docs: CheckDocs;
  /** Whether the check offers a preferred fix for some of its findings. */
  readonly fixable: boolean;
}

export interface Report<MessageId extends string> {
  readonly message: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly span: Span;
  readonly rule?: NetworkRule;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedInformation[];
}

export interface CheckContext<MessageId extends string> {
  readonly settings: Settings;
  /** Today's date as YYYY-MM-DD: the engine takes the clock as an argument. */
  readonly today: string;
  /** The document the rules were read from (its path as LintInput has it), e.g. to name a rule's line in a message. */
  readonly path: string;
  readonly text: string;
  /**
   * Rules of the other files of the document's module (a Terraform module's other `.tf` files),
   * for checks that compare rules of one group: they may be named in messages and related
   * information, never reported on.
   */
  readonly siblingRules: readonly SiblingRules[];
  report(report: Report<MessageId>): void;
}

export interface Check<MessageId extends string = string> extends CheckMeta<MessageId> {
  /** Runs once per rule. */
  readonly run?: (rule: NetworkRule, ctx: CheckContext<MessageId>) => void;
  /** Runs once per document with every rule, for checks that compare or group rules. */
  readonly runDocument?: (rules: readonly NetworkRule[], ctx: CheckContext<MessageId>) => void;
}

/** Typed so that a report with a misspelled message id does not compile. */
export function defineCheck<MessageId extends string>(check: Check<MessageId>): Check<MessageId> {
  if (!check.run && !check.runDocument) throw new Error(`check ${check.id} has neither run nor runDocument`);
  return check;
}

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
