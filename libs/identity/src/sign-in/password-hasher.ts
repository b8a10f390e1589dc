import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { SETTINGS, type Settings } from '#core';
import { identityError } from '../identity.errors.js';

/**
 * Every argon2 call of the API goes through here, a few at a time. A hash takes tens of milliseconds of CPU and
 * 64 MiB on purpose; without a cap, a dozen anonymous logins at once slowed every other request tenfold. A call
 * past the cap waits up to PASSWORD_HASH_WAIT_MS for a slot, then is refused as busy (SIGN_IN_BUSY, retry in a
 * second), so a storm of logins costs the server a fixed amount of CPU and never a growing queue.
 */
@Injectable()
export class PasswordHasher {
  /** Counts since start, read by the tests and useful in a debugger: argon2 calls begun, and calls refused. */
  readonly counts = { hashes: 0, refused: 0 };
  private readonly slots: Semaphore;
  // A real hash to verify against when the email is unknown, so that an unknown email takes as long to refuse
  // as a wrong password and timing does not tell which part was wrong.
  private decoyHash: Promise<string> | undefined;

  constructor(@Inject(SETTINGS) settings: Settings) {
    const { hashConcurrency, hashWaitMs } = settings.auth.signIn;
    this.slots = new Semaphore(hashConcurrency, hashWaitMs, hashConcurrency * 16);
  }

  hash(password: string): Promise<string> {
    return this.withSlot(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  /** True when `password` matches `hash`; with no hash (unknown account) spends the same time and says false. */
  verify(hash: string | undefined, password: string): Promise<boolean> {
    return this.withSlot(async () => {
      if (hash !== undefined) return argon2.verify(hash, password);
      this.decoyHash ??= argon2.hash('decoy-password-for-unknown-accounts', { type: argon2.argon2id });
      await argon2.verify(await this.decoyHash, password);
      return false;
    });
  }

  private async withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (!(await this.slots.acquire())) {
      this.counts.refused += 1;
      throw identityError('SIGN_IN_BUSY', 'The server is busy checking other sign-ins: try again in a second', {
        retryAfterSeconds: 1,
      });
    }
    this.counts.hashes += 1;
    try {
      return await work();
    } finally {
      this.slots.release();
    }
  }
}

/** A counting semaphore whose waiters give up after `waitMs`, and which turns callers away when `maxWaiting` wait. */
class Semaphore {
  private running = 0;
  private readonly waiting: ((granted: boolean) => void)[] = [];

  constructor(
    private readonly capacity: number,
    private readonly waitMs: number,
    private readonly maxWaiting: number,
  ) {}

  acquire(): Promise<boolean> {
    if (this.running < this.capacity) {
      this.running += 1;
      return Promise.resolve(true);
    }
    if (this.waitMs === 0 || this.waiting.length >= this.maxWaiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = (granted: boolean) => {
        clearTimeout(timer);
        resolve(granted);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        resolve(false);
      }, this.waitMs);
      this.waiting.push(waiter);
    });
  }

  /** Hands the slot to the oldest waiter, if any, without letting a newcomer overtake it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next(true);
    else this.running -= 1;
  }
}
