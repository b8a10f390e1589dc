import { indexHandlers, type JobHandler } from './job-dispatcher.js';
import { QUEUE_NAMES } from './jobs.js';

const purge: JobHandler = { jobName: 'people.purge-expired-invitations', handle: async () => ({ status: 'done' }) };
const certificate: JobHandler = { jobName: 'training.issue-certificate', handle: async () => ({ status: 'done' }) };
const process: JobHandler = { jobName: 'films.process-asset', handle: async () => ({ status: 'done' }) };
const expire: JobHandler = { jobName: 'films.expire-uploads', handle: async () => ({ status: 'done' }) };
const reconcile: JobHandler = { jobName: 'training.reconcile-certificates', handle: async () => ({ status: 'done' }) };
const remind: JobHandler = { jobName: 'screenings.send-reminders', handle: async () => ({ status: 'done' }) };
const render: JobHandler = { jobName: 'reports.render-document', handle: async () => ({ status: 'done' }) };
const renderExport: JobHandler = { jobName: 'reports.render-export', handle: async () => ({ status: 'done' }) };
const others = [certificate, reconcile, process, expire, remind, render, renderExport];

describe('indexHandlers', () => {
  it('maps each job name to its one handler', () => {
    expect(indexHandlers([purge, ...others], QUEUE_NAMES).get('people.purge-expired-invitations')).toBe(purge);
  });

  it('refuses a job with no handler or with two', () => {
    expect(() => indexHandlers(others, QUEUE_NAMES)).toThrow('people.purge-expired-invitations has 0 handlers');
    expect(() => indexHandlers([purge, purge, ...others], QUEUE_NAMES)).toThrow('people.purge-expired-invitations has 2 handlers');
  });

  it('refuses a handler whose job runs on a queue the worker did not register', () => {
    expect(() => indexHandlers([purge, ...others], ['documents', 'housekeeping'])).toThrow(
      'films.process-asset runs on the media queue, which is not registered',
    );
  });
});
