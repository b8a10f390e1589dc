import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { SqlStatementCounter } from './sql-statement-counter.js';

type Parts = Pick<DataSourceOptions, 'entities' | 'migrations'> & { poolSize?: number; connectTimeoutMs?: number };

/**
 * PostgreSQL settings shared by the apps, the migration scripts and the tests. `synchronize` is never on:
 * the schema changes only through the checked-in migrations.
 */
export function dataSourceOptions(url: string, parts: Parts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install on every connect.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logger: new SqlStatementCounter(),
    maxQueryExecutionTime: 1000,
    poolSize: parts.poolSize ?? 10,
    // node-postgres waits forever for a connection by default; a stuck pool should fail a request instead, but
    // only after a wait a person accepts (a busy moment passes in seconds). The failure is retryable.
    extra: { connectionTimeoutMillis: parts.connectTimeoutMs ?? 15_000 },
  };
}
