import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { parseCidr } from '../model/cidr';
import { LineMap, type Span } from '../model/span';
import type { NamedPort, Settings, SeveritySetting } from '../settings';
import { configurableCheckIds } from './check-ids';

/** A problem in a `.portwarden.yaml`, with its place: line and column count from 1, as editors show them. */
export interface ConfigError {
  readonly message: string;
  readonly span: Span;
  readonly line: number;
  readonly column: number;
}

/**
 * What one configuration file sets. `databasePorts` and `adminPorts` are added to the base lists by
 * mergeSettings; every other field replaces the base value. Fields the file does not set are absent.
 */
export type SettingsOverrides = Partial<Settings>;

export interface ParsedConfig {
  readonly overrides: SettingsOverrides;
  /** Empty when the file is valid. The overrides then hold every valid key even when this is not empty. */
  readonly errors: readonly ConfigError[];
}

export const CONFIG_KEYS = ['checks', 'maxPortRange', 'ports', 'ownerKeys', 'expiryKeys', 'trustedCidrs', 'ignore', 'maxFileSize'] as const;
export const PORT_LIST_KEYS = ['database', 'admin', 'public'] as const;
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];
export const MAX_PORT_RANGE_LIMIT = 65536;
/** The largest maxFileSize (64 MiB): a linted text must fit in memory several times over. */
export const MAX_FILE_SIZE_LIMIT = 64 * 1024 * 1024;
/** A configuration is a few dozen lines; anything this large is a mistake, and parsing it would only cost time. */
export const MAX_CONFIG_LENGTH = 1024 * 1024;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Parses `.portwarden.yaml` text. Never throws: every problem comes back as an error with its position. */
export function parseConfig(text: string, checkIds: readonly string[] = configurableCheckIds()): ParsedConfig {
  const lines = new LineMap(text);
  const errors: ConfigError[] = [];
  const report = (message: string, span: Span): void => {
    const { line, character } = lines.positionAt(span.start);
    errors.push({ message, span, line: line + 1, column: character + 1 });
  };
  if (text.length > MAX_CONFIG_LENGTH) {
    report(`The file has ${text.length} characters; a configuration may have at most ${MAX_CONFIG_LENGTH}.`, { start: 0, end: 0 });
    return { overrides: {}, errors };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const problem of [...doc.errors, ...doc.warnings]) report(`YAML: ${problem.message}`, { start: problem.pos[0], end: problem.pos[1] });
  // Reading a half-parsed document would pile guesses on top of the syntax error.
  if (errors.length > 0) return { overrides: {}, errors };
  return { overrides: new ConfigReader(doc, checkIds, report).root(), errors };
}

/** A YAML node where it is used: an alias keeps its own span, so errors point at the reference. */
interface Located {
  readonly node: unknown;
  readonly span: Span;
}

class ConfigReader {
  constructor(
    private readonly doc: Document,
    private readonly checkIds: readonly string[],
    private readonly report: (message: string, span: Span) => void,
  ) {}

  root(): SettingsOverrides {
    const overrides: Mutable<SettingsOverrides> = {};
    const contents = this.doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) return overrides;
    const root = this.locate(contents, { start: 0, end: 0 });
    const map = this.expectMap(root, 'The configuration');
    if (!map) return overrides;
    for (const { key, value, keySpan } of this.entries(map)) {
      if (!isOneOf(key, CONFIG_KEYS)) {
        this.report(`Unknown key "${key}"; the keys are ${CONFIG_KEYS.join(', ')}.`, keySpan);
        continue;
      }
      if (this.isNull(value)) continue;
      switch (key) {
        case 'checks': this.set(overrides, 'checks', this.checks(value)); break;
        case 'maxPortRange': this.set(overrides, 'maxPortRange', this.integer(value, key, 1, MAX_PORT_RANGE_LIMIT)); break;
        case 'ports': this.ports(value, overrides); break;
        case 'ownerKeys': this.set(overrides, 'ownerKeys', this.strings(value, key)); break;
        case 'expiryKeys': this.set(overrides, 'expiryKeys', this.strings(value, key)); break;
        case 'trustedCidrs': this.set(overrides, 'trustedCidrs', this.cidrs(value)); break;
        case 'ignore': this.set(overrides, 'ignorePaths', this.strings(value, key)); break;
        case 'maxFileSize': this.set(overrides, 'maxFileSize', this.integer(value, key, 1, MAX_FILE_SIZE_LIMIT)); break;
      }
    }
    return overrides;
  }

  private set<K extends keyof Settings>(target: Mutable<SettingsOverrides>, key: K, value: Settings[K] | undefined): void {
    if (value !== undefined) target[key] = value;
  }

  private checks(located: Located): Record<string, SeveritySetting> | undefined {
    const map = this.expectMap(located, 'checks');
    if (!map) return undefined;
    const result: Record<string, SeveritySetting> = {};
    for (const { key, value, keySpan } of this.entries(map)) {
      if (!this.checkIds.includes(key)) {
        this.report(`checks: unknown check "${key}"; the checks are ${this.checkIds.join(', ')}.`, keySpan);
        continue;
      }
      const severity = isScalar(value.node) ? value.node.value : undefined;
      if (typeof severity === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
        result[key] = severity as SeveritySetting;
      } else {
        this.report(`checks.${key}: ${describe(value.node)} is not a severity; use ${SEVERITY_SETTINGS.join(', ')}.`, value.span);
      }
    }
    return result;
  }

  private ports(located: Located, overrides: Mutable<SettingsOverrides>): void {
    const map = this.expectMap(located, 'ports');
    if (!map) return;
    for (const { key, value, keySpan } of this.entries(map)) {
      if (!isOneOf(key, PORT_LIST_KEYS)) {
        this.report(`ports: unknown key "${key}"; the keys are ${PORT_LIST_KEYS.join(', ')}.`, keySpan);
        continue;
      }
      if (this.isNull(value)) continue;
      switch (key) {
        case 'database': this.set(overrides, 'databasePorts', this.namedPorts(value, `ports.${key}`)); break;
        case 'admin': this.set(overrides, 'adminPorts', this.namedPorts(value, `ports.${key}`)); break;
        case 'public': this.set(overrides, 'publicPorts', this.portNumbers(value, `ports.${key}`)); break;
      }
    }
  }

  private namedPorts(located: Located, path: string): NamedPort[] | undefined {
    const items = this.expectList(located, path, 'a list of {port, name} entries');
    if (!items) return undefined;
    const result: NamedPort[] = [];
    items.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      const map = this.expectMap(item, itemPath, 'a mapping with port and name, e.g. {port: 8443, name: "Admin UI"}');
      if (!map) return;
      let port: number | undefined;
      let name: string | undefined;
      const seen = new Set<string>();
      for (const { key, value, keySpan } of this.entries(map)) {
        seen.add(key);
        if (key === 'port') port = this.port(value, `${itemPath}.port`);
        else if (key === 'name') name = this.string(value, `${itemPath}.name`);
        else this.report(`${itemPath}: unknown key "${key}"; an entry has port and name.`, keySpan);
      }
      for (const field of ['port', 'name']) {
        if (!seen.has(field)) this.report(`${itemPath}: "${field}" is missing; an entry has port and name.`, item.span);
      }
      if (port !== undefined && name !== undefined) result.push({ port, name });
    });
    return result;
  }

  private portNumbers(located: Located, path: string): number[] | undefined {
    const items = this.expectList(located, path, 'a list of port numbers, e.g. [80, 443]');
    if (!items) return undefined;
    const result: number[] = [];
    items.forEach((item, index) => {
      const port = this.port(item, `${path}[${index}]`);
      if (port !== undefined) result.push(port);
    });
    return result;
  }

  private port(located: Located, path: string): number | undefined {
    return this.integer(located, path, 0, 65535, 'is not a port number (0-65535)');
  }

  private integer(located: Located, path: string, min: number, max: number, outOfRange = `is out of range (${min}-${max})`): number | undefined {
    const value = isScalar(located.node) ? located.node.value : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.report(`${path}: expected an integer from ${min} to ${max}, not ${describe(located.node)}.`, located.span);
      return undefined;
    }
    if (value < min || value > max) {
      this.report(`${path}: ${value} ${outOfRange}.`, located.span);
      return undefined;
    }
    return value;
  }

  private strings(located: Located, path: string): string[] | undefined {
    const items = this.expectList(located, path, 'a list of strings');
    if (!items) return undefined;
    const result: string[] = [];
    items.forEach((item, index) => {
      const text = this.string(item, `${path}[${index}]`);
      if (text !== undefined) result.push(text);
    });
    return result;
  }

  private cidrs(located: Located): string[] | undefined {
    const items = this.expectList(located, 'trustedCidrs', 'a list of CIDRs, e.g. [10.0.0.0/8]');
    if (!items) return undefined;
    const result: string[] = [];
    items.forEach((item, index) => {
      const path = `trustedCidrs[${index}]`;
      const text = this.string(item, path);
      if (text === undefined) return;
      if (parseCidr(text) === undefined) {
        this.report(`${path}: "${text}" is not a CIDR; write an address and prefix, e.g. 10.0.0.0/8 or 2001:db8::/32.`, item.span);
        return;
      }
      result.push(text.trim());
    });
    return result;
  }

  private string(located: Located, path: string): string | undefined {
    const value = isScalar(located.node) ? located.node.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      const hint = typeof value === 'number' || typeof value === 'boolean' ? `; quote it: "${String(value)}"` : '';
      this.report(`${path}: expected a non-empty string, not ${describe(located.node)}${hint}.`, located.span);
      return undefined;
    }
    return value;
  }

  private expectMap(located: Located, path: string, expected = 'a mapping'): YAMLMap | undefined {
    if (isMap(located.node)) return located.node;
    this.report(`${path}: expected ${expected}, not ${describe(located.node)}.`, located.span);
    return undefined;
  }

  private expectList(located: Located, path: string, expected: string): Located[] | undefined {
    if (!isSeq(located.node)) {
      this.report(`${path}: expected ${expected}, not ${describe(located.node)}.`, located.span);
      return undefined;
    }
    return located.node.items.map((item) => this.locate(item, located.span));
  }

  /** The string keys of a mapping with their values; a key that is not a string is reported and skipped. */
  private entries(map: YAMLMap): { key: string; keySpan: Span; value: Located }[] {
    const result: { key: string; keySpan: Span; value: Located }[] = [];
    for (const pair of map.items) {
      const key = this.locate(pair.key, spanOf(map) ?? { start: 0, end: 0 });
      const keyText = isScalar(key.node) ? key.node.value : undefined;
      if (typeof keyText !== 'string') {
        this.report(`Keys must be plain names, not ${describe(key.node)}.`, key.span);
        continue;
      }
      result.push({ key: keyText, keySpan: key.span, value: this.locate(pair.value, key.span) });
    }
    return result;
  }

  private isNull(located: Located): boolean {
    return located.node === null || located.node === undefined || (isScalar(located.node) && located.node.value === null);
  }

  /** Resolves an alias to its anchor (one level, no copying, so alias bombs cost nothing). */
  private locate(node: unknown, fallback: Span): Located {
    const span = spanOf(node) ?? fallback;
    if (isAlias(node)) return { node: node.resolve(this.doc) ?? null, span };
    return { node, span };
  }
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return (options as readonly string[]).includes(value);
}

function spanOf(node: unknown): Span | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined) return 'an empty value';
    if (typeof node.value === 'string') return JSON.stringify(node.value);
    return String(node.value);
  }
  return 'an empty value';
}
