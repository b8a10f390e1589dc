import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM logger that counts the SQL statements sent to PostgreSQL and passes errors and slow queries
 * to the application log. The count lets tests assert how many statements a request runs (the N+1 guard)
 * without depending on the speed of the machine.
 */
export class SqlStatementCounter implements TypeOrmLogger {
  private static statements = 0;
  private readonly logger = new NestLogger('SQL');

  /** Statements run by every data source of this process since it started. */
  static get count(): number {
    return SqlStatementCounter.statements;
  }

  logQuery(): void {
    SqlStatementCounter.statements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    // Parameters are left out on purpose: they may hold password hashes or tokens.
    this.logger.warn({ err: error, query }, 'SQL statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ durationMs: time, query }, 'Slow SQL statement');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(message);
  }
}
