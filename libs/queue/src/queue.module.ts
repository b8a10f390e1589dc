import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SETTINGS, type Settings } from '#core';
import { JobQueue } from './job-queue.service.js';
import { QUEUE_NAMES } from './jobs.js';
import { RedisStore } from './redis.provider.js';

/** The Bull queues on Redis (REDIS_URL, keys under REDIS_PREFIX), their typed producer and a small Redis store. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [SETTINGS],
      useFactory: (settings: Settings) => ({ redis: settings.redis.url, prefix: settings.redis.prefix }),
    }),
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
  ],
  providers: [JobQueue, RedisStore],
  exports: [JobQueue, RedisStore, BullModule],
})
export class QueueModule {}
