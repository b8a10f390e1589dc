import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MIGRATIONS } from '#migrations';
import { SETTINGS } from '../config/settings.module.js';
import type { Settings } from '../config/settings.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * The PostgreSQL connection of an app. Entities come from the domain modules (`TypeOrmModule.forFeature`);
 * the API runs pending migrations at start unless DATABASE_MIGRATE_ON_START is false.
 */
@Module({})
export class DatabaseModule {
  /** `runMigrations`: the API migrates at start (when allowed by settings); the worker never does. */
  static forRoot(options: { runMigrations: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [SETTINGS],
          useFactory: (settings: Settings) => ({
            ...dataSourceOptions(settings.database.url, {
              entities: [],
              migrations: MIGRATIONS,
              poolSize: settings.database.poolSize,
              connectTimeoutMs: settings.database.connectTimeoutMs,
            }),
            autoLoadEntities: true,
            migrationsRun: options.runMigrations && settings.database.migrateOnStart,
            retryAttempts: settings.nodeEnv === 'test' ? 0 : 5,
          }),
        }),
      ],
    };
  }
}
