import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bull';
import { SETTINGS, type Settings } from '#core';
import { JobQueue } from './job-queue.service.js';
import { JOB_NAMES, JOB_QUEUES, QUEUE_NAMES, type JobName, type JobOutcome, type JobPayloads } from './jobs.js';

/** A job's work, written without Bull decorators so that its domain owns it and the worker runs it. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<JobOutcome>;
  /** Called once, when the last retry has failed too. */
  onFinalFailure?(payload: JobPayloads[N], error: Error): Promise<void>;
}

/** Multi-provider token: the worker lists its handlers under it. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/**
 * Checks that every job name has exactly one handler and that each handler's job runs on one of the
 * `registeredQueues`, and returns the handlers by name.
 */
export function indexHandlers(handlers: readonly JobHandler[], registeredQueues: readonly string[]): Map<JobName, JobHandler> {
  const problems: string[] = [];
  const byName = new Map<JobName, JobHandler>();
  for (const name of JOB_NAMES) {
    const matching = handlers.filter((handler) => handler.jobName === name);
    if (matching.length !== 1) problems.push(`${name} has ${matching.length} handlers`);
    else byName.set(name, matching[0]);
  }
  for (const handler of handlers) {
    if (!(JOB_NAMES as readonly string[]).includes(handler.jobName)) problems.push(`${handler.jobName} is not a known job`);
    else if (!registeredQueues.includes(JOB_QUEUES[handler.jobName])) {
      problems.push(`${handler.jobName} runs on the ${JOB_QUEUES[handler.jobName]} queue, which is not registered`);
    }
  }
  if (problems.length > 0) throw new Error(`Every job needs exactly one handler, on a registered queue: ${problems.join('; ')}`);
  return byName;
}

/** The worker's Bull processors, one per queue with that queue's concurrency: each routes a job by name to its handler. */
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly handlers: Map<JobName, JobHandler>;

  // Indexed at construction, so that a worker with a missing handler or queue fails before any processor starts.
  constructor(
    @Inject(JOB_HANDLERS) registered: JobHandler[],
    private readonly jobs: JobQueue,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    this.handlers = indexHandlers(registered, Object.keys(jobs.queues));
  }

  // Registered here rather than with @Processor/@Process because the concurrency comes from the settings, which
  // a decorator cannot read. Bull runs at most `concurrency` jobs of a queue at once in this process.
  onModuleInit(): void {
    for (const name of QUEUE_NAMES) {
      const queue = this.jobs.queues[name];
      const concurrency = this.settings.worker.concurrency[name];
      queue.on('failed', (job: Job<unknown>, error: Error) => {
        this.failed(job, error).catch((err: unknown) =>
          this.logger.error({ jobId: job.id, jobName: job.name, err }, 'Failure handling failed'),
        );
      });
      // process() settles only when the queue closes; a rejection means this queue's processor stopped.
      queue
        .process('*', concurrency, (job: Job<unknown>) => this.dispatch(job))
        .catch((err: unknown) => this.logger.error({ queue: name, err }, 'Queue processor stopped'));
      this.logger.log({ queue: name, concurrency }, 'Processing queue');
    }
  }

  async dispatch(job: Job<unknown>): Promise<JobOutcome> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const outcome = await handler.handle(job.data as never, job as never);
    this.logger.log({ jobId: job.id, jobName: job.name, attempt: job.attemptsMade + 1, outcome }, 'Job ended');
    return outcome;
  }

  async failed(job: Job<unknown>, error: Error): Promise<void> {
    // The last try failed, or Bull gave up on its own: a job stalled too often (its worker killed twice) goes
    // straight to the failed set without using its tries, and its asset stayed PROCESSING for an hour.
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || (await job.isFailed());
    this.logger.warn({ jobId: job.id, jobName: job.name, attempt: job.attemptsMade, final, err: error }, 'Job failed');
    if (final) await this.handlers.get(job.name as JobName)?.onFinalFailure?.(job.data as never, error);
  }
}
