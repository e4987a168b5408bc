import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Settings } from '../settings';
import { mergeSettings } from './merge-settings';

const BASE: Settings = {
  checks: { 'missing-owner': 'info' },
  databasePorts: [{ port: 3306, name: 'MySQL' }, { port: 5432, name: 'PostgreSQL' }],
  adminPorts: [{ port: 22, name: 'SSH' }],
  publicPorts: [80, 443],
  maxPortRange: 1024,
  ownerKeys: ['owner'],
  expiryKeys: ['expires'],
  trustedCidrs: [],
  ignorePaths: [],
  maxFileSize: 1024,
};

describe('mergeSettings', () => {
  it('keeps the base when nothing is set', () => {
    assert.deepEqual(mergeSettings(BASE, {}), BASE);
  });

  it('extends database and admin ports, renaming a port listed twice', () => {
    const merged = mergeSettings(BASE, {
      databasePorts: [{ port: 5432, name: 'Postgres (analytics)' }, { port: 8529, name: 'ArangoDB' }],
      adminPorts: [{ port: 8443, name: 'Admin UI' }],
    });
    assert.deepEqual(merged.databasePorts, [
      { port: 3306, name: 'MySQL' },
      { port: 5432, name: 'Postgres (analytics)' },
      { port: 8529, name: 'ArangoDB' },
    ]);
    assert.deepEqual(merged.adminPorts, [{ port: 22, name: 'SSH' }, { port: 8443, name: 'Admin UI' }]);
  });

  it('replaces public ports and the key, CIDR and ignore lists', () => {
    const merged = mergeSettings(BASE, { publicPorts: [443], ownerKeys: ['team'], expiryKeys: [], trustedCidrs: ['10.0.0.0/8'], ignorePaths: ['x/**'], maxPortRange: 1, maxFileSize: 2048 });
    assert.deepEqual(
      [merged.publicPorts, merged.ownerKeys, merged.expiryKeys, merged.trustedCidrs, merged.ignorePaths, merged.maxPortRange, merged.maxFileSize],
      [[443], ['team'], [], ['10.0.0.0/8'], ['x/**'], 1, 2048],
    );
  });

  it('merges check severities per check', () => {
    assert.deepEqual(mergeSettings(BASE, { checks: { 'full-range-exposure': 'off' } }).checks, { 'missing-owner': 'info', 'full-range-exposure': 'off' });
    assert.deepEqual(mergeSettings(BASE, { checks: { 'missing-owner': 'error' } }).checks, { 'missing-owner': 'error' });
  });
});
