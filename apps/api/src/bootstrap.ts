import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SETTINGS, type Settings } from '#core';
import { AccountsService } from '#identity';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { WebAppFiles } from './web/web-app.js';

/** How long an idle keep-alive connection stays open. */
export const KEEP_ALIVE_TIMEOUT_MS = 75_000;

/** Settings applied to the API however it is started (main, tests). */
export async function prepareApi(app: INestApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // Idle connections stay open longer than a proxy's or a client's own idle timeout (load balancers use 60 s):
  // closed at Node's default 5 s, a connection a client was just reusing failed as `fetch failed`.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  const settings = app.get<Settings>(SETTINGS);
  // A CSV import sends a whole file in one GraphQL string (GRAPHQL_MAX_CSV_LENGTH characters, up to 3 bytes each).
  (app as NestExpressApplication).useBodyParser('json', { limit: 3 * settings.graphql.maxCsvLength + 64 * 1024 });
  // Before the first request: a fresh deployment must be enterable with ADMIN_EMAIL / ADMIN_PASSWORD.
  if (settings.admin) await app.get(AccountsService).ensureAdmin(settings.admin.email, settings.admin.password);
}

/** Creates, prepares and starts the API; resolves once it listens. */
export async function startApi(port?: number): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  await prepareApi(app);
  await app.listen(port ?? app.get<Settings>(SETTINGS).port);
  // The web app's address comes first: it is what a person opens; the GraphQL line follows (main.ts).
  if (app.get(WebAppFiles).available) console.log(`Filmschool web app: ${(await app.getUrl()).replace('[::1]', 'localhost')}/`);
  return app;
}
