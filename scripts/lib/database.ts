import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dataSourceOptions } from '#core';
import { MIGRATIONS } from '#migrations';
import { IDENTITY_ENTITIES } from '#identity';
import { PEOPLE_ENTITIES } from '#people';
import { TRAINING_ENTITIES } from '#training';
import { FILMS_ENTITIES } from '#films';
import { FESTIVALS_ENTITIES } from '#festivals';
import { SCREENINGS_ENTITIES } from '#screenings';
import { CALENDAR_ENTITIES } from '#calendar';
import { FUNDING_ENTITIES } from '#funding';
import { REPORTS_ENTITIES } from '#reports';
import { DataSource } from 'typeorm';
import { createDatabase, dropDatabase, startEmbeddedPostgres } from './services.js';

/** Every entity of the platform; the apps load the same ones through their modules. */
export const ALL_ENTITIES = [
  ...PEOPLE_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...TRAINING_ENTITIES,
  ...FILMS_ENTITIES,
  ...FESTIVALS_ENTITIES,
  ...SCREENINGS_ENTITIES,
  ...CALENDAR_ENTITIES,
  ...FUNDING_ENTITIES,
  ...REPORTS_ENTITIES,
];

export const DATA_DIR = join(process.cwd(), '.data');

export function dataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url, { entities: ALL_ENTITIES, migrations: MIGRATIONS }));
}

/**
 * A PostgreSQL server to work on: the one DATABASE_URL names, else the embedded cluster under .data/.
 * `serverUrl` reaches its maintenance database; `url` the application database.
 */
export async function postgresServer(): Promise<{ url: string; serverUrl: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, serverUrl: process.env.DATABASE_URL, stop: async () => {} };
  }
  const cluster = await startEmbeddedPostgres(join(DATA_DIR, 'postgres'));
  const url = await createDatabase(cluster.url, 'filmschool', true);
  return { url, serverUrl: cluster.url, stop: cluster.stop };
}

/** Runs `work` on a new database holding every checked-in migration, then drops it. */
export async function withScratchDatabase<T>(serverUrl: string, work: (source: DataSource) => Promise<T>): Promise<T> {
  const name = `filmschool_scratch_${randomBytes(4).toString('hex')}`;
  const source = dataSource(await createDatabase(serverUrl, name));
  try {
    await source.initialize();
    await source.runMigrations({ transaction: 'each' });
    return await work(source);
  } finally {
    if (source.isInitialized) await source.destroy();
    await dropDatabase(serverUrl, name);
  }
}
