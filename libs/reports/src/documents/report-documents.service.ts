import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '#access';
import { JobQueue, type JobOutcome } from '#queue';
import { FundingService } from '#funding';
import { StorageService } from '#storage';
import { DataSource } from 'typeorm';
import { exportFileName } from '../exports/dataset-export.service.js';
import { FILE_TYPES } from '../file-types.js';
import { DocumentFormat, DocumentKind, DocumentLanguage, DocumentStatus, ReportDocument } from '../report-document.entity.js';
import { editionOverlapsPeriod, filmInProgramme, screeningInPeriod, screeningInProgramme, POSITIONAL_SCOPE } from '../report-scope.js';
import { reportsError } from '../reports.errors.js';
import { ReportsService } from '../reports.service.js';
import type { ReportContent } from './report-content.js';
import { renderPdf, renderXlsx } from './renderers.js';

const SCOPE = POSITIONAL_SCOPE;

/** Impact reports as documents: requested through the API, rendered by the worker, downloaded by signed URL. */
@Injectable()
export class ReportDocumentsService {
  private readonly logger = new Logger(ReportDocumentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly funding: FundingService,
    private readonly storage: StorageService,
    private readonly jobs: JobQueue,
  ) {}

  async request(
    ctx: RequestContext,
    input: { from: string; to: string; programmeId: string | null; format: DocumentFormat; language: DocumentLanguage },
  ): Promise<ReportDocument> {
    if (input.format === DocumentFormat.CSV)
      throw reportsError(
        'UNSUPPORTED_FORMAT',
        'An impact report renders as PDF or XLSX; CSV is for dataset exports (requestDatasetExport)',
      );
    await this.reports.checkScope(input.from, input.to, input.programmeId);
    const documents = this.dataSource.getRepository(ReportDocument);
    const document = await documents.save(
      documents.create({
        kind: DocumentKind.IMPACT_REPORT,
        format: input.format,
        language: input.language,
        periodFrom: input.from,
        periodTo: input.to,
        programmeId: input.programmeId,
        requestedById: ctx.actor.id,
      }),
    );
    await this.jobs.add('reports.render-document', { documentId: document.id }, { jobId: `report:${document.id}` });
    return document;
  }

  async get(ctx: RequestContext, id: string): Promise<ReportDocument | null> {
    const document = await this.dataSource.getRepository(ReportDocument).findOneBy({ id });
    if (document && !ctx.seesAll && document.requestedById !== ctx.actor.id)
      throw reportsError('NOT_YOURS', 'This document was requested by someone else');
    return document;
  }

  downloadUrl(document: ReportDocument): Promise<string> | null {
    if (document.status !== DocumentStatus.READY || !document.objectKey) return null;
    const base =
      document.kind === DocumentKind.DATASET_EXPORT && document.dataset
        ? exportFileName(document.dataset, document.periodFrom, document.periodTo)
        : `impact-${document.periodFrom}-${document.periodTo}`;
    return this.storage.signedGetUrl(document.objectKey, 900, `${base}${FILE_TYPES[document.format].extension}`);
  }

  /** The worker's part: gather the figures, render, store under a key derived from the document id. */
  async render(documentId: string, progress: (percent: number) => Promise<void>): Promise<JobOutcome> {
    const documents = this.dataSource.getRepository(ReportDocument);
    const document = await documents.findOneBy({ id: documentId, kind: DocumentKind.IMPACT_REPORT });
    if (!document) return { status: 'skipped', reason: 'the document request no longer exists' };
    if (document.status === DocumentStatus.READY) return { status: 'skipped', reason: 'already rendered' };
    const content = await this.content(document);
    await progress(50);
    const language = document.language === DocumentLanguage.FR ? 'FR' : 'EN';
    const bytes = document.format === DocumentFormat.PDF ? await renderPdf(content, language) : await renderXlsx(content, language);
    const key = `reports/${document.id}${FILE_TYPES[document.format].extension}`;
    await this.storage.put(key, bytes, FILE_TYPES[document.format].contentType, bytes.length);
    await documents.update(document.id, { status: DocumentStatus.READY, progress: 100, objectKey: key, failureReason: null });
    await progress(100);
    return { status: 'done', detail: { bytes: bytes.length } };
  }

  /** Ends a document (report or export) FAILED with its error, once its job has no retry left. */
  async markFailed(documentId: string, error: string): Promise<void> {
    await this.dataSource
      .getRepository(ReportDocument)
      .update({ id: documentId, status: DocumentStatus.PENDING }, { status: DocumentStatus.FAILED, failureReason: error.slice(0, 2000) });
  }

  private async content(document: ReportDocument): Promise<ReportContent> {
    const { periodFrom: from, periodTo: to, programmeId } = document;
    const report = await this.reports.impactReport(from, to, programmeId);
    const params = [from, to, programmeId];
    const [programme] = programmeId ? await this.dataSource.query('SELECT name FROM programme WHERE id = $1', [programmeId]) : [];
    const attendanceByRegion = await this.dataSource.query(
      `SELECT CASE WHEN v.id IS NULL THEN 'ONLINE' ELSE coalesce(nullif(v.region, ''), 'UNKNOWN') END AS region,
              count(DISTINCT s.id)::int AS screenings, coalesce(sum(d.total), 0)::int AS attendance
         FROM screening s LEFT JOIN venue v ON v.id = s.venue_id LEFT JOIN screening_day d ON d.screening_id = s.id
        WHERE s.status = 'HELD' AND ${screeningInPeriod('s', 'v', SCOPE)} AND ${screeningInProgramme('s.id', SCOPE)}
        GROUP BY 1 ORDER BY 3 DESC, 1`,
      params,
    );
    const selections: { film: string; festival: string; year: number; awards: string[] }[] = await this.dataSource.query(
      `SELECT f.title AS film, fe.name AS festival, ed.year, coalesce(array_agg(a.name ORDER BY a.name) FILTER (WHERE a.id IS NOT NULL), '{}') AS awards
         FROM festival_entry en JOIN film f ON f.id = en.film_id
         JOIN festival_edition ed ON ed.id = en.edition_id JOIN festival fe ON fe.id = ed.festival_id
         LEFT JOIN award a ON a.entry_id = en.id
        WHERE en.status = 'SELECTED' AND ${editionOverlapsPeriod('ed', SCOPE)} AND ${filmInProgramme('en.film_id', SCOPE)}
        GROUP BY f.title, fe.name, ed.year ORDER BY f.title, fe.name`,
      params,
    );
    const funders = await this.funding.amountsByFunder(from, to, programmeId);
    this.logger.log({ documentId: document.id }, 'Report content gathered');
    return { report, programmeName: programme?.name ?? null, attendanceByRegion, selections, funders };
  }
}
