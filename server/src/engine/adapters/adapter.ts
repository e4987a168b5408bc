import type { AdapterResult, FormatId } from '../model/network-rule';

export interface AdapterOptions {
  readonly ownerKeys: readonly string[];
  readonly expiryKeys: readonly string[];
}

export interface Adapter {
  readonly id: FormatId;
  /** VS Code language ids the adapter serves. */
  readonly languageIds: readonly string[];
  /** Whether a document is in this format, by its path and content. */
  detect(path: string, text: string): boolean;
  /** Never throws on bad input: broken blocks are skipped and reported as parse errors. */
  parse(text: string, options: AdapterOptions): AdapterResult;
  /** How a line comment starts in this format, for suppression comments. */
  readonly commentPrefix: string;
}
