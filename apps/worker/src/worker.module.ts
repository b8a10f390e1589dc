import { Module } from '@nestjs/common';
import { DatabaseModule, LoggingModule, SettingsModule } from '#core';
import { IdentityModule, PurgeExpiredInvitationsJob } from '#identity';
import { PeopleModule } from '#people';
import { IssueCertificateJob, ReconcileCertificatesJob, TrainingModule } from '#training';
import { ExpireUploadsJob, FilmsModule, ProcessAssetJob } from '#films';
import { ScreeningsModule, SendRemindersJob } from '#screenings';
import { RenderDatasetExportJob, RenderReportDocumentJob, ReportsModule } from '#reports';
import { JOB_HANDLERS, JobDispatcher, QueueModule, type JobHandler } from '#queue';
import { RepeatingJobs } from './repeating-jobs.js';
import { WorkerHealthServer } from './worker-health.server.js';

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
