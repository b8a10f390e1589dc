import { Injectable } from '@nestjs/common';
import type { JobHandler, JobOutcome, JobPayloads } from '#queue';
import type { Job } from 'bull';
import { ReportDocumentsService } from '../documents/report-documents.service.js';

/** Renders a requested report document (job id `report:<documentId>`); ends FAILED when retries run out. */
@Injectable()
export class RenderReportDocumentJob implements JobHandler<'reports.render-document'> {
  readonly jobName = 'reports.render-document' as const;

  constructor(private readonly documents: ReportDocumentsService) {}

  handle({ documentId }: JobPayloads['reports.render-document'], job: Job<JobPayloads['reports.render-document']>): Promise<JobOutcome> {
    return this.documents.render(documentId, async (percent) => void (await job.progress(percent)));
  }

  onFinalFailure({ documentId }: JobPayloads['reports.render-document'], error: Error): Promise<void> {
    return this.documents.markFailed(documentId, error.message);
  }
}
