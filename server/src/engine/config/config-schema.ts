import type { Check } from '../checks/define-check';
import { checks as registeredChecks } from '../checks/index';
import { SUPPRESSION_CHECK_ID } from '../lint';
import { DEFAULT_SETTINGS, type NamedPort, type Settings } from '../settings';
import { MAX_FILE_SIZE_LIMIT, MAX_PORT_RANGE_LIMIT, SEVERITY_SETTINGS } from './parse-config';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonSchema = { readonly [key: string]: JsonValue };

/**
 * The JSON Schema of `.portwarden.yaml` (draft-07, which yaml-language-server and ajv read). It is
 * built from the check registry and the default settings, so schema/portwarden.schema.json is
 * regenerated, never edited. parseConfig stays the authority: it also checks what a schema cannot
 * say well, such as whether a CIDR parses.
 */
export function buildConfigSchema(checks: readonly Check[] = registeredChecks, defaults: Settings = DEFAULT_SETTINGS): JsonSchema {
  const checkProperties: Record<string, JsonValue> = {};
  for (const check of [...checks].sort((a, b) => a.id.localeCompare(b.id))) {
    checkProperties[check.id] = {
      description: `${check.title}. Default: ${check.severity}.`,
      enum: [...SEVERITY_SETTINGS],
      default: check.severity,
    };
  }
  checkProperties[SUPPRESSION_CHECK_ID] = {
    description: 'A portwarden-ignore comment that names no check or gives no reason. Default: warning.',
    enum: [...SEVERITY_SETTINGS],
    default: 'warning',
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Port Warden configuration (.portwarden.yaml)',
    description: 'Settings for the Port Warden linter. The nearest .portwarden.yaml above a file applies to it.',
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
      checks: {
        description: 'Severity per check id: error, warning, info, or off to disable the check.',
        type: ['object', 'null'],
        additionalProperties: false,
        properties: checkProperties,
      },
      maxPortRange: {
        description: 'An internet-facing rule that opens more ports than this is a full-range exposure.',
        type: ['integer', 'null'],
        minimum: 1,
        maximum: MAX_PORT_RANGE_LIMIT,
        default: defaults.maxPortRange,
      },
      ports: {
        description: 'Port lists the checks use.',
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          database: namedPortList('Database, cache, search and queue ports, added to the built-in list', defaults.databasePorts),
          admin: namedPortList('Remote administration ports, added to the built-in list', defaults.adminPorts),
          public: {
            description: 'Ports that may be open to the internet. Replaces the default list.',
            type: ['array', 'null'],
            items: { $ref: '#/definitions/port' },
            default: [...defaults.publicPorts],
          },
        },
      },
      ownerKeys: stringList('Tag and label keys that name a rule\'s owner. Replaces the default list.', defaults.ownerKeys),
      expiryKeys: stringList('Tag and label keys that hold an expiry date (YYYY-MM-DD). Replaces the default list.', defaults.expiryKeys),
      trustedCidrs: {
        description: 'Networks that "Restrict source to ..." fixes offer instead of the internet, e.g. 10.0.0.0/8.',
        type: ['array', 'null'],
        items: { type: 'string', pattern: '^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$' },
        default: [...defaults.trustedCidrs],
      },
      ignore: stringList('Globs, relative to this file\'s directory, of files and directories not to lint, e.g. "legacy/**".', defaults.ignorePaths),
      maxFileSize: {
        description: 'Files larger than this many bytes are not linted; the CLI and the editor say so. Default: 1 MiB.',
        type: ['integer', 'null'],
        minimum: 1,
        maximum: MAX_FILE_SIZE_LIMIT,
        default: defaults.maxFileSize,
      },
    },
    definitions: {
      port: { type: 'integer', minimum: 0, maximum: 65535 },
      namedPort: {
        type: 'object',
        additionalProperties: false,
        required: ['port', 'name'],
        properties: {
          port: { $ref: '#/definitions/port' },
          name: { type: 'string', minLength: 1, pattern: '\\S' },
        },
      },
    },
  };
}

/** The file's exact text: `npm run schema` writes it and a test compares it with schema/portwarden.schema.json. */
export function renderConfigSchema(checks: readonly Check[] = registeredChecks, defaults: Settings = DEFAULT_SETTINGS): string {
  return `${JSON.stringify(buildConfigSchema(checks, defaults), null, 2)}\n`;
}

function namedPortList(what: string, defaults: readonly NamedPort[]): JsonValue {
  const builtIn = defaults.map(({ port, name }) => `${port} (${name})`).join(', ');
  return {
    description: `${what}: ${builtIn}.`,
    type: ['array', 'null'],
    items: { $ref: '#/definitions/namedPort' },
  };
}

function stringList(description: string, defaults: readonly string[]): JsonValue {
  return {
    description,
    type: ['array', 'null'],
    items: { type: 'string', minLength: 1, pattern: '\\S' },
    default: [...defaults],
  };
}
