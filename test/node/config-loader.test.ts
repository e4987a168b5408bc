import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createConfigIgnore } from '../../server/src/node/config-ignore';
import { ConfigLoader, isBroken } from '../../server/src/node/config-loader';

const dir = mkdtempSync(join(tmpdir(), 'portwarden-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'team/app/deep'), { recursive: true });
mkdirSync(join(dir, 'team/other'), { recursive: true });
writeFileSync(join(dir, '.portwarden.yaml'), 'maxPortRange: 10\n');
writeFileSync(join(dir, 'team/app/.portwarden.yaml'), 'maxPortRange: 20\nignore: ["legacy/**"]\n');

describe('ConfigLoader', () => {
  it('finds the nearest configuration above a directory', async () => {
    const loader = new ConfigLoader();
    assert.equal((await loader.forDirectory(join(dir, 'team/app/deep')))?.settings.maxPortRange, 20);
    assert.equal((await loader.forDirectory(join(dir, 'team/app')))?.path, join(dir, 'team/app/.portwarden.yaml'));
    assert.equal((await loader.forDirectory(join(dir, 'team/other')))?.settings.maxPortRange, 10);
  });

  it('caches per directory until cleared', async () => {
    const loader = new ConfigLoader();
    const other = join(dir, 'team/other');
    assert.equal((await loader.forDirectory(other))?.settings.maxPortRange, 10);
    writeFileSync(join(other, '.portwarden.yaml'), 'maxPortRange: 30\n');
    try {
      assert.equal((await loader.forDirectory(other))?.settings.maxPortRange, 10);
      loader.clear();
      assert.equal((await loader.forDirectory(other))?.settings.maxPortRange, 30);
    } finally {
      rmSync(join(other, '.portwarden.yaml'));
    }
  });

  it('uses an explicit configuration for every directory', async () => {
    const loader = new ConfigLoader(join(dir, '.portwarden.yaml'));
    assert.equal((await loader.forDirectory(join(dir, 'team/app/deep')))?.settings.maxPortRange, 10);
  });

  it('returns problems as values', async () => {
    const loader = new ConfigLoader();
    const missing = await loader.load(join(dir, 'nope.yaml'));
    assert.equal(missing.readError, 'it does not exist (ENOENT)');
    assert.ok(isBroken(missing));
    writeFileSync(join(dir, 'broken.yaml'), 'maxPortRange: lots\n');
    const broken = await loader.load(join(dir, 'broken.yaml'));
    assert.deepEqual(broken.errors.map((error) => `${error.line}:${error.column}`), ['1:15']);
    const folder = await loader.load(join(dir, 'team'));
    assert.equal(folder.readError, 'it is not a file');
  });

  it('matches ignore globs relative to the configuration\'s directory', async () => {
    const config = await new ConfigLoader().forDirectory(join(dir, 'team/app'));
    assert.ok(config);
    assert.equal(config.isIgnored(join(dir, 'team/app/legacy/old.tf'), false), true);
    assert.equal(config.isIgnored(join(dir, 'team/app/legacy'), true), true);
    assert.equal(config.isIgnored(join(dir, 'team/app/main.tf'), false), false);
    assert.equal(config.isIgnored(join(dir, 'legacy/old.tf'), false), false);
  });
});

describe('createConfigIgnore', () => {
  it('accepts gitignore-style directory globs and dotfiles', () => {
    const isIgnored = createConfigIgnore('/repo', ['vendor/', '**/*.generated.tf', '.terraform/**']);
    assert.equal(isIgnored('/repo/vendor', true), true);
    assert.equal(isIgnored('/repo/vendor', false), false);
    assert.equal(isIgnored('/repo/a/b/x.generated.tf', false), true);
    assert.equal(isIgnored('/repo/.terraform/modules/x.tf', false), true);
    assert.equal(isIgnored('/repo', true), false);
    assert.equal(isIgnored('/elsewhere/x.generated.tf', false), false);
  });
});
