import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { JobOptions, Queue } from 'bull';
import { QUEUE_NAME, type JobName, type JobPayloads } from './jobs.js';

/** Retries with exponential backoff (5 s, 10 s, 20 s, ...) unless a producer says otherwise. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

/**
 * Typed producer for the platform's queue.
 *
 * @example await jobs.add('people.purge-expired-invitations', { graceDays: 30 }, { jobId: 'purge:daily' });
 */
@Injectable()
export class JobQueue {
  constructor(@InjectQueue(QUEUE_NAME) private readonly queue: Queue) {}

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: JobOptions = {}): Promise<string> {
    const job = await this.queue.add(name, payload, { ...DEFAULT_JOB_OPTIONS, ...options });
    return String(job.id);
  }

  /** Registers (or updates) a repeating job; repeating the call does not add a second schedule. */
  async schedule<N extends JobName>(name: N, payload: JobPayloads[N], cron: string, tz = 'Africa/Bamako'): Promise<void> {
    await this.queue.add(name, payload, { ...DEFAULT_JOB_OPTIONS, repeat: { cron, tz }, jobId: `repeat:${name}` });
  }

  /** Throws when Redis does not answer; used by health checks. */
  async ping(): Promise<void> {
    await this.queue.client.ping();
  }

  /** The underlying queue, for the worker's dispatcher and for tests that inspect jobs. */
  get raw(): Queue {
    return this.queue;
  }
}
