import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import { JOB_QUEUES, type JobName, type JobPayloads, type QueueName } from './jobs.js';

/** Retries with exponential backoff (5 s, 10 s, 20 s, ...) unless a producer says otherwise. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

/**
 * Typed producer for the platform's queues: each job goes to the queue `JOB_QUEUES` names for it.
 *
 * @example await jobs.add('people.purge-expired-invitations', { graceDays: 30 }, { jobId: 'purge:daily' });
 */
@Injectable()
export class JobQueue {
  private readonly byName: Readonly<Record<QueueName, Queue>>;

  constructor(
    @InjectQueue('media') media: Queue,
    @InjectQueue('documents') documents: Queue,
    @InjectQueue('housekeeping') housekeeping: Queue,
  ) {
    this.byName = { media, documents, housekeeping };
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: JobOptions = {}): Promise<string> {
    const job = await this.queueOf(name).add(name, payload, { ...DEFAULT_JOB_OPTIONS, ...options });
    return String(job.id);
  }

  /** Registers (or updates) a repeating job on its queue; repeating the call does not add a second schedule. */
  async schedule<N extends JobName>(name: N, payload: JobPayloads[N], cron: string, tz = 'Africa/Bamako'): Promise<void> {
    await this.queueOf(name).add(name, payload, { ...DEFAULT_JOB_OPTIONS, repeat: { cron, tz }, jobId: `repeat:${name}` });
  }

  /** A job of this name by its id, looked up on the queue that runs that name; null when there is none. */
  async getJob<N extends JobName>(name: N, jobId: string): Promise<Job<JobPayloads[N]> | null> {
    return (await this.queueOf(name).getJob(jobId)) as Job<JobPayloads[N]> | null;
  }

  /** Throws when Redis does not answer; used by health checks. The queues share one Redis, so one ping does. */
  async ping(): Promise<void> {
    await this.byName.housekeeping.client.ping();
  }

  /** The Bull queue that runs jobs of this name. */
  queueOf(name: JobName): Queue {
    return this.byName[JOB_QUEUES[name]];
  }

  /** The queues by name, for the worker's dispatcher and for tests that inspect jobs. */
  get queues(): Readonly<Record<QueueName, Queue>> {
    return this.byName;
  }
}
