/** A managed database engine as messages name it, and the port it listens on by default. */
export interface DatabaseEngine {
  readonly name: string;
  readonly port: number;
}

/**
 * A readable name and the default port of an AWS RDS or Redshift engine id (Terraform's
 * `engine`, CloudFormation's `Engine`, any case); undefined for ids we do not know.
 */
export function awsDatabaseEngine(id: string): DatabaseEngine | undefined {
  const engine = id.trim().toLowerCase();
  if (engine === 'mysql') return { name: 'MySQL', port: 3306 };
  if (engine === 'mariadb') return { name: 'MariaDB', port: 3306 };
  if (engine === 'postgres') return { name: 'PostgreSQL', port: 5432 };
  // `aurora` is the original MySQL-compatible Aurora engine.
  if (engine === 'aurora' || engine === 'aurora-mysql') return { name: 'Aurora MySQL', port: 3306 };
  if (engine === 'aurora-postgresql') return { name: 'Aurora PostgreSQL', port: 5432 };
  if (/^(custom-)?oracle-/.test(engine)) return { name: 'Oracle', port: 1521 };
  if (/^(custom-)?sqlserver-/.test(engine)) return { name: 'SQL Server', port: 1433 };
  if (/^db2-/.test(engine)) return { name: 'Db2', port: 50000 };
  if (engine === 'redshift') return { name: 'Redshift', port: 5439 };
  if (engine === 'neptune') return { name: 'Neptune', port: 8182 };
  return undefined;
}
