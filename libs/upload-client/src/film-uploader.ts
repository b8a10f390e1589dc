/**
 * Resumable film upload client for Node and browsers (it needs only `fetch`). It splits a file into the parts
 * the API asks for, signs them in batches, sends several at once straight to the object store with retries
 * and backoff, records each part with the API as soon as it lands, and completes. A cut connection costs at
 * most the parts in flight: `resume(uploadId, file)` asks the API which parts it has and sends only the rest.
 *
 * @example
 * const uploader = new FilmUploader({ graphqlUrl: 'https://api.example.org/graphql', accessToken });
 * const asset = await uploader.upload(fileSource(file), { filmId, kind: 'FINAL_CUT', fileName: file.name, contentType: file.type });
 */

/** Anything that can hand out byte ranges: a browser File/Blob, or a file on disk (see `fileSource`). */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A browser File or Blob as a ByteSource. */
export const blobSource = (blob: Blob): ByteSource => ({
  size: blob.size,
  read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
});

export interface UploaderOptions {
  graphqlUrl: string;
  accessToken: string;
  /** Parts sent at the same time (default 3: enough to fill a mobile link without starving it). */
  concurrency?: number;
  /** Part URLs asked for in one call (default 20). */
  signBatchSize?: number;
  /** Tries per part, and per API call, before giving up (default: no limit but `giveUpAfterMs`). */
  maxAttempts?: number;
  /**
   * How long one part or API call keeps being retried while the network or the store is away, from its first
   * failure (default 15 minutes: a phone in a dead zone, a store restarting). Refusals (4xx) are never retried.
   */
  giveUpAfterMs?: number;
  /** First retry delay in ms, doubled at each try up to `maxRetryDelayMs` (default 1000). */
  retryBaseMs?: number;
  /** The longest wait between two tries (default 30 s). */
  maxRetryDelayMs?: number;
  /**
   * Pauses or stops the upload: parts in flight are cancelled, no further part starts, nothing more is recorded,
   * and upload/resume reject with an UploadError of code `ABORTED`. The parts recorded so far stay: `resume`
   * continues from them. Give a new uploader a new signal to go on.
   */
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  /** Told before each wait for a new try (a network failure, a busy store): a UI says "connection lost, retrying". */
  onRetry?: (retry: UploadRetry) => void;
  fetch?: typeof fetch;
}

export interface UploadRetry {
  /** What failed: `part 3`, `the API`. */
  what: string;
  /** The try that failed, from 1. */
  attempt: number;
  delayMs: number;
  error: Error;
}

export interface UploadProgress {
  uploadId: string;
  sentBytes: number;
  totalBytes: number;
  partsDone: number;
  partCount: number;
}

export interface StartUpload {
  filmId: string;
  kind: 'FINAL_CUT' | 'ROUGH_CUT' | 'TRAILER';
  fileName: string;
  contentType: string;
}

export interface UploadedAsset {
  id: string;
  status: string;
  byteSize: number;
}

interface UploadState {
  id: string;
  partSize: number;
  partCount: number;
  uploadedParts: { partNumber: number; etag: string }[];
}

export class UploadError extends Error {
  constructor(
    message: string,
    /** The API's `extensions.code` (FORBIDDEN, BAD_USER_INPUT…), or the client's own: ABORTED, NOT_THE_SAME_FILE. */
    readonly code?: string,
    /** The API's `extensions.reason` when it gave one (FILE_TOO_LARGE, UPLOAD_CLOSED…). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

const UPLOAD_FIELDS = 'id partSize partCount uploadedParts { partNumber etag }';

export class FilmUploader {
  private readonly fetch: typeof fetch;
  private readonly concurrency: number;
  private readonly signBatchSize: number;
  private readonly maxAttempts: number;
  private readonly giveUpAfterMs: number;
  private readonly retryBaseMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly signal?: AbortSignal;
  /** Parts PUT to the store by this uploader (counted per call to upload/resume), for progress and tests. */
  partsSent = 0;

  constructor(private readonly options: UploaderOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.concurrency = options.concurrency ?? 3;
    this.signBatchSize = options.signBatchSize ?? 20;
    this.maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 15 * 60_000;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.signal = options.signal;
  }

  /** Starts a new upload of `source`; `onStarted` receives the upload id to keep for a later resume. */
  async upload(source: ByteSource, start: StartUpload, onStarted?: (uploadId: string) => void): Promise<UploadedAsset> {
    this.throwIfAborted();
    const data = await this.api<{ startFilmUpload: UploadState }>(
      `mutation Start($input: StartFilmUploadInput!) { startFilmUpload(input: $input) { ${UPLOAD_FIELDS} } }`,
      { input: { ...start, byteSize: source.size } },
    );
    onStarted?.(data.startFilmUpload.id);
    return this.send(source, data.startFilmUpload);
  }

  /** Continues an upload from what the API says it has; parts already recorded are not sent again. */
  async resume(uploadId: string, source: ByteSource): Promise<UploadedAsset> {
    this.throwIfAborted();
    const data = await this.api<{ filmUpload: (UploadState & { asset: { byteSize: number } }) | null }>(
      `query Upload($id: ID!) { filmUpload(id: $id) { ${UPLOAD_FIELDS} asset { byteSize } } }`,
      { id: uploadId },
    );
    if (!data.filmUpload) throw new UploadError(`No upload ${uploadId}`, 'NOT_FOUND');
    // Parts of another file would be stitched to this one's: refuse before sending a byte.
    if (source.size !== data.filmUpload.asset.byteSize) {
      throw new UploadError(
        `This file has ${source.size} bytes; upload ${uploadId} was started for ${data.filmUpload.asset.byteSize}`,
        'NOT_THE_SAME_FILE',
      );
    }
    return this.send(source, data.filmUpload);
  }

  private async send(source: ByteSource, upload: UploadState): Promise<UploadedAsset> {
    const done = new Set(upload.uploadedParts.map((p) => p.partNumber));
    const pending = Array.from({ length: upload.partCount }, (_, i) => i + 1).filter((n) => !done.has(n));
    // Each part URL is signed for exactly this many bytes (the API's partLength): the store refuses any other size.
    const partBytes = (n: number): number => Math.min(upload.partSize, source.size - (n - 1) * upload.partSize);
    let sentBytes = [...done].reduce((sum, n) => sum + partBytes(n), 0);
    const report = () =>
      this.options.onProgress?.({
        uploadId: upload.id,
        sentBytes,
        totalBytes: source.size,
        partsDone: done.size,
        partCount: upload.partCount,
      });
    report();

    const urls = new Map<number, { url: string; expiresAt: number }>();
    const urlFor = async (partNumber: number): Promise<string> => {
      const known = urls.get(partNumber);
      if (known && known.expiresAt - Date.now() > 60_000) return known.url;
      // Sign this part and the next pending ones in one call.
      const batch = pending.filter((n) => !done.has(n) && n >= partNumber).slice(0, this.signBatchSize);
      const signed = await this.api<{ signUploadParts: { partNumber: number; url: string; expiresAt: string }[] }>(
        'mutation Sign($id: ID!, $parts: [Int!]!) { signUploadParts(uploadId: $id, partNumbers: $parts) { partNumber url expiresAt } }',
        { id: upload.id, parts: batch.length ? batch : [partNumber] },
      );
      for (const part of signed.signUploadParts) urls.set(part.partNumber, { url: part.url, expiresAt: Date.parse(part.expiresAt) });
      return urls.get(partNumber)!.url;
    };

    const sendPart = async (partNumber: number): Promise<void> => {
      const start = (partNumber - 1) * upload.partSize;
      const bytes = await source.read(start, start + partBytes(partNumber));
      const etag = await this.withRetries(`part ${partNumber}`, async (attempt) => {
        if (attempt > 1) urls.delete(partNumber); // a refused or expired URL is signed anew
        const url = await urlFor(partNumber);
        this.throwIfAborted();
        const response = await this.fetch(url, { method: 'PUT', body: bytes as RequestInit['body'], signal: this.signal });
        if (!response.ok)
          throw new RetryableError(
            `the store answered ${response.status} for part ${partNumber}`,
            response.status >= 500 || response.status === 403 || response.status === 408 || response.status === 429,
          );
        const header = response.headers.get('etag');
        if (!header) throw new UploadError('The object store returned no ETag: its CORS settings must expose the ETag header');
        return header;
      });
      this.partsSent += 1;
      // The part is in the store: recording it is true even when a pause came meanwhile, so it is not cancelled.
      await this.api(
        'mutation Record($id: ID!, $n: Int!, $etag: String!) { recordUploadedPart(uploadId: $id, partNumber: $n, etag: $etag) { id } }',
        {
          id: upload.id,
          n: partNumber,
          etag,
        },
      );
      done.add(partNumber);
      sentBytes += bytes.byteLength;
      report();
    };

    const queue = [...pending];
    const workers = Array.from({ length: Math.min(this.concurrency, queue.length) }, async () => {
      for (let next = queue.shift(); next !== undefined && !this.signal?.aborted; next = queue.shift()) await sendPart(next);
    });
    // Every worker ends (none left writing) before a pause is reported.
    const outcomes = await Promise.allSettled(workers);
    this.throwIfAborted();
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;

    const completed = await this.api<{ completeFilmUpload: UploadedAsset }>(
      'mutation Complete($id: ID!) { completeFilmUpload(uploadId: $id) { id status byteSize } }',
      { id: upload.id },
    );
    return completed.completeFilmUpload;
  }

  private async api<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    return this.withRetries('the API', async () => {
      // A pause stops new calls; a call already made is let to finish so that its answer is not lost.
      const response = await this.fetch(this.options.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.accessToken}` },
        body: JSON.stringify({ query, variables }),
      });
      if (response.status >= 500 || response.status === 429) throw new RetryableError(`the API answered ${response.status}`, true);
      const body = (await response.json()) as {
        data?: T;
        errors?: { message: string; extensions?: { code?: string; reason?: string; retryable?: boolean } }[];
      };
      const error = body.errors?.[0];
      // A passing failure of the API's database (SERVICE_UNAVAILABLE, retryable) is waited out like a lost network.
      if (error?.extensions?.retryable === true) throw new RetryableError(`the API is briefly unavailable: ${error.message}`, true);
      if (error) throw new UploadError(error.message, error.extensions?.code, error.extensions?.reason);
      return body.data as T;
    });
  }

  /** Retries network failures and retryable answers with exponential backoff; other errors end at once. */
  private async withRetries<T>(what: string, work: (attempt: number) => Promise<T>): Promise<T> {
    let firstFailure: number | undefined;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work(attempt);
      } catch (error) {
        this.throwIfAborted();
        firstFailure ??= Date.now();
        const retryable = error instanceof RetryableError ? error.retryable : !(error instanceof UploadError);
        const delay = Math.min(this.maxRetryDelayMs, this.retryBaseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
        const outOfTime = Date.now() + delay - firstFailure > this.giveUpAfterMs;
        if (!retryable || attempt >= this.maxAttempts || outOfTime) {
          const seconds = Math.round((Date.now() - firstFailure) / 1000);
          throw error instanceof UploadError
            ? error
            : new UploadError(`Giving up on ${what} after ${attempt} tries over ${seconds} s: ${(error as Error).message}`);
        }
        this.options.onRetry?.({ what, attempt, delayMs: delay, error: error as Error });
        await this.sleep(delay);
      }
    }
  }

  /** Waits, or stops waiting at once when the upload is paused. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(aborted());
      };
      const timer = setTimeout(() => {
        this.signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private throwIfAborted(): void {
    if (this.signal?.aborted) throw aborted();
  }
}

const aborted = (): UploadError => new UploadError('The upload was paused or stopped', 'ABORTED');

class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
