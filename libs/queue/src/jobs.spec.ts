import { JOB_NAMES, JOB_QUEUES, QUEUE_NAMES, type QueueName } from './jobs.js';

describe('JOB_QUEUES', () => {
  it('keeps encodes, documents and housekeeping apart', () => {
    const byQueue = Object.fromEntries(
      QUEUE_NAMES.map((queue) => [queue, JOB_NAMES.filter((name) => JOB_QUEUES[name] === queue).sort()]),
    ) as Record<QueueName, string[]>;
    expect(byQueue).toEqual({
      media: ['films.process-asset'],
      documents: ['reports.render-document', 'reports.render-export', 'training.issue-certificate'],
      housekeeping: [
        'films.expire-uploads',
        'people.purge-expired-invitations',
        'screenings.send-reminders',
        'training.reconcile-certificates',
      ],
    });
  });

  it('names a queue for every job and no other key', () => {
    expect(Object.keys(JOB_QUEUES).sort()).toEqual([...JOB_NAMES].sort());
  });
});
