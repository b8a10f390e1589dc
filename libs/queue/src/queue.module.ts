import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SETTINGS, type Settings } from '#core';
import { JobQueue } from './job-queue.service.js';
import { QUEUE_NAME } from './jobs.js';
import { RedisStore } from './redis.provider.js';

/** The Bull queue on Redis (REDIS_URL, keys under REDIS_PREFIX), its typed producer and a small Redis store. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [SETTINGS],
      useFactory: (settings: Settings) => ({ redis: settings.redis.url, prefix: settings.redis.prefix }),
    }),
    BullModule.registerQueue({ name: QUEUE_NAME }),
  ],
  providers: [JobQueue, RedisStore],
  exports: [JobQueue, RedisStore, BullModule],
})
export class QueueModule {}
