import { dirname } from 'node:path';
import { mergeSettings, parseConfig } from '../engine/index';
import { createConfigIgnore } from '../node/config-ignore';
import type { ProjectConfig } from './project-config';

/**
 * One `.portwarden.yaml` as the editor uses it. The config module parses it; its keys are laid
 * over the editor's settings here, so the file wins wherever it says something.
 */
export function parseProjectConfig(text: string, path: string): ProjectConfig {
  const { overrides, errors } = parseConfig(text);
  const isIgnored = createConfigIgnore(dirname(path), overrides.ignorePaths ?? []);
  return {
    path,
    apply: (base) => mergeSettings(base, overrides),
    ignores: (documentPath) => isIgnored(documentPath, false),
    problems: errors.map((error) => `${path}:${error.line}:${error.column}: ${error.message}`),
  };
}
