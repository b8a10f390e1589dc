import { Injectable } from '@nestjs/common';
import type { JobHandler, JobOutcome, JobPayloads } from '#queue';
import { InvitationsService } from '../accounts/invitations.service.js';

/** Daily housekeeping: expired invitations that nobody accepted are deleted after a grace period. */
@Injectable()
export class PurgeExpiredInvitationsJob implements JobHandler<'people.purge-expired-invitations'> {
  // Named from before identity had its own library; kept so that schedules already stored in Redis still match.
  readonly jobName = 'people.purge-expired-invitations' as const;

  constructor(private readonly invitations: InvitationsService) {}

  async handle({ graceDays }: JobPayloads['people.purge-expired-invitations']): Promise<JobOutcome> {
    const deleted = await this.invitations.purgeExpired(graceDays);
    return { status: 'done', detail: { deleted } };
  }
}
