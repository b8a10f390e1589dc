import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { JOB_NAMES, QUEUE_NAME, type JobName, type JobOutcome, type JobPayloads } from './jobs.js';

/** A job's work, written without Bull decorators so that its domain owns it and the worker runs it. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<JobOutcome>;
  /** Called once, when the last retry has failed too. */
  onFinalFailure?(payload: JobPayloads[N], error: Error): Promise<void>;
}

/** Multi-provider token: the worker lists its handlers under it. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** Checks that every job name has exactly one handler and returns them by name. */
export function indexHandlers(handlers: readonly JobHandler[]): Map<JobName, JobHandler> {
  const problems: string[] = [];
  const byName = new Map<JobName, JobHandler>();
  for (const name of JOB_NAMES) {
    const matching = handlers.filter((handler) => handler.jobName === name);
    if (matching.length !== 1) problems.push(`${name} has ${matching.length} handlers`);
    else byName.set(name, matching[0]);
  }
  for (const handler of handlers) {
    if (!(JOB_NAMES as readonly string[]).includes(handler.jobName)) problems.push(`${handler.jobName} is not a known job`);
  }
  if (problems.length > 0) throw new Error(`Every job needs exactly one handler: ${problems.join('; ')}`);
  return byName;
}

/** The worker's single Bull processor: routes each job by name to its handler. */
@Processor(QUEUE_NAME)
@Injectable()
export class JobDispatcher {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly handlers: Map<JobName, JobHandler>;

  // Indexed at construction: Bull may hand over a waiting job as soon as the processor registers, before any
  // lifecycle hook of this class would have run.
  constructor(@Inject(JOB_HANDLERS) registered: JobHandler[]) {
    this.handlers = indexHandlers(registered);
  }

  @Process({ name: '*', concurrency: 2 })
  async dispatch(job: Job<unknown>): Promise<JobOutcome> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const outcome = await handler.handle(job.data as never, job as never);
    this.logger.log({ jobId: job.id, jobName: job.name, attempt: job.attemptsMade + 1, outcome }, 'Job ended');
    return outcome;
  }

  @OnQueueFailed()
  async failed(job: Job<unknown>, error: Error): Promise<void> {
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn({ jobId: job.id, jobName: job.name, attempt: job.attemptsMade, final, err: error }, 'Job failed');
    if (final) await this.handlers.get(job.name as JobName)?.onFinalFailure?.(job.data as never, error);
  }
}
