import { Injectable, Module } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarDate, CurrentActor, IdArg, MANAGERS, Roles, type Actor } from '#core';
import { QueueModule, type JobHandler, type JobOutcome, type JobPayloads } from '#queue';
import { FundingApiModule } from '#funding';
import { ReportsApiModule } from '#reports';
import { StorageModule } from '#storage';
import type { Job } from 'bull';
import { ID } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { DocumentFormat, DocumentLanguage, ReportDocument } from './report-document.entity.js';
import { ReportDocumentsService } from './report-documents.service.js';
import { DatasetExportResolver, DatasetExportService } from './dataset-export.js';

@Resolver(() => ReportDocument)
export class ReportDocumentsResolver {
  constructor(private readonly service: ReportDocumentsService) {}

  @Roles(...MANAGERS)
  @Mutation(() => ReportDocument, { description: 'Asks the worker for the impact report as a PDF (French or English) or an XLSX workbook' })
  requestImpactReportDocument(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
    @Args('format', { type: () => DocumentFormat }) format: DocumentFormat,
    @Args('language', { type: () => DocumentLanguage, defaultValue: DocumentLanguage.FR }) language: DocumentLanguage,
    @Args('programmeId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) programmeId?: string,
  ) {
    return this.service.request(actor, { from, to, format, language, programmeId: programmeId ?? null });
  }

  @Roles(...MANAGERS)
  @Query(() => ReportDocument, { nullable: true })
  reportDocument(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.service.get(actor, id);
  }

  @ResolveField(() => String, { nullable: true, description: 'A signed link valid 15 minutes, once READY' })
  downloadUrl(@Parent() document: ReportDocument): Promise<string> | null {
    return this.service.downloadUrl(document);
  }
}

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

export const REPORT_DOCUMENTS_ENTITIES = [ReportDocument];
export const REPORT_DOCUMENTS_RESOLVERS = [ReportDocumentsResolver, DatasetExportResolver];

@Module({
  imports: [TypeOrmModule.forFeature(REPORT_DOCUMENTS_ENTITIES), ReportsApiModule, FundingApiModule, StorageModule, QueueModule],
  providers: [ReportDocumentsService, RenderReportDocumentJob, DatasetExportService],
  exports: [ReportDocumentsService, RenderReportDocumentJob, DatasetExportService],
})
export class ReportDocumentsModule {}

@Module({ imports: [ReportDocumentsModule], providers: REPORT_DOCUMENTS_RESOLVERS })
export class ReportDocumentsApiModule {}
