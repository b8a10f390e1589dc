import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toCsv } from '#core';
import { StorageService } from '#storage';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { FILE_TYPES } from '../file-types.js';
import { DocumentFormat } from '../report-document.entity.js';
import { DATASETS } from './datasets.js';
import { ExportDataset, ExportFormat } from './export-dataset.enum.js';
import type { ExportFile } from './export-file.model.js';

interface BuiltExport {
  fileName: string;
  body: Buffer;
  contentType: string;
  rows: number;
}

/** Exports a dataset as CSV or XLSX to the object store and hands back a signed link. */
@Injectable()
export class DatasetExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
  ) {}

  async export(dataset: ExportDataset, format: ExportFormat, from: string | null, to: string | null): Promise<ExportFile> {
    const built = await this.build(dataset, format, from, to, null);
    const key = `exports/${randomUUID()}.${format.toLowerCase()}`;
    await this.storage.put(key, built.body, built.contentType, built.body.length);
    return { fileName: built.fileName, url: await this.storage.signedGetUrl(key, 900, built.fileName), rows: built.rows };
  }

  private async build(
    dataset: ExportDataset,
    format: ExportFormat,
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
    const fileName = `${exportFileName(dataset, from, to)}.${format.toLowerCase()}`;
    if (format === ExportFormat.CSV)
      return { fileName, body: Buffer.from(toCsv(headers, rows), 'utf8'), contentType: 'text/csv; charset=utf-8', rows: rows.length };
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(dataset);
    sheet.addRow(headers).font = { bold: true };
    rows.forEach((row) => sheet.addRow(row));
    return {
      fileName,
      body: Buffer.from(await book.xlsx.writeBuffer()),
      contentType: FILE_TYPES[DocumentFormat.XLSX].contentType,
      rows: rows.length,
    };
  }
}

/** e.g. `screenings-2019-01-01-2019-12-31`, without the extension. */
export function exportFileName(dataset: ExportDataset, from: string | null, to: string | null): string {
  return `${dataset.toLowerCase().replace(/_/g, '-')}${from ? `-${from}` : ''}${to ? `-${to}` : ''}`;
}
