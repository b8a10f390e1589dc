/**
 * Every background job of the platform: its name and the payload it carries. Payloads carry ids and plain
 * values, never entities, so that a job still makes sense when it runs long after it was queued.
 */
export interface JobPayloads {
  /** Deletes invitations that expired more than `graceDays` ago without being accepted. */
  'people.purge-expired-invitations': { graceDays: number };
  /** Makes the certificate of completion of a GRADUATED enrollment, once. */
  'training.issue-certificate': { enrollmentId: string };
  /** Queues a certificate for every graduation still without one (a lost enqueue, a wiped queue). */
  'training.reconcile-certificates': Record<string, never>;
  /** Checks an uploaded film and makes its poster and preview. */
  'films.process-asset': { assetId: string };
  /** Releases uploads left unfinished past their expiry and deletes files no asset points to. */
  'films.expire-uploads': Record<string, never>;
  /** Tells managers of screenings starting tomorrow and of past screenings still without attendance. */
  'screenings.send-reminders': Record<string, never>;
  /** Renders an impact report document (PDF or XLSX) and stores it. */
  'reports.render-document': { documentId: string };
  /** Renders a requested dataset export (CSV or XLSX) and stores it. */
  'reports.render-export': { documentId: string };
}

export type JobName = keyof JobPayloads;

/** The runtime list of job names; the worker checks at start that each has exactly one handler. */
export const JOB_NAMES = [
  'people.purge-expired-invitations',
  'training.issue-certificate',
  'training.reconcile-certificates',
  'films.process-asset',
  'films.expire-uploads',
  'screenings.send-reminders',
  'reports.render-document',
  'reports.render-export',
] as const satisfies readonly JobName[];

// Compile-time check that JOB_NAMES lists every JobName.
type Missing = Exclude<JobName, (typeof JOB_NAMES)[number]>;
const everyJobListed: Missing extends never ? true : never = true;
void everyJobListed;

/**
 * One Bull queue per workload, each processed with its own concurrency, so that two long encodes never hold
 * back a certificate: `media` (ffmpeg runs), `documents` (certificates, reports, exports) and `housekeeping`
 * (the repeating clean-ups and reconciliations).
 */
export const QUEUE_NAMES = ['media', 'documents', 'housekeeping'] as const;

export type QueueName = (typeof QUEUE_NAMES)[number];

/** The queue each job runs on; producers name the job and `JobQueue` routes it here. */
export const JOB_QUEUES = {
  'people.purge-expired-invitations': 'housekeeping',
  'training.issue-certificate': 'documents',
  'training.reconcile-certificates': 'housekeeping',
  'films.process-asset': 'media',
  'films.expire-uploads': 'housekeeping',
  'screenings.send-reminders': 'housekeeping',
  'reports.render-document': 'documents',
  'reports.render-export': 'documents',
} as const satisfies Record<JobName, QueueName>;

/**
 * The single queue of earlier releases. The worker empties it into the queues above at start (see
 * `retireLegacyQueue`); nothing adds to it any more.
 */
export const LEGACY_QUEUE_NAME = 'filmschool';

/** What a handler reports when it ends without throwing. */
export type JobOutcome = { status: 'done'; detail?: Record<string, unknown> } | { status: 'skipped'; reason: string };
