import { Injectable } from '@nestjs/common';
import type { JobHandler, JobOutcome, JobPayloads } from '#queue';
import type { Job } from 'bull';
import { ReportDocumentsService } from '../documents/report-documents.service.js';
import { DatasetExportService } from '../exports/dataset-export.service.js';

/** Renders a requested dataset export (job id `export:<documentId>`); ends FAILED when retries run out. */
@Injectable()
export class RenderDatasetExportJob implements JobHandler<'reports.render-export'> {
  readonly jobName = 'reports.render-export' as const;

  constructor(
    private readonly exports: DatasetExportService,
    private readonly documents: ReportDocumentsService,
  ) {}

  handle({ documentId }: JobPayloads['reports.render-export'], job: Job<JobPayloads['reports.render-export']>): Promise<JobOutcome> {
    return this.exports.render(documentId, async (percent) => void (await job.progress(percent)));
  }

  onFinalFailure({ documentId }: JobPayloads['reports.render-export'], error: Error): Promise<void> {
    return this.documents.markFailed(documentId, error.message);
  }
}
