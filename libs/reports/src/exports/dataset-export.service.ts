import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '#access';
import { toCsv } from '#core';
import { JobQueue, type JobOutcome } from '#queue';
import { StorageService } from '#storage';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { FILE_TYPES } from '../file-types.js';
import { DocumentFormat, DocumentKind, DocumentLanguage, DocumentStatus, ReportDocument } from '../report-document.entity.js';
import { reportsError } from '../reports.errors.js';
import { ReportsService } from '../reports.service.js';
import { DATASETS } from './datasets.js';
import { ExportDataset, ExportFormat } from './export-dataset.enum.js';
import type { ExportFile } from './export-file.model.js';

interface BuiltExport {
  fileName: string;
  body: Buffer;
  rows: number;
}

/**
 * Datasets as CSV or XLSX files: requested through the API and rendered by the worker (`requestDatasetExport`),
 * or, for older clients, built within the request (`exportDataset`).
 */
@Injectable()
export class DatasetExportService {
  private readonly logger = new Logger(DatasetExportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly storage: StorageService,
    private readonly jobs: JobQueue,
  ) {}

  /** Builds the file within the request and hands back a signed link (the deprecated synchronous path). */
  async export(dataset: ExportDataset, format: ExportFormat, from: string | null, to: string | null): Promise<ExportFile> {
    const built = await this.build(dataset, DocumentFormat[format], from, to, null);
    const key = `exports/${randomUUID()}${FILE_TYPES[DocumentFormat[format]].extension}`;
    await this.storage.put(key, built.body, FILE_TYPES[DocumentFormat[format]].contentType, built.body.length);
    return { fileName: built.fileName, url: await this.storage.signedGetUrl(key, 900, built.fileName), rows: built.rows };
  }

  /** Records the request and queues its rendering (job id `export:<documentId>`). */
  async request(
    ctx: RequestContext,
    input: { dataset: ExportDataset; format: ExportFormat; from: string; to: string; programmeId: string | null },
  ): Promise<ReportDocument> {
    await this.reports.checkScope(input.from, input.to, input.programmeId);
    const documents = this.dataSource.getRepository(ReportDocument);
    const document = await documents.save(
      documents.create({
        kind: DocumentKind.DATASET_EXPORT,
        dataset: input.dataset,
        format: DocumentFormat[input.format],
        // Column names are the same in every language; the language only matters to impact report documents.
        language: DocumentLanguage.EN,
        periodFrom: input.from,
        periodTo: input.to,
        programmeId: input.programmeId,
        requestedById: ctx.actor.id,
      }),
    );
    await this.jobs.add('reports.render-export', { documentId: document.id }, { jobId: `export:${document.id}` });
    return document;
  }

  /** The worker's part: query, write the file, store it under a key derived from the document id. */
  async render(documentId: string, progress: (percent: number) => Promise<void>): Promise<JobOutcome> {
    const documents = this.dataSource.getRepository(ReportDocument);
    const document = await documents.findOneBy({ id: documentId, kind: DocumentKind.DATASET_EXPORT });
    if (!document) return { status: 'skipped', reason: 'the export request no longer exists' };
    if (document.status === DocumentStatus.READY) return { status: 'skipped', reason: 'already rendered' };
    if (!document.dataset) throw new Error(`The export ${document.id} names no dataset`);
    // The programme may have been deleted since the request: that fails the export rather than export nothing.
    await this.reports.checkScope(document.periodFrom, document.periodTo, document.programmeId);
    const built = await this.build(document.dataset, document.format, document.periodFrom, document.periodTo, document.programmeId);
    await progress(50);
    const key = `exports/${document.id}${FILE_TYPES[document.format].extension}`;
    await this.storage.put(key, built.body, FILE_TYPES[document.format].contentType, built.body.length);
    await documents.update(document.id, {
      status: DocumentStatus.READY,
      progress: 100,
      objectKey: key,
      rowCount: built.rows,
      failureReason: null,
    });
    await progress(100);
    this.logger.log({ documentId: document.id, rows: built.rows }, 'Dataset exported');
    return { status: 'done', detail: { rows: built.rows, bytes: built.body.length } };
  }

  private async build(
    dataset: ExportDataset,
    format: DocumentFormat,
    from: string | null,
    to: string | null,
    programmeId: string | null,
  ): Promise<BuiltExport> {
    const { headers, sql } = DATASETS[dataset];
    // The outer select names every column after its header: unnamed expressions would otherwise share a name.
    const columns = headers.map((h) => `"${h}"`).join(', ');
    const records: Record<string, unknown>[] = await this.dataSource.query(`SELECT * FROM (${sql}) AS dataset(${columns})`, [
      from,
      to,
      programmeId,
    ]);
    const rows = records.map((record) =>
      Object.values(record).map((v) => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v))),
    );
    const fileName = `${exportFileName(dataset, from, to)}${FILE_TYPES[format].extension}`;
    if (format === DocumentFormat.CSV) return { fileName, body: Buffer.from(toCsv(headers, rows), 'utf8'), rows: rows.length };
    if (format !== DocumentFormat.XLSX) throw reportsError('UNSUPPORTED_FORMAT', `A dataset exports as CSV or XLSX, not ${format}`);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(dataset);
    sheet.addRow(headers).font = { bold: true };
    rows.forEach((row) => sheet.addRow(row));
    return { fileName, body: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length };
  }
}

/** e.g. `screenings-2019-01-01-2019-12-31`, without the extension. */
export function exportFileName(dataset: ExportDataset, from: string | null, to: string | null): string {
  return `${dataset.toLowerCase().replace(/_/g, '-')}${from ? `-${from}` : ''}${to ? `-${to}` : ''}`;
}
