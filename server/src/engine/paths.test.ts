import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directoryOf, isLocalSource, normalizePath, relativePath, resolveFrom } from './paths';

describe('module source paths', () => {
  it('resolves local sources as Terraform does', () => {
    assert.equal(resolveFrom('/infra/envs/prod', './modules/web'), '/infra/envs/prod/modules/web');
    assert.equal(resolveFrom('/infra/envs/prod', '../../modules/web'), '/infra/modules/web');
    assert.equal(resolveFrom('/infra', './'), '/infra');
    assert.equal(resolveFrom('/', '../x'), '/x');
    assert.equal(resolveFrom('C:\\infra\\prod', '../modules/web'), 'C:\\infra\\modules\\web');
    assert.equal(resolveFrom('.', './modules/web'), 'modules/web');
  });

  it('tells local sources from registry and git sources', () => {
    for (const source of ['./x', '../x', '.', '..']) assert.ok(isLocalSource(source), source);
    for (const source of ['hashicorp/consul/aws', 'git::https://example.com/x.git', 'x', '/abs']) assert.ok(!isLocalSource(source), source);
  });

  it('names files relative to the document, with forward slashes', () => {
    assert.equal(relativePath('/infra/modules/web', '/infra/main.tf'), '../../main.tf');
    assert.equal(relativePath('/infra', '/infra/modules/web/main.tf'), 'modules/web/main.tf');
    assert.equal(relativePath('C:\\infra', 'C:\\infra\\vars.tfvars'), 'vars.tfvars');
    assert.equal(relativePath('.', 'main.tf'), 'main.tf');
  });

  it('finds directories and normalises', () => {
    assert.equal(directoryOf('/infra/main.tf'), '/infra');
    assert.equal(directoryOf('main.tf'), '.');
    assert.equal(directoryOf('/main.tf'), '/');
    assert.equal(directoryOf('C:\\main.tf'), 'C:\\');
    assert.equal(normalizePath('/a/./b//c/../d'), '/a/b/d');
  });
});
