/** The engine's public surface: the CLI and the language server import from here only. */
export { initTerraformParser as initEngine, type TerraformAssets as EngineAssets } from './adapters/terraform/parser';
export { findWorkloadPorts, lintDocument, SUPPRESSION_CHECK_ID, type LintInput, type LintResult } from './lint';
export { ParseCache } from './adapters/adapter';
export { SourceCache, type ModuleContext, type SourceFile } from './adapters/module-context';
export { isModuleFile } from './adapters/terraform/eval/config-file';
export { localSourcesInText } from './paths';
export { checks } from './checks/index';
export { adapters, findAdapter } from './adapters/index';
export { whyNoAdapter } from './adapters/skip-reason';
export type { Check } from './checks/define-check';
export type { Finding, Fix, InternalError, RelatedInformation } from './findings';
export type { NetworkRule, Peer, TextEdit, ParseError, FormatId } from './model/network-rule';
export { LineMap, type Span, type Position } from './model/span';
export { DEFAULT_SETTINGS, type Settings, type Severity, type SeveritySetting } from './settings';
// Building blocks the editor needs for hover text, port input and fix-all.
export { countPorts, coversRanges, parsePortList, showCount, showRanges, type PortRange } from './model/ports';
export { cidrSize, isPrivateCidr, isWholeInternet, parseCidr } from './model/cidr';
export { carriesPorts, isInternetPeer } from './model/peers';
export { containsOffset } from './model/span';
export { namePort, portsNamed, type NamedPort } from './settings';
export { applyEdits, nonOverlapping } from './apply-edits';
export { fixAll, fixDocument, MAX_FIX_PASSES, type AppliedFix, type FixAllOutcome, type FixAllStart, type Relint } from './fix-all';
export { fixesFor, isAboutPorts, isSuppressionFix } from './finding-fixes';
export * from './audit/index';
export { narrowingFixes } from './checks/fixes';
export { tooLargeMessage } from './file-size';
export { CONFIG_FILE_NAME, MAX_CONFIG_LENGTH, MAX_FILE_SIZE_LIMIT, mergeSettings, parseConfig, settingsFromConfig, renderConfigSchema, type ConfigError, type SettingsOverrides } from './config/index';
