import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AuthModule, DatabaseModule, LoggingModule, SettingsModule } from '#core';
import { PeopleModule, PurgeExpiredInvitationsJob } from '#people';
import { IssueCertificateJob, ReconcileCertificatesJob, TrainingModule } from '#training';
import { ExpireUploadsJob, FilmsModule, ProcessAssetJob } from '#films';
import { ScreeningsModule, SendRemindersJob } from '#screenings';
import { RenderDatasetExportJob, RenderReportDocumentJob, ReportsModule } from '#reports';
import { JOB_HANDLERS, JobDispatcher, JobQueue, QueueModule, type JobHandler } from '#queue';
import { WorkerHealthServer } from './worker-health.server.js';

/** Registers the repeating jobs; re-registering at every start keeps one schedule per job. */
@Injectable()
class RepeatingJobs implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
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
    AuthModule,
    QueueModule,
    PeopleModule,
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
