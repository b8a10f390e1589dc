import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SETTINGS, type Settings } from '#core';
import { JobQueue, retireLegacyQueue, type JobName } from '#queue';

/** The repeating jobs: clean-ups, reconciliations and reminders, each on its queue. */
const SCHEDULES = [
  { name: 'people.purge-expired-invitations', payload: { graceDays: 30 }, cron: '0 3 * * *' },
  { name: 'films.expire-uploads', payload: {}, cron: '17 * * * *' },
  { name: 'training.reconcile-certificates', payload: {}, cron: '41 * * * *' },
  { name: 'screenings.send-reminders', payload: {}, cron: '0 7 * * *' },
] as const satisfies readonly { name: JobName; payload: object; cron: string }[];

/** How often the worker checks that its schedules are still in Redis (a Redis restarted empty loses them). */
const SCHEDULE_CHECK_MS = 60_000;

/**
 * Registers the repeating jobs at start, each on its queue (registering again keeps one schedule per job), then
 * checks every minute that Redis still holds them: a Redis restarted empty, or flushed, had lost them for good
 * while the worker went on reporting healthy.
 */
@Injectable()
export class RepeatingJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RepeatingJobs.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobQueue,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Upgrading from the single `filmschool` queue: its repeatable jobs are removed (else its old schedules
    // would keep firing beside these) and its waiting, delayed and abandoned jobs move to their new queues, so
    // none is lost.
    await retireLegacyQueue(this.settings, this.jobs, this.logger);
    for (const { name, payload, cron } of SCHEDULES) await this.jobs.schedule(name, payload, cron);
    this.timer = setInterval(() => {
      this.restoreMissing().catch((error: unknown) => this.logger.warn(`Could not check the schedules: ${String(error)}`));
    }, SCHEDULE_CHECK_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The schedules Redis does not hold. */
  async missing(): Promise<string[]> {
    const held = new Set<string>();
    for (const queue of new Set(SCHEDULES.map(({ name }) => this.jobs.queueOf(name)))) {
      for (const job of await queue.getRepeatableJobs()) held.add(job.name);
    }
    return SCHEDULES.map(({ name }) => name).filter((name) => !held.has(name));
  }

  /** Registers again the schedules Redis lost; returns their names. */
  async restoreMissing(): Promise<string[]> {
    const missing = await this.missing();
    for (const { name, payload, cron } of SCHEDULES.filter((schedule) => missing.includes(schedule.name))) {
      await this.jobs.schedule(name, payload, cron);
    }
    if (missing.length) this.logger.warn(`Redis had lost the schedules of ${missing.join(', ')}: registered again`);
    return missing;
  }
}
