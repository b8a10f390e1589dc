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
  /** Tries per part, and per API call, before giving up (default 6). */
  maxAttempts?: number;
  /** First retry delay in ms, doubled at each try up to 30 s (default 1000). */
  retryBaseMs?: number;
  onProgress?: (progress: UploadProgress) => void;
  fetch?: typeof fetch;
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
    readonly code?: string,
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
  private readonly retryBaseMs: number;
  /** Parts PUT to the store by this uploader (counted per call to upload/resume), for progress and tests. */
  partsSent = 0;

  constructor(private readonly options: UploaderOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.concurrency = options.concurrency ?? 3;
    this.signBatchSize = options.signBatchSize ?? 20;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
  }

  /** Starts a new upload of `source`; `onStarted` receives the upload id to keep for a later resume. */
  async upload(source: ByteSource, start: StartUpload, onStarted?: (uploadId: string) => void): Promise<UploadedAsset> {
    const data = await this.api<{ startFilmUpload: UploadState }>(
      `mutation Start($input: StartFilmUploadInput!) { startFilmUpload(input: $input) { ${UPLOAD_FIELDS} } }`,
      { input: { ...start, byteSize: source.size } },
    );
    onStarted?.(data.startFilmUpload.id);
    return this.send(source, data.startFilmUpload);
  }

  /** Continues an upload from what the API says it has; parts already recorded are not sent again. */
  async resume(uploadId: string, source: ByteSource): Promise<UploadedAsset> {
    const data = await this.api<{ filmUpload: UploadState | null }>(`query Upload($id: ID!) { filmUpload(id: $id) { ${UPLOAD_FIELDS} } }`, {
      id: uploadId,
    });
    if (!data.filmUpload) throw new UploadError(`No upload ${uploadId}`, 'NOT_FOUND');
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
        const response = await this.fetch(await urlFor(partNumber), { method: 'PUT', body: bytes as RequestInit['body'] });
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
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await sendPart(next);
    });
    await Promise.all(workers);

    const completed = await this.api<{ completeFilmUpload: UploadedAsset }>(
      'mutation Complete($id: ID!) { completeFilmUpload(uploadId: $id) { id status byteSize } }',
      { id: upload.id },
    );
    return completed.completeFilmUpload;
  }

  private async api<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    return this.withRetries('the API', async () => {
      const response = await this.fetch(this.options.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.accessToken}` },
        body: JSON.stringify({ query, variables }),
      });
      if (response.status >= 500 || response.status === 429) throw new RetryableError(`the API answered ${response.status}`, true);
      const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
      const error = body.errors?.[0];
      if (error) throw new UploadError(error.message, error.extensions?.code);
      return body.data as T;
    });
  }

  /** Retries network failures and retryable answers with exponential backoff; other errors end at once. */
  private async withRetries<T>(what: string, work: (attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work(attempt);
      } catch (error) {
        const retryable = error instanceof RetryableError ? error.retryable : !(error instanceof UploadError);
        if (!retryable || attempt >= this.maxAttempts) {
          throw error instanceof UploadError
            ? error
            : new UploadError(`Giving up on ${what} after ${attempt} tries: ${(error as Error).message}`);
        }
        const delay = Math.min(30_000, this.retryBaseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
