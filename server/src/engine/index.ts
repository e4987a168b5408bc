/** The engine's public surface: the CLI and the language server import from here only. */
export { initTerraformParser as initEngine, type TerraformAssets as EngineAssets } from './adapters/terraform/parser';
export { lintDocument, SUPPRESSION_CHECK_ID, type LintInput, type LintResult } from './lint';
export { checks } from './checks/index';
export { adapters, findAdapter } from './adapters/index';
export type { Check } from './checks/define-check';
export type { Finding, Fix, InternalError, RelatedInformation } from './findings';
export type { NetworkRule, Peer, TextEdit, ParseError, FormatId } from './model/network-rule';
export { LineMap, type Span, type Position } from './model/span';
export { DEFAULT_SETTINGS, type Settings, type Severity, type SeveritySetting } from './settings';
