import type { NamedPort, Settings } from '../settings';
import type { SettingsOverrides } from './parse-config';

/**
 * Lays a configuration over base settings. Database and admin ports extend the base lists (an entry
 * for a port already listed renames it); check severities merge per check; every other field that the
 * overrides set replaces the base value.
 */
export function mergeSettings(base: Settings, overrides: SettingsOverrides): Settings {
  return {
    checks: { ...base.checks, ...overrides.checks },
    databasePorts: extendPorts(base.databasePorts, overrides.databasePorts),
    adminPorts: extendPorts(base.adminPorts, overrides.adminPorts),
    publicPorts: overrides.publicPorts ?? base.publicPorts,
    maxPortRange: overrides.maxPortRange ?? base.maxPortRange,
    ownerKeys: overrides.ownerKeys ?? base.ownerKeys,
    expiryKeys: overrides.expiryKeys ?? base.expiryKeys,
    trustedCidrs: overrides.trustedCidrs ?? base.trustedCidrs,
    ignorePaths: overrides.ignorePaths ?? base.ignorePaths,
    maxFileSize: overrides.maxFileSize ?? base.maxFileSize,
  };
}

function extendPorts(base: readonly NamedPort[], added: readonly NamedPort[] | undefined): readonly NamedPort[] {
  if (!added || added.length === 0) return base;
  const byPort = new Map(base.map((entry) => [entry.port, entry]));
  for (const entry of added) byPort.set(entry.port, entry);
  return [...byPort.values()];
}
