import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseConfig, renderConfigSchema } from '../../server/src/engine/config/index';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test/config/fixtures');
const schemaPath = join(root, 'schema/portwarden.schema.json');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(dir, name));
}

function validator(): ReturnType<Ajv['compile']> {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

describe('schema/portwarden.schema.json', () => {
  it('is up to date (npm run schema)', () => {
    assert.equal(readFileSync(schemaPath, 'utf8'), renderConfigSchema(), 'stale: run npm run schema');
  });

  it('is a valid draft-07 schema under ajv strict mode', () => {
    assert.doesNotThrow(validator);
  });

  const validate = validator();
  const cliConfigs = ['config-off', 'config-ignore', 'bad-config'].map((dir) => join(root, 'test/cli/fixtures', dir, '.portwarden.yaml'));
  const valid = [...yamlFiles(join(fixtures, 'valid')), ...cliConfigs.filter((path) => !path.includes('bad-config'))];
  const invalid = [...yamlFiles(join(fixtures, 'invalid')), ...cliConfigs.filter((path) => path.includes('bad-config'))];

  for (const path of valid) {
    it(`accepts ${path.slice(root.length + 1)}, as parseConfig does`, () => {
      const text = readFileSync(path, 'utf8');
      assert.deepEqual(parseConfig(text).errors, []);
      assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
    });
  }

  for (const path of invalid) {
    it(`rejects ${path.slice(root.length + 1)}, as parseConfig does`, () => {
      const text = readFileSync(path, 'utf8');
      assert.notDeepEqual(parseConfig(text).errors, []);
      assert.equal(validate(parse(text)), false);
    });
  }

  it('leaves the finer CIDR checks to parseConfig', () => {
    const text = 'trustedCidrs: [10.0.0.300/8]\n';
    assert.equal(validate(parse(text)), true);
    assert.equal(parseConfig(text).errors.length, 1);
  });
});
