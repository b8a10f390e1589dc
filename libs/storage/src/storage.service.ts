import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DomainError, SETTINGS, type Settings } from '#core';

/** Signed URLs live at most this long: enough to start a download, too short to be passed around. */
export const MAX_SIGNED_URL_SECONDS = 3600;

export interface StoredObject {
  key: string;
  byteSize: number;
  contentType: string | undefined;
}

export function createS3Client(s3: Settings['s3']): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    // Default CRC32 checksums make streamed bodies aws-chunked, which some S3-compatible stores keep verbatim.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * The one narrow door to the object store (S3 API, AWS SDK v3). Keys are generated here, never taken from
 * a file name; a missing object becomes the domain's NOT_FOUND.
 */
@Injectable()
export class StorageService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StorageService.name);
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {
    this.client = createS3Client(settings.s3);
    this.bucket = settings.s3.bucket;
  }

  async onModuleInit(): Promise<void> {
    if (this.settings.s3.createBucket) await this.ensureBucket();
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  /** A fresh object key under a prefix, e.g. `certificates/3f0c…`. */
  newKey(prefix: string, extension = ''): string {
    return `${prefix}/${randomUUID()}${extension}`;
  }

  /** Creates the bucket when missing (development and tests; production buckets are provisioned). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (!isMissing(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      this.logger.log(`Created bucket ${this.bucket}`);
    }
  }

  /** Throws when the bucket cannot be reached; used by health checks. */
  async ping(signal?: AbortSignal): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: signal });
  }

  async put(key: string, body: Buffer | Readable, contentType: string, byteSize?: number): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: byteSize }),
    );
  }

  async head(key: string): Promise<StoredObject> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, byteSize: head.ContentLength ?? 0, contentType: head.ContentType };
    } catch (error) {
      throw isMissing(error) ? objectNotFound(key) : error;
    }
  }

  /** Reads a whole object, or the bytes `range` names (inclusive, as in HTTP: `{ start: 0, end: 63 }`). */
  async read(key: string, range?: { start: number; end: number }): Promise<Buffer> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      if (!object.Body) return Buffer.alloc(0);
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      throw isMissing(error) ? objectNotFound(key) : error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** A short-lived GET URL; `downloadName` sets the file name a browser saves it under. */
  async signedGetUrl(key: string, expiresInSeconds = 900, downloadName?: string): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: downloadName ? `attachment; filename*=UTF-8''${encodeURIComponent(downloadName)}` : undefined,
    });
    return getSignedUrl(this.client, command, { expiresIn: Math.min(expiresInSeconds, MAX_SIGNED_URL_SECONDS) });
  }
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof NotFound) return true;
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchBucket');
}

function objectNotFound(key: string): DomainError {
  return new DomainError('NOT_FOUND', 'OBJECT_NOT_FOUND', `The stored file ${key} does not exist`);
}
