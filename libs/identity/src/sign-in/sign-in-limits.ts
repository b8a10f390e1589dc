import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import proxyAddr from 'proxy-addr';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { SETTINGS, type Settings } from '#core';
import { RedisStore } from '#queue';
import { identityError } from '../identity.errors.js';

/** What sign-in needs to know of an HTTP request: its socket and its headers (X-Forwarded-For). */
export type ClientRequest = Pick<IncomingMessage, 'headers' | 'socket'>;

/** Failures are forgotten this long after the first of them. */
const FAILURE_MEMORY_SECONDS = 24 * 3600;

/**
 * Slows password and invitation-token guessing without letting a stranger lock anyone out. Failures are counted
 * per client address, and per address and email; past a free number, each further try from there waits, 1 s
 * then twice as long after every failure, up to LOGIN_MAX_DELAY_SECONDS. An email is never locked as such: its
 * owner signing in from another address is not slowed by what a stranger's address did.
 *
 * Counts and waits live in Redis through rate-limiter-flexible (an atomic increment-with-expiry script), so every
 * API instance shares them; keys are hashes, so neither addresses nor emails sit in Redis in clear. If Redis does
 * not answer, each process counts in memory until it does.
 */
@Injectable()
export class SignInLimits {
  private readonly byAddress: GrowingDelay;
  private readonly byAddressAndEmail: GrowingDelay;
  private readonly trust: ReturnType<typeof proxyAddr.compile>;
  private readonly trustsNoProxy: boolean;
  private warnedOfProxy = false;
  private readonly logger = new Logger(SignInLimits.name);

  constructor(redis: RedisStore, @Inject(SETTINGS) settings: Settings) {
    const limits = settings.auth.signIn;
    this.byAddress = new GrowingDelay(redis, 'address', limits.addressFreeFailures, limits.maxDelaySeconds);
    this.byAddressAndEmail = new GrowingDelay(redis, 'address-email', limits.freeFailures, limits.maxDelaySeconds);
    const trust = settings.trustProxy;
    this.trustsNoProxy = trust === false;
    this.trust = typeof trust === 'number' ? (_address, hop) => hop < trust : proxyAddr.compile(trust || []);
  }

  /**
   * The client's address: the socket's peer, or with TRUST_PROXY what the trusted proxies say in
   * X-Forwarded-For. IPv6 clients count by their /64, the block one subscriber usually holds.
   */
  addressOf(request: ClientRequest): string {
    if (this.trustsNoProxy && !this.warnedOfProxy && request.headers['x-forwarded-for'] !== undefined) {
      // Behind a proxy that is not trusted, every client has the proxy's address: one stranger's failures would
      // make everyone wait. Said once, since the header alone may also be a client's own invention.
      this.warnedOfProxy = true;
      this.logger.warn(
        'A sign-in came with X-Forwarded-For while TRUST_PROXY is unset: if the API runs behind a proxy, set TRUST_PROXY, or all its clients share one address for the sign-in limits',
      );
    }
    // A socket already closed has no peer address any more; such requests share one key rather than fail.
    const address = proxyAddr(request as IncomingMessage, this.trust) as string | undefined;
    return address ? networkOf(address) : 'unknown';
  }

  /** Refuses (TOO_MANY_ATTEMPTS, with retryAfterSeconds) while this address, or this address for this email, waits. */
  async assertMayTry(address: string, email?: string): Promise<void> {
    const waits = await Promise.all([
      this.byAddress.secondsToWait(keyOf(address)),
      email === undefined ? 0 : this.byAddressAndEmail.secondsToWait(keyOf(address, email)),
    ]);
    const seconds = Math.max(...waits);
    if (seconds > 0) {
      throw identityError('TOO_MANY_ATTEMPTS', `Too many failed sign-ins from your address: try again in ${seconds} second(s)`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  /** Counts a failure; returns how long the next try from this address (for this email) must wait, or 0. */
  async recordFailure(address: string, email?: string): Promise<number> {
    const waits = await Promise.all([
      this.byAddress.recordFailure(keyOf(address)),
      email === undefined ? 0 : this.byAddressAndEmail.recordFailure(keyOf(address, email)),
    ]);
    return Math.max(...waits);
  }

  /**
   * The right password from this address forgets its failures for this email. The address's own count stays:
   * an attacker holding one account must not be able to wipe it between guesses at others.
   */
  async recordSuccess(address: string, email: string): Promise<void> {
    await this.byAddressAndEmail.forget(keyOf(address, email));
  }
}

/** Failures counted under one key, and the wait that the last of them imposed. */
class GrowingDelay {
  private readonly failures: RateLimiterAbstract;
  private readonly waits: RateLimiterAbstract;

  constructor(
    redis: RedisStore,
    name: string,
    private readonly freeFailures: number,
    private readonly maxDelaySeconds: number,
  ) {
    const counter = { points: Number.MAX_SAFE_INTEGER, duration: FAILURE_MEMORY_SECONDS };
    this.failures = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('sign-in', name, 'failures'),
      ...counter,
      insuranceLimiter: new RateLimiterMemory(counter),
    });
    // A key blocked here is a wait in force; `block()` sets it to points + 1 with the wait as its expiry.
    const gate = { points: 1, duration: 1 };
    this.waits = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('sign-in', name, 'wait'),
      ...gate,
      insuranceLimiter: new RateLimiterMemory(gate),
    });
  }

  async secondsToWait(key: string): Promise<number> {
    const wait = await this.waits.get(key);
    return wait && wait.consumedPoints > this.waits.points ? Math.max(1, Math.ceil(wait.msBeforeNext / 1000)) : 0;
  }

  async recordFailure(key: string): Promise<number> {
    const { consumedPoints: failures } = await this.failures.penalty(key, 1);
    if (failures < this.freeFailures) return 0;
    const seconds = Math.min(this.maxDelaySeconds, 2 ** Math.min(failures - this.freeFailures, 30));
    await this.waits.block(key, seconds);
    return seconds;
  }

  async forget(key: string): Promise<void> {
    await Promise.all([this.failures.delete(key), this.waits.delete(key)]);
  }
}

const keyOf = (...parts: string[]): string => createHash('sha256').update(parts.join('\n')).digest('base64url');

/** An IPv4 address as is (IPv4-mapped IPv6 included); an IPv6 address as its /64 network. */
export function networkOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
