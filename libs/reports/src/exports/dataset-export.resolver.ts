import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CalendarDate, MANAGERS, Roles } from '#core';
import { DatasetExportService } from './dataset-export.service.js';
import { ExportDataset, ExportFormat } from './export-dataset.enum.js';
import { ExportFile } from './export-file.model.js';

@Resolver(() => ExportFile)
export class DatasetExportResolver {
  constructor(private readonly service: DatasetExportService) {}

  @Roles(...MANAGERS)
  @Mutation(() => ExportFile, { description: 'Fellows, attendance, films, festival entries or screenings as CSV or XLSX' })
  exportDataset(
    @Args('dataset', { type: () => ExportDataset }) dataset: ExportDataset,
    @Args('format', { type: () => ExportFormat }) format: ExportFormat,
    @Args('from', { type: () => CalendarDate, nullable: true }) from?: string,
    @Args('to', { type: () => CalendarDate, nullable: true }) to?: string,
  ) {
    return this.service.export(dataset, format, from ?? null, to ?? null);
  }
}
