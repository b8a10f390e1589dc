import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DatabaseModule, LoggingModule, SETTINGS, SettingsModule, type Settings } from '#core';
import { IdentityModule, PurgeExpiredInvitationsJob } from '#identity';
import { PeopleModule } from '#people';
import { IssueCertificateJob, ReconcileCertificatesJob, TrainingModule } from '#training';
import { ExpireUploadsJob, FilmsModule, ProcessAssetJob } from '#films';
import { ScreeningsModule, SendRemindersJob } from '#screenings';
import { RenderDatasetExportJob, RenderReportDocumentJob, ReportsModule } from '#reports';
import { JOB_HANDLERS, JobDispatcher, JobQueue, QueueModule, retireLegacyQueue, type JobHandler } from '#queue';
import { WorkerHealthServer } from './worker-health.server.js';

/** Registers the repeating jobs, each on its queue; re-registering at every start keeps one schedule per job. */
@Injectable()
class RepeatingJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(RepeatingJobs.name);

  constructor(
    private readonly jobs: JobQueue,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Upgrading from the single `filmschool` queue: its repeatable jobs are removed (else its old schedules
    // would keep firing beside these) and its waiting, delayed and abandoned jobs move to their new queues, so
    // none is lost.
    await retireLegacyQueue(this.settings, this.jobs, this.logger);
    await this.jobs.schedule('people.purge-expired-invitations', { graceDays: 30 }, '0 3 * * *');
    await this.jobs.schedule('films.expire-uploads', {}, '17 * * * *');
    await this.jobs.schedule('training.reconcile-certificates', {}, '41 * * * *');
    await this.jobs.schedule('screenings.send-reminders', {}, '0 7 * * *');
  }
}

@Module({
  imports: [
    SettingsModule,
    LoggingModule,
    DatabaseModule.forRoot({ runMigrations: false }),
    QueueModule,
    PeopleModule,
    IdentityModule,
    TrainingModule,
    FilmsModule,
    ScreeningsModule,
    ReportsModule,
  ],
  providers: [
    JobDispatcher,
    {
      provide: JOB_HANDLERS,
      inject: [
        PurgeExpiredInvitationsJob,
        IssueCertificateJob,
        ReconcileCertificatesJob,
        ProcessAssetJob,
        ExpireUploadsJob,
        SendRemindersJob,
        RenderReportDocumentJob,
        RenderDatasetExportJob,
      ],
      useFactory: (...handlers: JobHandler[]) => handlers,
    },
    RepeatingJobs,
    WorkerHealthServer,
  ],
})
export class WorkerModule {}
