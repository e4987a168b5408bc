import type { ProjectConfig } from './project-config';

/** Placeholder until the config module lands: a config file applies nothing. */
export function parseProjectConfig(_text: string, path: string): ProjectConfig {
  return { path, apply: (base) => base, ignores: () => false, problems: [] };
}
