import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { DomainError, Role, SETTINGS, type Settings } from '#core';
import { JobQueue, type JobOutcome } from '#queue';
import { StorageService, type StoredObject } from '#storage';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { DataSource, In, IsNull, LessThan, type EntityManager } from 'typeorm';
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
/** A completion claim older than this belongs to a crashed API (the store calls of a live one end well before). */
const CLAIM_STALE_MS = 2 * 60_000;
/** How long a second completion waits for the first before answering COMPLETION_IN_PROGRESS (retryable). */
const CLAIM_WAIT_MS = 20_000;
const CLAIM_POLL_MS = 200;

type Claim =
  | { kind: 'done'; asset: MediaAsset }
  | { kind: 'busy' }
  | { kind: 'claimed'; upload: FilmUpload; asset: MediaAsset; parts: { partNumber: number; etag: string }[]; claimedAt: Date };

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
   *
   * No object-store call runs while a database connection is held (issue 12: ten completions stuck on a hung
   * store held the whole pool). A short transaction claims the completion under the row lock (`completingAt`),
   * the store is called with no connection held, and a second short transaction records the outcome. A second
   * completion that finds a fresh claim waits for it, re-reading the row now and then, and answers the same
   * asset once it is done; a claim older than CLAIM_STALE_MS (a crashed API) is taken over.
   */
  async complete(ctx: RequestContext, uploadId: string): Promise<MediaAsset> {
    const known = await this.dataSource.getRepository(FilmUpload).findOneBy({ id: uploadId });
    if (!known) throw filmsError('UPLOAD_NOT_FOUND', `No upload with id ${uploadId}`);
    await this.assertMayActOn(ctx, known);
    const waitUntil = Date.now() + CLAIM_WAIT_MS;
    for (;;) {
      const claim = await this.claimCompletion(uploadId);
      if (claim.kind === 'done') return claim.asset;
      if (claim.kind === 'claimed') return this.completeClaimed(claim);
      if (Date.now() >= waitUntil) {
        throw filmsError('COMPLETION_IN_PROGRESS', 'Another request is completing this upload at the object store: ask again in a moment', {
          retryable: true,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS));
    }
  }

  /** The short first transaction of a completion: done already, claimed by someone else (busy), or claimed now. */
  private claimCompletion(uploadId: string): Promise<Claim> {
    return this.dataSource.transaction(async (manager): Promise<Claim> => {
      const upload = await manager.findOneOrFail(FilmUpload, { where: { id: uploadId }, lock: { mode: 'pessimistic_write' } });
      const asset = await manager.findOneByOrFail(MediaAsset, { id: upload.assetId });
      if (upload.completedAt) return { kind: 'done', asset };
      this.assertOpen(upload, asset);
      if (upload.completingAt && upload.completingAt.getTime() > Date.now() - CLAIM_STALE_MS) return { kind: 'busy' };
      const parts = await manager.find(UploadedPart, { where: { uploadId }, order: { partNumber: 'ASC' } });
      const missing = Array.from({ length: upload.partCount }, (_, i) => i + 1).filter((n) => !parts.some((p) => p.partNumber === n));
      if (missing.length > 0) {
        throw filmsError('PARTS_MISSING', `Parts not uploaded yet: ${summarize(missing)}`, { missingParts: missing.slice(0, 1000) });
      }
      const claimedAt = new Date();
      await manager.update(FilmUpload, upload.id, { completingAt: claimedAt });
      return {
        kind: 'claimed',
        upload,
        asset,
        parts: parts.map(({ partNumber, etag }) => ({ partNumber, etag })),
        claimedAt,
      };
    });
  }

  /** The store's part of a claimed completion, with no connection held, then the outcome in a short transaction. */
  private async completeClaimed({ upload, asset, parts, claimedAt }: Extract<Claim, { kind: 'claimed' }>): Promise<MediaAsset> {
    let stored: StoredObject;
    try {
      stored = await this.assemble(asset.objectKey, upload.storeUploadId, parts);
    } catch (error) {
      // The store failed or refused: the claim goes, so the user can send parts again and retry at once. Parts
      // the store named as refused are forgotten, so that resuming (the same file chosen again) sends them again.
      const rejected = error instanceof DomainError ? (error.details?.rejectedParts as number[] | undefined) : undefined;
      if (rejected?.length) await this.dataSource.getRepository(UploadedPart).delete({ uploadId: upload.id, partNumber: In(rejected) });
      await this.releaseClaim(upload.id, claimedAt);
      throw error;
    }
    if (stored.byteSize !== asset.byteSize) {
      // Refused, and nothing half-kept: the asset says why, the upload takes no more parts, the file goes. Recorded
      // first: should the delete fail, the clean-up job removes files of REJECTED assets (deleteOrphans).
      const reason = `The stored file has ${stored.byteSize} bytes, not the ${asset.byteSize} declared`;
      const completedMeanwhile = await this.dataSource.transaction(async (manager) => {
        const current = await manager.findOneOrFail(FilmUpload, { where: { id: upload.id }, lock: { mode: 'pessimistic_write' } });
        await manager.update(FilmUpload, upload.id, { completingAt: null });
        if (current.completedAt) return manager.findOneByOrFail(MediaAsset, { id: asset.id });
        if (!current.closedAt) await this.close(manager, upload, asset, AssetStatus.REJECTED, reason);
        return null;
      });
      // Should another completion have recorded it complete in between, its outcome stands and the file stays.
      if (completedMeanwhile) return completedMeanwhile;
      await this.storage.delete(asset.objectKey).catch((error: unknown) => {
        this.logger.warn({ err: error, assetId: asset.id }, 'Could not delete a refused file; the clean-up job will');
      });
      throw filmsError('SIZE_MISMATCH', `${reason}: start a new upload`, { storedBytes: stored.byteSize, declaredBytes: asset.byteSize });
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneOrFail(FilmUpload, { where: { id: upload.id }, lock: { mode: 'pessimistic_write' } });
      const latest = await manager.findOneByOrFail(MediaAsset, { id: asset.id });
      // A completion that took over a claim it thought stale may have finished first: same asset, no second job.
      if (current.completedAt) return { asset: latest, queue: false };
      if (current.closedAt) throw filmsError('UPLOAD_CLOSED', 'This upload was aborted while it was being completed: start a new one');
      await manager.update(FilmUpload, upload.id, { completedAt: new Date(), completingAt: null });
      latest.status = AssetStatus.PROCESSING;
      return { asset: await manager.save(latest), queue: true };
    });
    // Queued after the commit, so the worker never finds the asset still UPLOADING. Should queueing fail here,
    // the clean-up job re-queues assets left PROCESSING (requeueStalled).
    if (outcome.queue) await this.queueProcessing(outcome.asset.id, `process:${outcome.asset.id}`);
    return outcome.asset;
  }

  /** CompleteMultipartUpload then HeadObject: the stored object, or PART_REJECTED when the store refuses the parts. */
  private async assemble(key: string, storeUploadId: string, parts: { partNumber: number; etag: string }[]): Promise<StoredObject> {
    try {
      await this.storage.completeMultipart(key, storeUploadId, parts);
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === 'NoSuchUpload' || error.$metadata.httpStatusCode === 404)) {
        // An earlier completion (a crashed API, or one whose stale claim was taken over) may have assembled the
        // object already: the store forgot the multipart upload but has the object.
        const existing = await this.storage.head(key).catch((headError: unknown) => {
          if (headError instanceof DomainError && headError.kind === 'NOT_FOUND') return null;
          throw headError;
        });
        if (existing) return existing;
      }
      if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode ?? 500) < 500) {
        const named = partsNamedBy(error, parts);
        const which = named.length > 0 ? `part${named.length > 1 ? 's' : ''} ${summarize(named)}` : 'the parts';
        throw filmsError(
          'PART_REJECTED',
          `The object store refused ${which} (${error.name}${error.message ? `: ${error.message}` : ''}): upload ${
            named.length > 0 ? (named.length > 1 ? 'them' : 'it') : 'the parts'
          } again, record the new ETags and complete again`,
          named.length > 0 ? { rejectedParts: named.slice(0, 1000) } : undefined,
        );
      }
      throw error;
    }
    return this.storage.head(key);
  }

  /** Drops this request's claim (not a newer one that took it over); a claim left behind goes stale anyway. */
  private async releaseClaim(uploadId: string, claimedAt: Date): Promise<void> {
    try {
      await this.dataSource
        .createQueryBuilder()
        .update(FilmUpload)
        .set({ completingAt: null })
        .where('id = :uploadId AND completing_at = :claimedAt', { uploadId, claimedAt })
        .execute();
    } catch (error) {
      this.logger.warn({ err: error, uploadId }, `Could not release a completion claim; it goes stale in ${CLAIM_STALE_MS / 1000} s`);
    }
  }

  /** Gives up an upload: the store drops the parts and the asset ends EXPIRED. Aborting twice is fine. */
  async abort(ctx: RequestContext, uploadId: string): Promise<boolean> {
    const upload = await this.dataSource.getRepository(FilmUpload).findOneBy({ id: uploadId });
    if (!upload) throw filmsError('UPLOAD_NOT_FOUND', `No upload with id ${uploadId}`);
    await this.assertMayActOn(ctx, upload);
    if (upload.completedAt) throw filmsError('UPLOAD_CLOSED', 'This upload is already complete');
    if (upload.closedAt) return true;
    if (claimedFresh(upload)) {
      throw filmsError('COMPLETION_IN_PROGRESS', 'This upload is being completed: wait for the outcome', { retryable: true });
    }
    await this.release(upload);
    return true;
  }

  /** The clean-up job: uploads left unfinished past their expiry are released and their assets EXPIRED. */
  async expireAbandoned(now = new Date()): Promise<JobOutcome> {
    const stale = await this.dataSource.getRepository(FilmUpload).find({
      where: { completedAt: IsNull(), closedAt: IsNull(), expiresAt: LessThan(now) },
      take: 500,
    });
    // One being completed right now is left to its completion: it closes or completes it.
    const releasable = stale.filter((upload) => !claimedFresh(upload, now));
    for (const upload of releasable) await this.release(upload);
    const requeued = await this.requeueStalled(new Date(now.getTime() - STALLED_AFTER_MS));
    const orphans = await this.deleteOrphans(new Date(now.getTime() - this.settings.films.uploadExpiryHours * 3600_000));
    return { status: 'done', detail: { expired: releasable.length, requeued, orphansDeleted: orphans } };
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

  private assertOpen(upload: FilmUpload, asset?: MediaAsset): void {
    if (upload.completedAt) throw filmsError('UPLOAD_CLOSED', 'This upload is already complete');
    if (upload.closedAt && asset?.status === AssetStatus.REJECTED) {
      throw filmsError('UPLOAD_CLOSED', `This upload was refused (${asset.rejectionReason ?? 'no reason kept'}): start a new one`);
    }
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

/** Another request is completing this upload (its claim is not stale). */
function claimedFresh(upload: FilmUpload, now = new Date()): boolean {
  return upload.completingAt !== null && upload.completingAt.getTime() > now.getTime() - CLAIM_STALE_MS;
}

/**
 * The part numbers a store's refusal names: S3 puts PartNumber (and the ETag) in the error body of InvalidPart
 * and EntityTooSmall, which the SDK copies onto the exception; an ETag alone is matched to the recorded parts.
 */
function partsNamedBy(error: S3ServiceException, parts: { partNumber: number; etag: string }[]): number[] {
  const fields = error as unknown as Record<string, unknown>;
  const list = (value: unknown): string[] =>
    (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String);
  const named = new Set(
    list(fields.PartNumber)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
  );
  const bare = (etag: string) => etag.replace(/"/g, '');
  for (const etag of list(fields.ETag)) {
    for (const part of parts) if (bare(part.etag) === bare(etag)) named.add(part.partNumber);
  }
  return [...named].sort((a, b) => a - b);
}

function summarize(numbers: number[]): string {
  return numbers.length > 20 ? `${numbers.slice(0, 20).join(', ')} and ${numbers.length - 20} more` : numbers.join(', ');
}
