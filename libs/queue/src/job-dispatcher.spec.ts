import { indexHandlers, type JobHandler } from './job-dispatcher.js';

const purge: JobHandler = { jobName: 'people.purge-expired-invitations', handle: async () => ({ status: 'done' }) };
const certificate: JobHandler = { jobName: 'training.issue-certificate', handle: async () => ({ status: 'done' }) };

describe('indexHandlers', () => {
  it('maps each job name to its one handler', () => {
    expect(indexHandlers([purge, certificate]).get('people.purge-expired-invitations')).toBe(purge);
  });

  it('refuses a job with no handler or with two', () => {
    expect(() => indexHandlers([certificate])).toThrow('people.purge-expired-invitations has 0 handlers');
    expect(() => indexHandlers([purge, purge, certificate])).toThrow('people.purge-expired-invitations has 2 handlers');
  });
});
