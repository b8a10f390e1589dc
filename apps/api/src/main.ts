import 'reflect-metadata';
import { SettingsError } from '#core';
import { startApi } from './bootstrap.js';

try {
  const app = await startApi();
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  console.log(`Filmschool API: GraphQL at ${url}/graphql, health at ${url}/health`);
} catch (error) {
  console.error('API stopped:', error instanceof SettingsError ? error.message : error);
  process.exit(1);
}
