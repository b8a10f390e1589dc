import { AccessRulesModule } from '#access';
import { TRAINING_ACCESS_RULES } from './training.access.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '#people';
import { QueueModule } from '#queue';
import { StorageModule } from '#storage';
import { AttendanceService } from './attendance/attendance.service.js';
import { CertificatesResolver } from './certificates/certificates.resolver.js';
import { CertificatesService } from './certificates/certificates.service.js';
import { TRAINING_ENTITIES } from './entities/index.js';
import { FeedbackResolver } from './feedback/feedback.resolver.js';
import { FeedbackService } from './feedback/feedback.service.js';
import { IssueCertificateJob, ReconcileCertificatesJob } from './jobs/issue-certificate.job.js';
import { ProgressResolver } from './progress/progress.resolver.js';
import { ProgressService } from './progress/progress.service.js';
import {
  AttendanceChangeFieldsResolver,
  AttendanceRecordFieldsResolver,
  TrainingSessionFieldsResolver,
} from './sessions/training-session-fields.resolver.js';
import { TrainingSessionsResolver } from './sessions/training-sessions.resolver.js';
import { TrainingSessionsService } from './sessions/training-sessions.service.js';

export const TRAINING_RESOLVERS = [
  TrainingSessionsResolver,
  TrainingSessionFieldsResolver,
  AttendanceRecordFieldsResolver,
  AttendanceChangeFieldsResolver,
  ProgressResolver,
  FeedbackResolver,
  CertificatesResolver,
];

/** Services and jobs of the training domain, without GraphQL (the worker uses this). */
@Module({
  imports: [
    TypeOrmModule.forFeature(TRAINING_ENTITIES),
    PeopleModule,
    QueueModule,
    StorageModule,
    AccessRulesModule.forFeature('training', TRAINING_ACCESS_RULES),
  ],
  providers: [
    TrainingSessionsService,
    AttendanceService,
    ProgressService,
    FeedbackService,
    CertificatesService,
    IssueCertificateJob,
    ReconcileCertificatesJob,
  ],
  exports: [
    PeopleModule,
    TrainingSessionsService,
    AttendanceService,
    ProgressService,
    FeedbackService,
    CertificatesService,
    IssueCertificateJob,
    ReconcileCertificatesJob,
  ],
})
export class TrainingModule {}

/** The training domain with its GraphQL API. */
@Module({ imports: [TrainingModule], providers: TRAINING_RESOLVERS })
export class TrainingApiModule {}
