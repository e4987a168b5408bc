import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { adapters, DEFAULT_SETTINGS } from '../../server/src/engine/index';
import { SERVED_LANGUAGE_IDS } from '../../server/src/shared/formats';
import { REPOSITORY_URL } from '../../server/src/shared/links';
import {
  EXPOSURES_VIEW,
  GROUP_EXPOSURES_COMMAND,
  LINT_WORKSPACE_COMMAND,
  NARROW_PORTS_COMMAND,
  REFRESH_EXPOSURES_COMMAND,
  RESTART_SERVER_COMMAND,
  SHOW_OUTPUT_COMMAND,
} from '../../server/src/shared/protocol';

const root = join(__dirname, '..', '..', '..');

interface Property {
  readonly default?: unknown;
  readonly description?: string;
  readonly markdownDescription?: string;
}

interface Manifest {
  readonly main: string;
  readonly icon: string;
  readonly repository: { readonly url: string };
  readonly engines: { readonly vscode: string };
  readonly activationEvents: readonly string[];
  readonly capabilities: { readonly untrustedWorkspaces: { readonly supported: boolean } };
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly contributes: {
    readonly languages: readonly { readonly id: string; readonly extensions: readonly string[] }[];
    readonly configuration: { readonly properties: Readonly<Record<string, Property>> };
    readonly commands: readonly { readonly command: string }[];
    readonly views: Readonly<Record<string, readonly { readonly id: string; readonly name: string }[]>>;
    readonly menus: Readonly<Record<string, readonly { readonly command: string; readonly when?: string }[]>>;
    readonly yamlValidation: readonly { readonly fileMatch: string; readonly url: string }[];
    readonly jsonValidation: readonly { readonly fileMatch: string; readonly url: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

describe('the extension manifest (package.json) agrees with the code', () => {
  it('starts the bundled client, on every language the server serves and on a config file', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.deepEqual(manifest.activationEvents, [...SERVED_LANGUAGE_IDS.map((id) => `onLanguage:${id}`), 'workspaceContains:**/.portwarden.yaml']);
    for (const adapter of adapters) {
      for (const id of adapter.languageIds) assert.ok((SERVED_LANGUAGE_IDS as readonly string[]).includes(id), `${adapter.id} reads ${id}, which the client does not send`);
    }
  });

  it('contributes the terraform language for .tf and .tfvars', () => {
    assert.deepEqual(manifest.contributes.languages.map((language) => [language.id, language.extensions]), [['terraform', ['.tf', '.tfvars']]]);
  });

  it('documents every setting, with the engine\'s defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), [
      'portwarden.checks', 'portwarden.enable', 'portwarden.maxPortRange', 'portwarden.ownerKeys',
      'portwarden.publicPorts', 'portwarden.trace.server', 'portwarden.trustedCidrs',
    ]);
    for (const [key, property] of Object.entries(properties)) assert.ok(property.description ?? property.markdownDescription, `${key} has no description`);
    assert.equal(properties['portwarden.maxPortRange'].default, DEFAULT_SETTINGS.maxPortRange);
    assert.deepEqual(properties['portwarden.publicPorts'].default, DEFAULT_SETTINGS.publicPorts);
    assert.deepEqual(properties['portwarden.ownerKeys'].default, DEFAULT_SETTINGS.ownerKeys);
    assert.deepEqual(properties['portwarden.trustedCidrs'].default, DEFAULT_SETTINGS.trustedCidrs);
    assert.deepEqual(properties['portwarden.checks'].default, DEFAULT_SETTINGS.checks);
  });

  it('contributes exactly the commands the client registers for users', () => {
    assert.deepEqual(manifest.contributes.commands.map((command) => command.command), [
      LINT_WORKSPACE_COMMAND, SHOW_OUTPUT_COMMAND, RESTART_SERVER_COMMAND, NARROW_PORTS_COMMAND, REFRESH_EXPOSURES_COMMAND, GROUP_EXPOSURES_COMMAND,
    ]);
  });

  it('contributes the Exposed Ports view to the Explorer, with its title-bar commands', () => {
    assert.deepEqual(manifest.contributes.views, { explorer: [{ id: EXPOSURES_VIEW, name: 'Exposed Ports', contextualTitle: 'Port Warden' }] });
    assert.deepEqual(manifest.contributes.menus['view/title'].map((item) => [item.command, item.when]), [
      [GROUP_EXPOSURES_COMMAND, `view == ${EXPOSURES_VIEW}`],
      [REFRESH_EXPOSURES_COMMAND, `view == ${EXPOSURES_VIEW}`],
    ]);
  });

  it('points YAML and JSON validation of .portwarden.yaml at the generated schema', () => {
    for (const validation of [manifest.contributes.yamlValidation, manifest.contributes.jsonValidation]) {
      assert.deepEqual(validation, [{ fileMatch: '.portwarden.yaml', url: './schema/portwarden.schema.json' }]);
    }
  });

  it('supports untrusted workspaces: the linter executes nothing', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });

  it('runs on VS Code 1.100 and names the repository the diagnostics link to', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0', '@types/vscode must not be newer than engines.vscode, or vsce refuses to package');
    assert.equal(manifest.repository.url, `${REPOSITORY_URL}.git`);
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0, January 2004/);
  });

  it('has an icon: a PNG of at least 128x128 pixels, as the Marketplace wants', () => {
    const icon = readFileSync(join(root, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString('ascii'), 'PNG');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, `${manifest.icon} is ${icon.readUInt32BE(16)}x${icon.readUInt32BE(20)}`);
  });

  it('packs an allow-list: only the runtime files go into the .vsix', () => {
    const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    assert.equal(lines[0], '**');
    assert.deepEqual(lines.slice(1), ['!package.json', '!README.md', '!LICENSE', '!images/icon.png', '!dist/extension.js', '!dist/server.js', '!dist/*.wasm', '!syntaxes/**', '!schema/**']);
    for (const file of ['syntaxes/terraform.tmLanguage.json', 'syntaxes/terraform.language-configuration.json']) assert.ok(existsSync(join(root, file)), `${file} is missing`);
  });
});
