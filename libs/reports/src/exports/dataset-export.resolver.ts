import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { CalendarDate, MANAGERS, Roles } from '#core';
import { ReportDocument } from '../report-document.entity.js';
import { DatasetExportService } from './dataset-export.service.js';
import { ExportDataset, ExportFormat } from './export-dataset.enum.js';
import { ExportFile } from './export-file.model.js';

@Resolver()
export class DatasetExportResolver {
  constructor(private readonly service: DatasetExportService) {}

  @Roles(...MANAGERS)
  @Mutation(() => ReportDocument, {
    description:
      'Asks the worker for fellows, attendance, films, festival entries or screenings of a period as CSV or XLSX; download it from reportDocument once READY',
  })
  requestDatasetExport(
    @Ctx() ctx: RequestContext,
    @Args('dataset', { type: () => ExportDataset }) dataset: ExportDataset,
    @Args('format', { type: () => ExportFormat }) format: ExportFormat,
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
    @Args('programmeId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) programmeId?: string,
  ) {
    return this.service.request(ctx, { dataset, format, from, to, programmeId: programmeId ?? null });
  }

  @Roles(...MANAGERS)
  @Mutation(() => ExportFile, {
    description: 'Fellows, attendance, films, festival entries or screenings as CSV or XLSX',
    deprecationReason: 'Built within the request, which large datasets outgrow: use requestDatasetExport',
  })
  exportDataset(
    @Args('dataset', { type: () => ExportDataset }) dataset: ExportDataset,
    @Args('format', { type: () => ExportFormat }) format: ExportFormat,
    @Args('from', { type: () => CalendarDate, nullable: true }) from?: string,
    @Args('to', { type: () => CalendarDate, nullable: true }) to?: string,
  ) {
    return this.service.export(dataset, format, from ?? null, to ?? null);
  }
}
