import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SETTINGS, type Settings } from '#core';
import { RedisStore } from '#queue';
import { identityError } from '../identity.errors.js';

/**
 * Slows down password guessing: after LOGIN_MAX_FAILURES failed sign-ins for one email within
 * LOGIN_LOCK_SECONDS, that email is locked until the window ends. Counted in Redis so that every API
 * instance shares the count; keyed by a hash so that emails do not sit in Redis in clear.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisStore,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async assertNotLocked(email: string): Promise<void> {
    const key = this.keyOf(email);
    const failures = Number((await this.redis.client.get(key)) ?? 0);
    if (failures < this.settings.auth.loginMaxFailures) return;
    const seconds = Math.max(await this.redis.client.ttl(key), 1);
    throw identityError(
      'TOO_MANY_LOGIN_FAILURES',
      `Too many failed sign-ins for this account: try again in ${Math.ceil(seconds / 60)} minute(s)`,
      { retryAfterSeconds: seconds },
    );
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.keyOf(email);
    const failures = await this.redis.client.incr(key);
    if (failures === 1) await this.redis.client.expire(key, this.settings.auth.loginLockSeconds);
  }

  async clear(email: string): Promise<void> {
    await this.redis.client.del(this.keyOf(email));
  }

  private keyOf(email: string): string {
    return this.redis.key('login-failures', createHash('sha256').update(email).digest('hex'));
  }
}
