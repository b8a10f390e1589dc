import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { SETTINGS, type Settings } from '#core';

/**
 * A shared Redis connection for small keyed state (login throttling, health), separate from Bull's own.
 * Keys are namespaced with REDIS_PREFIX through `key()`.
 */
@Injectable()
export class RedisStore implements OnModuleDestroy {
  readonly client: Redis;
  private readonly prefix: string;

  constructor(@Inject(SETTINGS) settings: Settings) {
    this.client = new Redis(settings.redis.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.prefix = settings.redis.prefix;
  }

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
