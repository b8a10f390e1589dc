import { blobSource, FilmUploader, UploadError } from './film-uploader.js';

/**
 * The client against a small in-memory stand-in for the API and the object store (the end-to-end tests run it
 * against the real ones): enough to see which parts are PUT, which are recorded, and when upload completes.
 */
class FakeServer {
  readonly partSize = 4;
  readonly puts: number[] = [];
  readonly recorded = new Map<number, string>();
  completed = false;
  /** PUTs of these parts hang until their signal aborts them. */
  hanging = new Set<number>();
  /** Called when a PUT starts. */
  onPut?: (partNumber: number) => void;
  byteSize = 0;
  /** The next calls recording a part answer SERVICE_UNAVAILABLE, as the API does when its database connection is cut. */
  unavailable = 0;

  fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    if (url.startsWith('https://store/')) {
      const partNumber = Number(url.split('/').pop());
      this.onPut?.(partNumber);
      if (this.hanging.has(partNumber)) {
        await new Promise((_, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted', 'AbortError'))),
        );
      }
      this.puts.push(partNumber);
      return new Response(null, { status: 200, headers: { etag: `"etag-${partNumber}"` } });
    }
    const { query, variables } = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
    const upload = () => ({
      id: 'u1',
      partSize: this.partSize,
      partCount: Math.ceil(this.byteSize / this.partSize),
      uploadedParts: [...this.recorded].map(([partNumber, etag]) => ({ partNumber, etag })),
      asset: { byteSize: this.byteSize },
    });
    const answer = (data: unknown) => new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
    if (query.includes('startFilmUpload')) {
      this.byteSize = (variables.input as { byteSize: number }).byteSize;
      return answer({ startFilmUpload: upload() });
    }
    if (query.includes('filmUpload(')) return answer({ filmUpload: upload() });
    if (query.includes('signUploadParts')) {
      const parts = variables.parts as number[];
      const expiresAt = new Date(Date.now() + 3600_000).toISOString();
      return answer({ signUploadParts: parts.map((n) => ({ partNumber: n, url: `https://store/${n}`, expiresAt })) });
    }
    if (query.includes('recordUploadedPart') && this.unavailable > 0) {
      this.unavailable -= 1;
      const errors = [{ message: 'The database is briefly unavailable', extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } }];
      return new Response(JSON.stringify({ errors, data: null }), { headers: { 'content-type': 'application/json' } });
    }
    if (query.includes('recordUploadedPart')) {
      this.recorded.set(variables.n as number, variables.etag as string);
      return answer({ recordUploadedPart: { id: 'u1' } });
    }
    if (query.includes('completeFilmUpload')) {
      this.completed = true;
      return answer({ completeFilmUpload: { id: 'a1', status: 'PROCESSING', byteSize: this.byteSize } });
    }
    throw new Error(`unexpected call ${query}`);
  };
}

const START = { filmId: 'f1', kind: 'FINAL_CUT' as const, fileName: 'film.mp4', contentType: 'video/mp4' };
const file = (bytes: number) => blobSource(new Blob([new Uint8Array(bytes)]));

describe('FilmUploader pause (AbortSignal)', () => {
  it('cancels the part in flight, starts no other, records only the parts that arrived, and does not complete', async () => {
    const server = new FakeServer();
    const controller = new AbortController();
    server.hanging.add(3);
    server.onPut = (n) => n === 3 && setTimeout(() => controller.abort(), 5);
    const uploader = new FilmUploader({
      graphqlUrl: 'https://api/graphql',
      accessToken: 't',
      concurrency: 1,
      fetch: server.fetch,
      signal: controller.signal,
    });

    const failure = await uploader.upload(file(20), START).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UploadError);
    expect((failure as UploadError).code).toBe('ABORTED');
    expect(server.puts).toEqual([1, 2]);
    expect([...server.recorded.keys()]).toEqual([1, 2]);
    expect(server.completed).toBe(false);

    // A new uploader resumes: only the missing parts are sent, then the upload completes.
    server.hanging.clear();
    const resumed = await new FilmUploader({ graphqlUrl: 'https://api/graphql', accessToken: 't', fetch: server.fetch }).resume(
      'u1',
      file(20),
    );
    expect(resumed.status).toBe('PROCESSING');
    expect(server.puts.slice(2).sort()).toEqual([3, 4, 5]);
    expect(server.completed).toBe(true);
  });

  it('stops waiting between tries at once when paused, and tells each retry', async () => {
    const server = new FakeServer();
    const controller = new AbortController();
    const retries: string[] = [];
    const failing = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      if (String(input).startsWith('https://store/')) throw new TypeError('Failed to fetch');
      return server.fetch(input, init);
    };
    const uploader = new FilmUploader({
      graphqlUrl: 'https://api/graphql',
      accessToken: 't',
      concurrency: 1,
      maxAttempts: Number.POSITIVE_INFINITY,
      retryBaseMs: 60_000,
      fetch: failing,
      signal: controller.signal,
      onRetry: (retry) => {
        retries.push(retry.what);
        setTimeout(() => controller.abort(), 5);
      },
    });
    const started = Date.now();
    const failure = await uploader.upload(file(8), START).catch((error: unknown) => error);
    expect((failure as UploadError).code).toBe('ABORTED');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(retries).toEqual(['part 1']);
    expect(server.recorded.size).toBe(0);
  });

  it('refuses to resume with a file of another size', async () => {
    const server = new FakeServer();
    server.byteSize = 20;
    const uploader = new FilmUploader({ graphqlUrl: 'https://api/graphql', accessToken: 't', fetch: server.fetch });
    await expect(uploader.resume('u1', file(19))).rejects.toMatchObject({ code: 'NOT_THE_SAME_FILE' });
    expect(server.puts).toEqual([]);
  });
});

describe('FilmUploader and a passing API failure', () => {
  it('tries again when the API answers SERVICE_UNAVAILABLE (retryable), and completes', async () => {
    const server = new FakeServer();
    server.unavailable = 2;
    const retries: string[] = [];
    const uploader = new FilmUploader({
      graphqlUrl: 'https://api/graphql',
      accessToken: 't',
      fetch: server.fetch,
      retryBaseMs: 1,
      onRetry: (retry) => retries.push(retry.error.message),
    });
    await expect(uploader.upload(file(10), START)).resolves.toMatchObject({ status: 'PROCESSING' });
    expect(server.completed).toBe(true);
    expect([...server.recorded.keys()].sort()).toEqual([1, 2, 3]);
    expect(retries).toHaveLength(2);
  });

  it('does not retry a refusal: a bad input ends at once with its code', async () => {
    const server = new FakeServer();
    const refusing: typeof fetch = async (input, init) => {
      if (String(init?.body).includes('startFilmUpload')) {
        const errors = [{ message: 'Not a video', extensions: { code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_TYPE' } }];
        return new Response(JSON.stringify({ errors, data: null }), { headers: { 'content-type': 'application/json' } });
      }
      return server.fetch(input as string, init);
    };
    const uploader = new FilmUploader({ graphqlUrl: 'https://api/graphql', accessToken: 't', fetch: refusing, retryBaseMs: 1 });
    await expect(uploader.upload(file(10), START)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('FilmUploader while the network is away', () => {
  /** PUTs to the store fail as a dropped connection does (fetch rejects) until `downAfter` ms have passed. */
  const flaky = (server: FakeServer, downForMs: number): typeof fetch => {
    const since = Date.now();
    return async (input, init) => {
      if (String(input).startsWith('https://store/') && Date.now() - since < downForMs) throw new TypeError('fetch failed');
      return server.fetch(input as string, init);
    };
  };

  it('keeps trying past six tries while the store is away, and completes when it is back', async () => {
    const server = new FakeServer();
    let retries = 0;
    const uploader = new FilmUploader({
      graphqlUrl: 'https://api/graphql',
      accessToken: 't',
      fetch: flaky(server, 150),
      retryBaseMs: 2,
      maxRetryDelayMs: 10,
      onRetry: () => (retries += 1),
    });
    await expect(uploader.upload(file(10), START)).resolves.toMatchObject({ status: 'PROCESSING' });
    expect(retries).toBeGreaterThan(6);
    expect(server.completed).toBe(true);
  });

  it('gives up once the store has been away longer than giveUpAfterMs, saying for how long it tried', async () => {
    const server = new FakeServer();
    const uploader = new FilmUploader({
      graphqlUrl: 'https://api/graphql',
      accessToken: 't',
      fetch: flaky(server, 60_000),
      retryBaseMs: 2,
      maxRetryDelayMs: 10,
      giveUpAfterMs: 80,
    });
    await expect(uploader.upload(file(10), START)).rejects.toThrow(/Giving up on part \d after \d+ tries over \d+ s: fetch failed/);
    expect(server.completed).toBe(false);
  });
});
