import { Injectable } from '@nestjs/common';
import type { JobHandler, JobOutcome } from '#queue';
import { ScreeningsService } from './screenings.service.js';

@Injectable()
export class SendRemindersJob implements JobHandler<'screenings.send-reminders'> {
  readonly jobName = 'screenings.send-reminders' as const;

  constructor(private readonly screenings: ScreeningsService) {}

  handle(): Promise<JobOutcome> {
    return this.screenings.sendReminders();
  }
}
