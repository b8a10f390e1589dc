import type { Logger } from '@nestjs/common';
import Bull, { type Job, type JobOptions, type JobStatus } from 'bull';
import type { Settings } from '#core';
import type { JobQueue } from './job-queue.service.js';
import { JOB_NAMES, LEGACY_QUEUE_NAME, type JobName } from './jobs.js';

export interface LegacyQueueRetirement {
  schedulesRemoved: number;
  moved: number;
  /** Jobs left on the old queue: an unknown name, or a job an old worker is running (it holds the job's lock). */
  left: number;
}

/** What Bull keeps in a job's options beyond the public JobOptions. */
type StoredOptions = JobOptions & { prevMillis?: number; timestamp?: number };

const MOVABLE: JobStatus[] = ['waiting', 'paused', 'delayed', 'active'];

/**
 * Empties the single `filmschool` queue of earlier releases into the per-workload queues. Run by the worker at
 * every start, before it registers its own schedules:
 * - the old queue's repeatable jobs are removed, else its old schedules would go on adding a daily purge,
 *   reminders and clean-ups next to the new queues' own (twice the reminders) should anything process it again;
 * - its waiting, paused and delayed jobs are added to the queue their name runs on, with the same job id (or
 *   `legacy:<old id>` when Bull made the id), the time still to wait and the attempts still left, then removed
 *   from the old queue, so that an encode or a certificate asked for before the upgrade still happens;
 * - so are its active jobs whose lock has lapsed (their worker died and nothing would ever retry them there);
 *   a job still locked is left to the old worker running it, which finishes it before it stops.
 * Completed and failed jobs stay as history. Two workers starting at once move a job once: Bull ignores an add
 * whose job id already exists. An API of the old release still adds to the old queue: upgrade it before or with
 * the worker (what it adds after this ran waits for the worker's next start).
 */
export async function retireLegacyQueue(settings: Settings, jobs: JobQueue, logger: Logger): Promise<LegacyQueueRetirement> {
  const legacy = new Bull(LEGACY_QUEUE_NAME, settings.redis.url, { prefix: settings.redis.prefix });
  const result: LegacyQueueRetirement = { schedulesRemoved: 0, moved: 0, left: 0 };
  try {
    for (const schedule of await legacy.getRepeatableJobs()) {
      await legacy.removeRepeatableByKey(schedule.key);
      result.schedulesRemoved += 1;
    }
    for (const status of MOVABLE) {
      for (const job of await legacy.getJobs([status])) {
        // null when the job went between listing and reading (run or removed by another process).
        if (!job) continue;
        if (await moveJob(legacy, job, status, jobs)) result.moved += 1;
        else {
          result.left += 1;
          logger.warn({ jobId: job.id, jobName: job.name, status }, `Job left on the old ${LEGACY_QUEUE_NAME} queue`);
        }
      }
    }
  } finally {
    await legacy.close();
  }
  if (result.schedulesRemoved + result.moved + result.left > 0) {
    logger.log(result, `Retired the old ${LEGACY_QUEUE_NAME} queue`);
  }
  return result;
}

async function moveJob(legacy: Bull.Queue, job: Job, status: JobStatus, jobs: JobQueue): Promise<boolean> {
  if (!(JOB_NAMES as readonly string[]).includes(job.name)) return false;
  if (status === 'active' && (await legacy.client.exists(job.lockKey()))) return false;
  const stored = job.opts as StoredOptions;
  let runAt = Date.now();
  if (status === 'delayed') {
    // The delayed set's score is the time to run (ms) times 0x1000 plus a counter; after a failed attempt it
    // holds the backoff, which the job's own `delay` does not.
    const score = await legacy.client.zscore(legacy.toKey('delayed'), String(job.id));
    if (score !== null) runAt = Math.floor(Number(score) / 0x1000);
  }
  const options: StoredOptions = {
    ...stored,
    jobId: stored.jobId ?? `legacy:${job.id}`,
    delay: Math.max(0, runAt - Date.now()),
    attempts: Math.max(1, (stored.attempts ?? 1) - job.attemptsMade),
    // Bull counts the delay from the job's timestamp: the copy gets a new one.
    timestamp: undefined,
    // A repeat's run that came due while nothing processed the old queue runs once; without `repeat` it does not
    // start its old schedule again on the new queue.
    repeat: undefined,
    prevMillis: undefined,
  };
  await jobs.queueOf(job.name as JobName).add(job.name, job.data, options);
  try {
    await job.remove();
    return true;
  } catch {
    // Already gone: another worker starting at the same time moved it. Else locked: an old worker took it
    // meanwhile and runs it there; the copy on the new queue is a re-run, which handlers are written to survive.
    return (await legacy.getJob(job.id)) === null;
  }
}
