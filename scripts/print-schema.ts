/**
 * npm run schema:print   writes schema.gql, the GraphQL schema the API serves, from the code
 * npm run schema:check   fails when the committed schema.gql differs from what the code prints (CI)
 *
 * An end-to-end test also checks that the running API serves exactly this schema.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { CalendarDate, DateTimeScalar } from '#core';
import { IDENTITY_RESOLVERS } from '#identity';
import { PEOPLE_RESOLVERS } from '#people';
import { TRAINING_RESOLVERS } from '#training';
import { FILMS_RESOLVERS } from '#films';
import { FESTIVALS_RESOLVERS } from '#festivals';
import { SCREENINGS_RESOLVERS } from '#screenings';
import { CALENDAR_RESOLVERS } from '#calendar';
import { REPORTS_RESOLVERS } from '#reports';
import { FUNDING_RESOLVERS } from '#funding';
import { GRAPH_RESOLVERS } from '../apps/api/src/graph/graph.module.js';

export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

async function printedSchema(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await app
      .get(GraphQLSchemaFactory)
      .create(
        [
          ...IDENTITY_RESOLVERS,
          ...PEOPLE_RESOLVERS,
          ...TRAINING_RESOLVERS,
          ...FILMS_RESOLVERS,
          ...FESTIVALS_RESOLVERS,
          ...SCREENINGS_RESOLVERS,
          ...CALENDAR_RESOLVERS,
          ...REPORTS_RESOLVERS,
          ...FUNDING_RESOLVERS,
          ...GRAPH_RESOLVERS,
        ],
        [CalendarDate, DateTimeScalar],
      );
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

const printed = await printedSchema();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // a missing file differs like any other
  }
  if (committed !== printed) {
    console.error('schema.gql differs from the schema the code prints: run `npm run schema:print` and commit schema.gql');
    process.exit(1);
  }
  console.log('schema.gql matches the code');
} else {
  writeFileSync(SCHEMA_FILE, printed);
  console.log('Wrote schema.gql');
}
