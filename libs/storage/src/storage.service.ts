import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
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
    // Without them a store that accepts the connection and never answers held requests (and their database
    // connections) for good: 10 stuck upload completions took the whole pool.
    // An idle socket, not a whole request: a large preview may take minutes to send, byte after byte.
    requestHandler: { connectionTimeout: s3.connectTimeoutMs, socketTimeout: s3.idleTimeoutMs },
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

  /** Streams a file from disk into the store. */
  async putFile(key: string, path: string, contentType: string): Promise<number> {
    const { size } = await stat(path);
    await this.put(key, createReadStream(path), contentType, size);
    return size;
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

  /** Starts a multipart upload; the returned id names it in every later call. */
  async startMultipart(key: string, contentType: string): Promise<string> {
    const result = await this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }));
    if (!result.UploadId) throw new Error('The object store returned no upload id');
    return result.UploadId;
  }

  /**
   * A presigned URL to PUT one part's bytes straight to the store, signed for exactly `byteLength` bytes: the
   * `Content-Length` header is part of the signature, so a store that checks signatures (S3, MinIO, R2, Garage)
   * refuses a body of any other size. (s3rver does not check SigV4 signatures; the size of the completed object
   * is checked as well, see FilmUploadsService.complete.)
   */
  signPartUrl(key: string, uploadId: string, partNumber: number, byteLength: number, expiresInSeconds: number): Promise<string> {
    const command = new UploadPartCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
      ContentLength: byteLength,
    });
    return getSignedUrl(this.client, command, {
      expiresIn: Math.min(expiresInSeconds, MAX_SIGNED_URL_SECONDS),
      signableHeaders: new Set(['content-length']),
    });
  }

  async completeMultipart(key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<void> {
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
      }),
    );
  }

  /**
   * Aborts a multipart upload so the store frees its parts. Some S3-compatible stores (s3rver) do not
   * implement it: that is reported as 'unsupported', not thrown.
   */
  async abortMultipart(key: string, uploadId: string): Promise<'aborted' | 'unsupported' | 'gone'> {
    try {
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }));
      return 'aborted';
    } catch (error) {
      if (error instanceof S3ServiceException) {
        const status = error.$metadata.httpStatusCode;
        if (status === 405 || status === 501 || error.name === 'NotImplemented') return 'unsupported';
        if (status === 404 || error.name === 'NoSuchUpload') return 'gone';
      }
      throw error;
    }
  }

  /** Every object under a prefix, page by page. */
  async *list(prefix: string): AsyncGenerator<ListedObject> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (object.Key) yield { key: object.Key, lastModified: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

export interface ListedObject {
  key: string;
  lastModified: Date;
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof NotFound) return true;
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchBucket');
}

function objectNotFound(key: string): DomainError {
  return new DomainError('NOT_FOUND', 'OBJECT_NOT_FOUND', `The stored file ${key} does not exist`);
}
