import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { Role, SETTINGS, type Settings } from '#core';
import { JobQueue, type JobOutcome } from '#queue';
import { StorageService } from '#storage';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { DataSource, IsNull, LessThan, type EntityManager } from 'typeorm';
import { StartFilmUploadInput } from '../dto/films.inputs.js';
import { AssetStatus, Film, FilmUpload, MediaAsset, UploadedPart } from '../entities/index.js';
import { FilmsService } from '../films/films.service.js';
import { filmsError } from '../films.errors.js';
import { partLength, planParts, VIDEO_TYPES } from './upload-plan.js';

/** Presigned part URLs live at most an hour: long enough for a slow part, short enough not to leak far. */
const PART_URL_SECONDS = 3600;
const MAX_PARTS_PER_SIGNING = 100;
/** An asset PROCESSING this long without a live job is queued again. */
const STALLED_AFTER_MS = 15 * 60_000;
const ETAG = /^[A-Za-z0-9+/=_-]{1,200}$/;

export interface PartUrl {
  partNumber: number;
  url: string;
  expiresAt: Date;
}

/**
 * The resumable upload protocol. The bytes go from the client straight to the object store, part by part, with
 * presigned URLs; the API only keeps track of which parts arrived (as the client reports them), completes the
 * upload and hands the file to processing.
 */
@Injectable()
export class FilmUploadsService {
  private readonly logger = new Logger(FilmUploadsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly films: FilmsService,
    private readonly storage: StorageService,
    private readonly jobs: JobQueue,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async start(ctx: RequestContext, input: StartFilmUploadInput): Promise<FilmUpload> {
    const film = await this.films.workable(ctx, input.filmId);
    const max = this.settings.films.maxUploadBytes;
    if (input.byteSize <= 0) throw filmsError('EMPTY_FILE', 'The file is empty: byteSize must be more than 0');
    if (input.byteSize > max) {
      throw filmsError('FILE_TOO_LARGE', `The file is ${input.byteSize} bytes; the largest accepted is ${max} bytes`, { maxBytes: max });
    }
    if (!VIDEO_TYPES.has(input.contentType)) {
      throw filmsError('NOT_A_VIDEO_TYPE', `"${input.contentType}" is not a video type; accepted: ${[...VIDEO_TYPES].join(', ')}`);
    }
    const { partSize, partCount } = planParts(input.byteSize, this.settings.films.minPartBytes);
    const objectKey = this.storage.newKey('films');
    const storeUploadId = await this.storage.startMultipart(objectKey, input.contentType);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const asset = await manager.save(
          manager.create(MediaAsset, {
            filmId: film.id,
            kind: input.kind,
            fileName: input.fileName.split(/[\\/]/).pop() || input.fileName,
            byteSize: input.byteSize,
            contentType: input.contentType,
            objectKey,
            uploadedById: ctx.actor.id,
          }),
        );
        return manager.save(
          manager.create(FilmUpload, {
            assetId: asset.id,
            asset,
            storeUploadId,
            partSize,
            partCount,
            expiresAt: new Date(Date.now() + this.settings.films.uploadExpiryHours * 3600_000),
            completedAt: null,
            closedAt: null,
            createdById: ctx.actor.id,
          }),
        );
      });
    } catch (error) {
      // No row points to the multipart upload: free it rather than leave it to the store.
      await this.storage.abortMultipart(objectKey, storeUploadId).catch(() => undefined);
      throw error;
    }
  }

  /** The upload, or null when none has this id; FORBIDDEN when the caller may not act on it. */
  async find(ctx: RequestContext, uploadId: string): Promise<FilmUpload | null> {
    const upload = await this.dataSource.getRepository(FilmUpload).findOneBy({ id: uploadId });
    if (!upload) return null;
    await this.assertMayActOn(ctx, upload);
    return upload;
  }

  /**
   * The caller's own open uploads of a film (not completed, aborted or expired), newest first, with their assets.
   * Only the people who work on the film may ask (NOT_ALLOWED for others), and each sees only the uploads she
   * started: those are the ones she may resume.
   */
  async unfinished(ctx: RequestContext, filmId: string): Promise<FilmUpload[]> {
    const film = await this.films.workable(ctx, filmId);
    return this.dataSource
      .getRepository(FilmUpload)
      .createQueryBuilder('upload')
      .innerJoinAndSelect('upload.asset', 'asset')
      .where('asset.filmId = :filmId', { filmId: film.id })
      .andWhere('upload.createdById = :actorId', { actorId: ctx.actor.id })
      .andWhere('upload.completedAt IS NULL AND upload.closedAt IS NULL AND upload.expiresAt > now()')
      .orderBy('upload.createdAt', 'DESC')
      .getMany();
  }

  async signParts(ctx: RequestContext, uploadId: string, partNumbers: number[]): Promise<PartUrl[]> {
    const { upload, asset } = await this.openUpload(ctx, uploadId);
    const numbers = [...new Set(partNumbers)];
    if (numbers.length === 0 || numbers.length > MAX_PARTS_PER_SIGNING) {
      throw filmsError('BAD_PART_NUMBER', `Ask for 1 to ${MAX_PARTS_PER_SIGNING} parts at a time`);
    }
    numbers.forEach((n) => this.assertPartNumber(upload, n));
    const seconds = Math.max(60, Math.min(PART_URL_SECONDS, Math.floor((upload.expiresAt.getTime() - Date.now()) / 1000)));
    const expiresAt = new Date(Date.now() + seconds * 1000);
    return Promise.all(
      numbers.map(async (partNumber) => ({
        partNumber,
        url: await this.storage.signPartUrl(
          asset.objectKey,
          upload.storeUploadId,
          partNumber,
          partLength(asset.byteSize, upload.partSize, partNumber),
          seconds,
        ),
        expiresAt,
      })),
    );
  }

  /** Remembers that a part arrived (its ETag as the store returned it); sending it again replaces it. */
  async recordPart(ctx: RequestContext, uploadId: string, partNumber: number, etag: string): Promise<FilmUpload> {
    const { upload } = await this.openUpload(ctx, uploadId);
    this.assertPartNumber(upload, partNumber);
    const bare = etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    if (!ETAG.test(bare)) throw filmsError('BAD_ETAG', 'etag must be the ETag header the object store returned for the part');
    await this.dataSource.getRepository(UploadedPart).upsert({ uploadId, partNumber, etag: `"${bare}"` }, ['uploadId', 'partNumber']);
    return upload;
  }

  /**
   * Completes the upload from the recorded parts, checks the stored size against the declared one, and queues
   * processing. Completing twice returns the same asset, so a client whose answer was lost can simply retry.
   */
  async complete(ctx: RequestContext, uploadId: string): Promise<MediaAsset> {
    const known = await this.dataSource.getRepository(FilmUpload).findOneBy({ id: uploadId });
    if (!known) throw filmsError('UPLOAD_NOT_FOUND', `No upload with id ${uploadId}`);
    await this.assertMayActOn(ctx, known);
    const outcome = await this.dataSource.transaction(async (manager) => {
      // The row lock makes concurrent completions of one upload take turns: the second sees it completed.
      const upload = await manager.findOneOrFail(FilmUpload, { where: { id: uploadId }, lock: { mode: 'pessimistic_write' } });
      const asset = await manager.findOneByOrFail(MediaAsset, { id: upload.assetId });
      if (upload.completedAt) return { asset, mismatch: undefined, queue: false };
      this.assertOpen(upload);
      const parts = await manager.find(UploadedPart, { where: { uploadId }, order: { partNumber: 'ASC' } });
      const missing = Array.from({ length: upload.partCount }, (_, i) => i + 1).filter((n) => !parts.some((p) => p.partNumber === n));
      if (missing.length > 0) {
        throw filmsError('PARTS_MISSING', `Parts not uploaded yet: ${summarize(missing)}`, { missingParts: missing.slice(0, 1000) });
      }
      try {
        await this.storage.completeMultipart(asset.objectKey, upload.storeUploadId, parts);
      } catch (error) {
        if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode ?? 500) < 500) {
          throw filmsError(
            'PART_REJECTED',
            `The object store refused the parts (${error.name}): upload the parts again and record their new ETags`,
          );
        }
        throw error;
      }
      const stored = await this.storage.head(asset.objectKey);
      if (stored.byteSize !== asset.byteSize) {
        // Refused, and nothing half-kept: the file goes, the asset says why, the upload takes no more parts.
        await this.storage.delete(asset.objectKey);
        await this.close(
          manager,
          upload,
          asset,
          AssetStatus.REJECTED,
          `The stored file has ${stored.byteSize} bytes, not the ${asset.byteSize} declared`,
        );
        return { asset, mismatch: { storedBytes: stored.byteSize, declaredBytes: asset.byteSize }, queue: false };
      }
      upload.completedAt = new Date();
      await manager.save(upload);
      asset.status = AssetStatus.PROCESSING;
      return { asset: await manager.save(asset), mismatch: undefined, queue: true };
    });
    // Queued after the commit, so the worker never finds the asset still UPLOADING. Should queueing fail here,
    // the clean-up job re-queues assets left PROCESSING (requeueStalled).
    if (outcome.queue) await this.queueProcessing(outcome.asset.id, `process:${outcome.asset.id}`);
    if (outcome.mismatch) {
      const { storedBytes, declaredBytes } = outcome.mismatch;
      throw filmsError(
        'SIZE_MISMATCH',
        `The stored file has ${storedBytes} bytes, not the ${declaredBytes} declared: start a new upload`,
        outcome.mismatch,
      );
    }
    return outcome.asset;
  }

  /** Gives up an upload: the store drops the parts and the asset ends EXPIRED. Aborting twice is fine. */
  async abort(ctx: RequestContext, uploadId: string): Promise<boolean> {
    const upload = await this.dataSource.getRepository(FilmUpload).findOneBy({ id: uploadId });
    if (!upload) throw filmsError('UPLOAD_NOT_FOUND', `No upload with id ${uploadId}`);
    await this.assertMayActOn(ctx, upload);
    if (upload.completedAt) throw filmsError('UPLOAD_CLOSED', 'This upload is already complete');
    if (upload.closedAt) return true;
    await this.release(upload);
    return true;
  }

  /** The clean-up job: uploads left unfinished past their expiry are released and their assets EXPIRED. */
  async expireAbandoned(now = new Date()): Promise<JobOutcome> {
    const stale = await this.dataSource.getRepository(FilmUpload).find({
      where: { completedAt: IsNull(), closedAt: IsNull(), expiresAt: LessThan(now) },
      take: 500,
    });
    for (const upload of stale) await this.release(upload);
    const requeued = await this.requeueStalled(new Date(now.getTime() - STALLED_AFTER_MS));
    const orphans = await this.deleteOrphans(new Date(now.getTime() - this.settings.films.uploadExpiryHours * 3600_000));
    return { status: 'done', detail: { expired: stale.length, requeued, orphansDeleted: orphans } };
  }

  /** Assets PROCESSING for long without a live job (a lost enqueue, a wiped queue) get a new processing job. */
  private async requeueStalled(before: Date): Promise<number> {
    const stalled = await this.dataSource
      .getRepository(MediaAsset)
      .find({ where: { status: AssetStatus.PROCESSING, updatedAt: LessThan(before) }, take: 200 });
    let requeued = 0;
    for (const asset of stalled) {
      const job = await this.jobs.getJob('films.process-asset', `process:${asset.id}`);
      const state = job ? await job.getState() : 'missing';
      if (state === 'active' || state === 'waiting' || state === 'delayed') continue;
      await this.queueProcessing(asset.id, `process:${asset.id}:${Date.now()}`);
      requeued += 1;
    }
    return requeued;
  }

  private async queueProcessing(assetId: string, jobId: string): Promise<void> {
    try {
      await this.jobs.add('films.process-asset', { assetId }, { jobId });
    } catch (error) {
      this.logger.error({ err: error, assetId }, 'Could not queue processing; the clean-up job will queue it again');
    }
  }

  private async release(upload: FilmUpload): Promise<void> {
    const asset = await this.dataSource.getRepository(MediaAsset).findOneByOrFail({ id: upload.assetId });
    const outcome = await this.storage.abortMultipart(asset.objectKey, upload.storeUploadId);
    await this.storage.delete(asset.objectKey);
    await this.dataSource.transaction((manager) => this.close(manager, upload, asset, AssetStatus.EXPIRED, null));
    this.logger.log({ uploadId: upload.id, assetId: asset.id, abort: outcome }, 'Upload released');
  }

  /** Deletes stored files that no live asset points to and that are older than `before` (never one being written). */
  private async deleteOrphans(before: Date): Promise<number> {
    let deleted = 0;
    for (const prefix of ['films/', 'posters/', 'previews/']) {
      for await (const object of this.storage.list(prefix)) {
        if (object.lastModified >= before) continue;
        const referenced = await this.dataSource
          .getRepository(MediaAsset)
          .createQueryBuilder('asset')
          .where('asset.objectKey = :key OR asset.posterKey = :key OR asset.previewKey = :key', { key: object.key })
          // Expired and rejected assets hold no file: one left behind (a failed delete) goes now.
          .andWhere('asset.status NOT IN (:...gone)', { gone: [AssetStatus.EXPIRED, AssetStatus.REJECTED] })
          .getExists();
        if (!referenced) {
          await this.storage.delete(object.key);
          deleted += 1;
        }
      }
    }
    return deleted;
  }

  private async close(
    manager: EntityManager,
    upload: FilmUpload,
    asset: MediaAsset,
    status: AssetStatus,
    reason: string | null,
  ): Promise<void> {
    await manager.update(FilmUpload, upload.id, { closedAt: new Date() });
    await manager.update(MediaAsset, asset.id, { status, rejectionReason: reason });
  }

  private async openUpload(ctx: RequestContext, uploadId: string): Promise<{ upload: FilmUpload; asset: MediaAsset }> {
    const upload = await this.dataSource.getRepository(FilmUpload).findOneBy({ id: uploadId });
    if (!upload) throw filmsError('UPLOAD_NOT_FOUND', `No upload with id ${uploadId}`);
    await this.assertMayActOn(ctx, upload);
    this.assertOpen(upload);
    const asset = await this.dataSource.getRepository(MediaAsset).findOneByOrFail({ id: upload.assetId });
    return { upload, asset };
  }

  private assertOpen(upload: FilmUpload): void {
    if (upload.completedAt) throw filmsError('UPLOAD_CLOSED', 'This upload is already complete');
    if (upload.closedAt) throw filmsError('UPLOAD_CLOSED', 'This upload was aborted or has expired: start a new one');
    if (upload.expiresAt.getTime() <= Date.now()) throw filmsError('UPLOAD_CLOSED', 'This upload has expired: start a new one');
  }

  private assertPartNumber(upload: FilmUpload, partNumber: number): void {
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > upload.partCount) {
      throw filmsError('BAD_PART_NUMBER', `Part numbers of this upload run from 1 to ${upload.partCount}; got ${partNumber}`);
    }
  }

  /** Only the uploader, the trainers of the film's cohort and managers act on an upload. */
  private async assertMayActOn(ctx: RequestContext, upload: FilmUpload): Promise<void> {
    if (ctx.seesAll || upload.createdById === ctx.actor.id) return;
    if (ctx.actor.role === Role.TRAINER) {
      const film = await this.dataSource
        .getRepository(Film)
        .createQueryBuilder('film')
        .innerJoin(MediaAsset, 'asset', 'asset.film_id = film.id')
        .where('asset.id = :assetId', { assetId: upload.assetId })
        .getOne();
      if (film && (await ctx.can('cohort.teach', film.cohortId))) return;
    }
    throw filmsError('NOT_ALLOWED', 'Only the person who started this upload, the cohort’s trainers and managers can act on it');
  }
}

function summarize(numbers: number[]): string {
  return numbers.length > 20 ? `${numbers.slice(0, 20).join(', ')} and ${numbers.length - 20} more` : numbers.join(', ');
}
