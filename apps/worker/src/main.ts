import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SettingsError } from '#core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module.js';

try {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  console.log('Filmschool worker: processing jobs');
} catch (error) {
  console.error('Worker stopped:', error instanceof SettingsError ? error.message : error);
  process.exit(1);
}
