import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FundingModule } from '#funding';
import { QueueModule } from '#queue';
import { StorageModule } from '#storage';
import { ReportDocumentFieldsResolver } from './documents/report-document-fields.resolver.js';
import { ReportDocumentsResolver } from './documents/report-documents.resolver.js';
import { ReportDocumentsService } from './documents/report-documents.service.js';
import { DatasetExportResolver } from './exports/dataset-export.resolver.js';
import { DatasetExportService } from './exports/dataset-export.service.js';
import { RenderDatasetExportJob } from './jobs/render-dataset-export.job.js';
import { RenderReportDocumentJob } from './jobs/render-report-document.job.js';
import { ReportDocument } from './report-document.entity.js';
import { ReportsResolver } from './reports.resolver.js';
import { ReportsService } from './reports.service.js';

export const REPORTS_ENTITIES = [ReportDocument];

export const REPORTS_RESOLVERS = [ReportsResolver, ReportDocumentsResolver, ReportDocumentFieldsResolver, DatasetExportResolver];

/** The impact figures (SQL aggregates over the other domains' tables), their documents and the dataset exports. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORTS_ENTITIES), FundingModule, StorageModule, QueueModule],
  providers: [ReportsService, ReportDocumentsService, DatasetExportService, RenderReportDocumentJob, RenderDatasetExportJob],
  exports: [FundingModule, ReportsService, ReportDocumentsService, DatasetExportService, RenderReportDocumentJob, RenderDatasetExportJob],
})
export class ReportsModule {}

@Module({ imports: [ReportsModule], providers: REPORTS_RESOLVERS })
export class ReportsApiModule {}
