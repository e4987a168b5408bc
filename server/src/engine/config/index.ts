/** `.portwarden.yaml`: parsing, merging over defaults, and the JSON Schema. No file access here. */
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { mergeSettings } from './merge-settings';
import { parseConfig, type ConfigError } from './parse-config';

export { configurableCheckIds } from './check-ids';
export { buildConfigSchema, renderConfigSchema } from './config-schema';
export { mergeSettings } from './merge-settings';
export { MAX_CONFIG_LENGTH, MAX_FILE_SIZE_LIMIT, parseConfig, type ConfigError, type ParsedConfig, type SettingsOverrides } from './parse-config';

export const CONFIG_FILE_NAME = '.portwarden.yaml';

/** Parses a configuration and lays it over `base`; the settings hold every valid key even when there are errors. */
export function settingsFromConfig(text: string, base: Settings = DEFAULT_SETTINGS): { settings: Settings; errors: readonly ConfigError[] } {
  const { overrides, errors } = parseConfig(text);
  return { settings: mergeSettings(base, overrides), errors };
}
