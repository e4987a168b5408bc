import type { PortRange } from './model/ports';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface NamedPort {
  readonly port: number;
  readonly name: string;
}

/** Everything a lint run can be told; `.portwarden.yaml` and editor settings both end up here. */
export interface Settings {
  /** Severity per check id, or `off`. Checks not named keep their default severity. */
  readonly checks: Readonly<Record<string, SeveritySetting>>;
  /** Database, cache, search and queue ports, with the defaults already merged in. */
  readonly databasePorts: readonly NamedPort[];
  /** Remote administration ports (SSH, RDP, ...), with the defaults already merged in. */
  readonly adminPorts: readonly NamedPort[];
  /** Ports that may be open to the internet (default 80 and 443). */
  readonly publicPorts: readonly number[];
  /** An internet rule covering more ports than this is a full-range exposure. */
  readonly maxPortRange: number;
  /** Tag and label keys that name an owner. */
  readonly ownerKeys: readonly string[];
  /** Tag and label keys that hold an expiry date. */
  readonly expiryKeys: readonly string[];
  /** CIDRs that stand in for the internet in "Restrict source to ..." fixes. */
  readonly trustedCidrs: readonly string[];
  /** Globs (relative to the config file) that the CLI and the editor skip. */
  readonly ignorePaths: readonly string[];
  /**
   * Files larger than this many bytes (UTF-8) are not linted: a note says so. Real infrastructure
   * files are tens of KB; a file of megabytes is generated, and linting it would stall an editor.
   */
  readonly maxFileSize: number;
}

/** 1 MiB: twenty times the largest file of the real-world corpus, and linted in about 3 s even when every block is a finding. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export const DEFAULT_DATABASE_PORTS: readonly NamedPort[] = [
  { port: 1433, name: 'SQL Server' },
  { port: 1434, name: 'SQL Server Browser' },
  { port: 1521, name: 'Oracle' },
  { port: 2379, name: 'etcd' },
  { port: 2380, name: 'etcd peer' },
  { port: 3306, name: 'MySQL' },
  { port: 5432, name: 'PostgreSQL' },
  { port: 5984, name: 'CouchDB' },
  { port: 5672, name: 'RabbitMQ' },
  { port: 6379, name: 'Redis' },
  { port: 7000, name: 'Cassandra inter-node' },
  { port: 7001, name: 'Cassandra inter-node (TLS)' },
  { port: 8086, name: 'InfluxDB' },
  { port: 8123, name: 'ClickHouse HTTP' },
  { port: 9000, name: 'ClickHouse native' },
  { port: 9042, name: 'Cassandra' },
  { port: 9092, name: 'Kafka' },
  { port: 9200, name: 'Elasticsearch' },
  { port: 9300, name: 'Elasticsearch transport' },
  { port: 11211, name: 'Memcached' },
  { port: 27017, name: 'MongoDB' },
  { port: 27018, name: 'MongoDB shard' },
  { port: 28015, name: 'RethinkDB' },
  { port: 50000, name: 'DB2' },
];

export const DEFAULT_ADMIN_PORTS: readonly NamedPort[] = [
  { port: 20, name: 'FTP data' },
  { port: 21, name: 'FTP' },
  { port: 22, name: 'SSH' },
  { port: 23, name: 'Telnet' },
  { port: 135, name: 'Windows RPC' },
  { port: 139, name: 'NetBIOS' },
  { port: 445, name: 'SMB' },
  { port: 2375, name: 'Docker API' },
  { port: 2376, name: 'Docker API (TLS)' },
  { port: 3389, name: 'RDP' },
  { port: 5800, name: 'VNC over HTTP' },
  { port: 5900, name: 'VNC' },
  { port: 5985, name: 'WinRM' },
  { port: 5986, name: 'WinRM (HTTPS)' },
  { port: 6443, name: 'Kubernetes API' },
  { port: 10250, name: 'kubelet' },
  { port: 10255, name: 'kubelet (read-only)' },
];

export const DEFAULT_SETTINGS: Settings = {
  checks: {},
  databasePorts: DEFAULT_DATABASE_PORTS,
  adminPorts: DEFAULT_ADMIN_PORTS,
  publicPorts: [80, 443],
  maxPortRange: 1024,
  ownerKeys: ['owner', 'Owner'],
  expiryKeys: ['expires', 'Expires', 'expiry'],
  trustedCidrs: [],
  ignorePaths: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

/** The well-known service names used in hover text and messages, databases and admin ports first. */
export function namePort(settings: Settings, port: number): string | undefined {
  return (settings.databasePorts.find((p) => p.port === port) ?? settings.adminPorts.find((p) => p.port === port))?.name;
}

export function portsNamed(list: readonly NamedPort[], ranges: readonly PortRange[]): NamedPort[] {
  return list.filter(({ port }) => ranges.some(([from, to]) => port >= from && port <= to));
}

/** More names than this make a message unreadable; the rest are counted. */
const MAX_NAMED_PORTS = 3;

/** "SSH (22), RDP (3389) and 2 more". */
export function showNamedPorts(services: readonly NamedPort[]): string {
  const named = services.slice(0, MAX_NAMED_PORTS).map(({ port, name }) => `${name} (${port})`).join(', ');
  const rest = services.length - MAX_NAMED_PORTS;
  return rest > 0 ? `${named} and ${rest} more` : named;
}
