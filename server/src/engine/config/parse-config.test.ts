import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../settings';
import { settingsFromConfig } from './index';
import { MAX_CONFIG_LENGTH, parseConfig } from './parse-config';

const CHECK_IDS = ['full-range-exposure', 'missing-owner'];

/** Errors as `line:column message`, the way the CLI prints them. */
function errorsOf(text: string): string[] {
  return parseConfig(text, CHECK_IDS).errors.map((error) => `${error.line}:${error.column} ${error.message}`);
}

function yaml(strings: TemplateStringsArray): string {
  const lines = strings.join('').replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

describe('parseConfig', () => {
  it('reads every key', () => {
    const { overrides, errors } = parseConfig(yaml`
      checks:
        full-range-exposure: warning
        missing-owner: off
      maxPortRange: 100
      ports:
        database: [{port: 8529, name: ArangoDB}]
        admin:
          - port: 8443
            name: Admin UI
        public: [443]
      ownerKeys: [team]
      expiryKeys: [until]
      trustedCidrs: [10.0.0.0/8, "2001:db8::/32"]
      ignore: ["legacy/**"]
    `, CHECK_IDS);
    assert.deepEqual(errors, []);
    assert.deepEqual(overrides, {
      checks: { 'full-range-exposure': 'warning', 'missing-owner': 'off' },
      maxPortRange: 100,
      databasePorts: [{ port: 8529, name: 'ArangoDB' }],
      adminPorts: [{ port: 8443, name: 'Admin UI' }],
      publicPorts: [443],
      ownerKeys: ['team'],
      expiryKeys: ['until'],
      trustedCidrs: ['10.0.0.0/8', '2001:db8::/32'],
      ignorePaths: ['legacy/**'],
    });
  });

  it('takes an empty file, a comment-only file and empty keys as "nothing set"', () => {
    for (const text of ['', '# nothing yet\n', 'checks:\n  # missing-owner: off\nports:\n  public:\n']) {
      assert.deepEqual(parseConfig(text, CHECK_IDS), { overrides: {}, errors: [] }, JSON.stringify(text));
    }
  });

  it('reports unknown keys, unknown checks and bad severities where they are', () => {
    assert.deepEqual(errorsOf(yaml`
      checks:
        full-range-exposure: warn
        no-such-check: off
      colour: red
      ports:
        private: [22]
    `), [
      '2:24 checks.full-range-exposure: "warn" is not a severity; use error, warning, info, off.',
      '3:3 checks: unknown check "no-such-check"; the checks are full-range-exposure, missing-owner.',
      '4:1 Unknown key "colour"; the keys are checks, maxPortRange, ports, ownerKeys, expiryKeys, trustedCidrs, ignore, maxFileSize.',
      '6:3 ports: unknown key "private"; the keys are database, admin, public.',
    ]);
  });

  it('reports an unknown key even without a value', () => {
    assert.deepEqual(errorsOf('chekcs:\n'), ['1:1 Unknown key "chekcs"; the keys are checks, maxPortRange, ports, ownerKeys, expiryKeys, trustedCidrs, ignore, maxFileSize.']);
  });

  it('reports wrong types', () => {
    assert.deepEqual(errorsOf(yaml`
      checks: [full-range-exposure]
      maxPortRange: "1024"
      ownerKeys: owner
      expiryKeys: [expires, 2026]
      ignore: [""]
      ports: 22
    `), [
      '1:9 checks: expected a mapping, not a list.',
      '2:15 maxPortRange: expected an integer from 1 to 65536, not "1024".',
      '3:12 ownerKeys: expected a list of strings, not "owner".',
      '4:23 expiryKeys[1]: expected a non-empty string, not 2026; quote it: "2026".',
      '5:10 ignore[0]: expected a non-empty string, not "".',
      '6:8 ports: expected a mapping, not 22.',
    ]);
  });

  it('reports ports out of 0-65535 and incomplete named ports', () => {
    assert.deepEqual(errorsOf(yaml`
      maxPortRange: 0
      ports:
        database:
          - {port: 70000, name: Too high}
          - {port: 8529}
          - {port: 1, name: x, engine: y}
        public: [80, -1, 443.5]
    `), [
      '1:15 maxPortRange: 0 is out of range (1-65536).',
      '4:14 ports.database[0].port: 70000 is not a port number (0-65535).',
      '5:7 ports.database[1]: "name" is missing; an entry has port and name.',
      '6:26 ports.database[2]: unknown key "engine"; an entry has port and name.',
      '7:16 ports.public[1]: -1 is not a port number (0-65535).',
      '7:20 ports.public[2]: expected an integer from 0 to 65535, not 443.5.',
    ]);
  });

  it('validates trusted CIDRs with the engine parser', () => {
    assert.deepEqual(errorsOf('trustedCidrs: [10.0.0.0/8, 10.0.0.300/8, ::/129, office]'), [
      '1:28 trustedCidrs[1]: "10.0.0.300/8" is not a CIDR; write an address and prefix, e.g. 10.0.0.0/8 or 2001:db8::/32.',
      '1:42 trustedCidrs[2]: "::/129" is not a CIDR; write an address and prefix, e.g. 10.0.0.0/8 or 2001:db8::/32.',
      '1:50 trustedCidrs[3]: "office" is not a CIDR; write an address and prefix, e.g. 10.0.0.0/8 or 2001:db8::/32.',
    ]);
  });

  it('keeps the valid keys of a file that also has errors', () => {
    const { overrides, errors } = parseConfig('maxPortRange: 10\ncolour: red\n', CHECK_IDS);
    assert.equal(errors.length, 1);
    assert.deepEqual(overrides, { maxPortRange: 10 });
  });

  it('reports YAML syntax errors and reads nothing else', () => {
    assert.deepEqual(errorsOf('checks:\n  missing-owner: off\nports: [\n'), [
      '4:1 YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    assert.deepEqual(errorsOf('maxPortRange: 1\nmaxPortRange: 2\n'), ['2:1 YAML: Map keys must be unique']);
  });

  it('rejects a document that is not a mapping', () => {
    assert.deepEqual(errorsOf('- checks\n'), ['1:1 The configuration: expected a mapping, not a list.']);
  });

  it('follows aliases and reports errors at the reference', () => {
    const { overrides, errors } = parseConfig('ownerKeys: &keys [owner, team]\nexpiryKeys: *keys\n', CHECK_IDS);
    assert.deepEqual(errors, []);
    assert.deepEqual(overrides, { ownerKeys: ['owner', 'team'], expiryKeys: ['owner', 'team'] });
    assert.deepEqual(errorsOf('ownerKeys: [&n 5]\nexpiryKeys: [*n]\n'), [
      '1:16 ownerKeys[0]: expected a non-empty string, not 5; quote it: "5".',
      '2:14 expiryKeys[0]: expected a non-empty string, not 5; quote it: "5".',
    ]);
  });

  it('does not expand alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), 'ignore: *j'].join('\n');
    const started = Date.now();
    const { errors } = parseConfig(bomb, CHECK_IDS);
    assert.ok(Date.now() - started < 1000, 'took too long');
    assert.ok(errors.some((error) => error.message.startsWith('ignore[0]: expected a non-empty string, not a list')));
  });

  it('refuses a file over the size limit', () => {
    assert.deepEqual(errorsOf(`# ${'x'.repeat(MAX_CONFIG_LENGTH)}\n`), [`1:1 The file has ${MAX_CONFIG_LENGTH + 3} characters; a configuration may have at most ${MAX_CONFIG_LENGTH}.`]);
  });

  it('never throws on odd input', () => {
    for (const text of ['{', '? [a]\n: b', '!!binary x', 'checks: {? [x] : y}', '[1, 2', '\u0000', 'checks:\n  *x: off', '%YAML 9.9\n---\na: 1']) {
      assert.doesNotThrow(() => parseConfig(text, CHECK_IDS), JSON.stringify(text));
    }
  });

  it('accepts the suppression check among the registered ids by default', () => {
    assert.deepEqual(parseConfig('checks:\n  invalid-suppression: off\n').errors, []);
  });
});

describe('settingsFromConfig', () => {
  it('lays the file over the defaults', () => {
    const { settings, errors } = settingsFromConfig('maxPortRange: 10\nports:\n  public: [443]\n');
    assert.deepEqual(errors, []);
    assert.equal(settings.maxPortRange, 10);
    assert.deepEqual(settings.publicPorts, [443]);
    assert.deepEqual(settings.databasePorts, DEFAULT_SETTINGS.databasePorts);
  });
});
