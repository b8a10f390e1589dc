import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { JobQueue } from '#queue';
import { DataSource } from 'typeorm';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';

/**
 * Completing an upload calls the object store with no database connection held (issue 12, "S3 hung"). The API
 * under test talks to the store through a proxy in front of the tests' s3rver, which can hold a
 * CompleteMultipartUpload (a hung store), refuse it as S3 does (InvalidPart naming a part) or fail it (500).
 * The pool is cut to 3 connections, so completions that held one each while the store hangs would starve it.
 */
const MIB = 1024 * 1024;
const START = 'mutation ($input: StartFilmUploadInput!) { startFilmUpload(input: $input) { id partCount asset { id } } }';
const SIGN = 'mutation ($id: ID!, $parts: [Int!]!) { signUploadParts(uploadId: $id, partNumbers: $parts) { partNumber url } }';
const RECORD = 'mutation ($id: ID!, $n: Int!, $etag: String!) { recordUploadedPart(uploadId: $id, partNumber: $n, etag: $etag) { id } }';
const COMPLETE = 'mutation ($id: ID!) { completeFilmUpload(uploadId: $id) { id status } }';
const POOL_SIZE = 3;

type Mode = 'pass' | 'hold' | 'refuse' | 'fail';

/** An S3 endpoint in front of s3rver whose CompleteMultipartUpload the test steers. */
class StoreProxy {
  mode: Mode = 'pass';
  /** The part named by a refusal. */
  refusedPart = 2;
  private readonly held: (() => void)[] = [];
  private server?: Server;

  constructor(private readonly target: URL) {}

  get heldCount(): number {
    return this.held.length;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  release(): void {
    for (const go of this.held.splice(0)) go();
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const completing = req.method === 'POST' && new URL(req.url!, 'http://x').searchParams.has('uploadId');
    if (completing && this.mode === 'hold') await new Promise<void>((resolve) => this.held.push(resolve));
    if (completing && this.mode === 'refuse') {
      return xml(
        res,
        400,
        `<Error><Code>InvalidPart</Code><Message>One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.</Message><PartNumber>${this.refusedPart}</PartNumber><ETag>"0000"</ETag><RequestId>proxy</RequestId></Error>`,
      );
    }
    if (completing && this.mode === 'fail') {
      return xml(res, 500, '<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>');
    }
    const forwarded = request(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: this.target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    forwarded.end(body);
  }
}

function xml(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${error}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('completing an upload without holding the database while the store works', () => {
  const savedEnv = { ...process.env };
  let proxy: StoreProxy;
  let api: TestApi;
  let db: DataSource;
  let token: string;
  let filmId: string;

  beforeAll(async () => {
    proxy = new StoreProxy(new URL(process.env.S3_ENDPOINT!));
    Object.assign(process.env, { S3_ENDPOINT: await proxy.start(), DATABASE_POOL_SIZE: String(POOL_SIZE), S3_IDLE_TIMEOUT_MS: '120000' });
    api = await TestApi.start();
    db = api.app.get(DataSource);
    const people = new PeopleFactory(api);
    const cohortId = await people.cohort(await people.programme());
    const fellowId = await people.fellow({ fullName: 'Completion Director' });
    await people.enroll(cohortId, fellowId);
    ({ token } = await people.account('FELLOW', fellowId));
    const created = await api.ok<{ createFilm: { id: string } }>(
      'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
      { input: { cohortId, title: 'Le barrage', genre: 'DOCUMENTARY', directorIds: [fellowId], themes: ['Water'], languages: ['fr'] } },
      token,
    );
    filmId = created.createFilm.id;
  });

  afterEach(() => {
    proxy.mode = 'pass';
    proxy.release();
  });

  afterAll(async () => {
    await api.close();
    await proxy.stop();
    process.env = savedEnv;
  });

  /** Sends one part's bytes through its presigned URL and records its ETag. */
  const sendPart = async (uploadId: string, partNumber: number, bytes: Buffer): Promise<void> => {
    const signed = await api.ok<{ signUploadParts: { url: string }[] }>(SIGN, { id: uploadId, parts: [partNumber] }, token);
    const put = await fetch(signed.signUploadParts[0].url, { method: 'PUT', body: bytes });
    expect(put.status).toBe(200);
    await api.ok(RECORD, { id: uploadId, n: partNumber, etag: put.headers.get('etag') }, token);
  };

  /** An upload of `bytes` with every part sent and recorded, ready to complete. */
  const readyUpload = async (bytes: Buffer): Promise<{ uploadId: string; assetId: string }> => {
    const started = await api.ok<{ startFilmUpload: { id: string; partCount: number; asset: { id: string } } }>(
      START,
      { input: { filmId, kind: 'ROUGH_CUT', fileName: 'rushes.mp4', byteSize: bytes.length, contentType: 'video/mp4' } },
      token,
    );
    const { id: uploadId, partCount } = started.startFilmUpload;
    for (let n = 1; n <= partCount; n += 1) await sendPart(uploadId, n, bytes.subarray((n - 1) * 5 * MIB, n * 5 * MIB));
    return { uploadId, assetId: started.startFilmUpload.asset.id };
  };

  const complete = (uploadId: string) => api.gql<{ completeFilmUpload: { id: string; status: string } }>(COMPLETE, { id: uploadId }, token);

  /** Processing jobs queued for an asset, whatever their state. */
  const jobsFor = async (assetId: string): Promise<number> => {
    const queue = api.app.get(JobQueue).queueOf('films.process-asset');
    const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed', 'paused']);
    return jobs.filter((job) => (job.data as { assetId?: string }).assetId === assetId).length;
  };

  const claimOf = async (uploadId: string): Promise<{ completing_at: Date | null; completed_at: Date | null }> =>
    (await db.query('SELECT completing_at, completed_at FROM film_upload WHERE id = $1', [uploadId]))[0];

  const until = async (what: () => boolean, ms = 10_000): Promise<void> => {
    for (const end = Date.now() + ms; !what(); await sleep(20)) if (Date.now() > end) throw new Error('timed out waiting');
  };

  const bytes = (n: number, fill = 7) => Buffer.alloc(n, fill);

  it('holds no connection or row lock while the store hangs: more stuck completions than pool connections, and the API still answers', async () => {
    const uploads: { uploadId: string; assetId: string }[] = [];
    for (let i = 0; i < POOL_SIZE + 1; i += 1) uploads.push(await readyUpload(bytes(1000 + i)));
    proxy.mode = 'hold';
    const completions = uploads.map((u) => complete(u.uploadId));
    await until(() => proxy.heldCount === uploads.length);
    // Every completion is claimed, and none of them holds a transaction or a lock on film_upload.
    const claimed = await db.query('SELECT count(*)::int AS n FROM film_upload WHERE id = ANY($1) AND completing_at IS NOT NULL', [
      uploads.map((u) => u.uploadId),
    ]);
    expect(claimed[0].n).toBe(uploads.length);
    const [inTransaction] = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')`,
    );
    expect(inTransaction.n).toBe(0);
    const [locks] = await db.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE c.relname = 'film_upload' AND l.pid <> pg_backend_pid()`,
    );
    expect(locks.n).toBe(0);
    // The pool (3 connections) is free for everyone else: a read and a write both answer at once.
    const films = await api.ok<{ film: { id: string } }>('query ($id: ID!) { film(id: $id) { id } }', { id: filmId }, token);
    expect(films.film.id).toBe(filmId);
    await expect(readyUpload(bytes(10))).resolves.toMatchObject({ uploadId: expect.any(String) });

    // A second completion of the first upload while the first is stuck at the store: it waits, it does not call
    // the store too.
    let duplicateAnswered = false;
    const duplicate = complete(uploads[0].uploadId).finally(() => (duplicateAnswered = true));
    await sleep(500);
    expect(proxy.heldCount).toBe(uploads.length);
    expect(duplicateAnswered).toBe(false);

    proxy.mode = 'pass';
    proxy.release();
    const answers = await Promise.all(completions);
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.completeFilmUpload).toEqual({ id: uploads[i].assetId, status: 'PROCESSING' });
    });
    const again = await duplicate;
    expect(again.errors).toBeUndefined();
    expect(again.data?.completeFilmUpload.id).toBe(uploads[0].assetId);
    for (const upload of uploads) {
      expect(await jobsFor(upload.assetId)).toBe(1);
      expect(await claimOf(upload.uploadId)).toMatchObject({ completing_at: null, completed_at: expect.any(Date) });
    }
  }, 60_000);

  it('makes one asset and one processing job of five concurrent completions of one upload, each answered with it', async () => {
    const { uploadId, assetId } = await readyUpload(bytes(5 * MIB + 100));
    const answers = await Promise.all(Array.from({ length: 5 }, () => complete(uploadId)));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.completeFilmUpload.id).toBe(assetId);
    }
    expect(await jobsFor(assetId)).toBe(1);
    const [assets] = await db.query('SELECT count(*)::int AS n FROM media_asset WHERE id = $1 AND status = $2', [assetId, 'PROCESSING']);
    expect(assets.n).toBe(1);
    expect(await claimOf(uploadId)).toMatchObject({ completing_at: null, completed_at: expect.any(Date) });
  });

  it('answers PART_REJECTED naming the part the store refused, leaves no claim, and completes once the part is sent again', async () => {
    const data = Buffer.concat([bytes(5 * MIB, 1), bytes(300, 2)]);
    const { uploadId, assetId } = await readyUpload(data);
    proxy.mode = 'refuse';
    proxy.refusedPart = 2;
    const refused = await complete(uploadId);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PART_REJECTED', rejectedParts: [2] });
    expect(refused.errors?.[0].message).toContain('part 2');
    expect(await claimOf(uploadId)).toEqual({ completing_at: null, completed_at: null });
    // Still resumable: the refused part is forgotten, so a resume (the same file chosen again) sends it alone.
    const state = await api.ok<{ filmUpload: { uploadedParts: { partNumber: number }[] } }>(
      'query ($id: ID!) { filmUpload(id: $id) { uploadedParts { partNumber } } }',
      { id: uploadId },
      token,
    );
    expect(state.filmUpload.uploadedParts.map((p) => p.partNumber)).toEqual([1]);
    proxy.mode = 'pass';
    await sendPart(uploadId, 2, data.subarray(5 * MIB));
    const completed = await complete(uploadId);
    expect(completed.data?.completeFilmUpload).toEqual({ id: assetId, status: 'PROCESSING' });
    expect(await jobsFor(assetId)).toBe(1);
  });

  it('clears the claim when the store fails, answers retryable, so the same completion can be retried', async () => {
    const { uploadId, assetId } = await readyUpload(bytes(2000));
    proxy.mode = 'fail';
    const failed = await complete(uploadId);
    // A store error (5xx) is passing, not the request's fault: retryable, as the upload client expects.
    expect(failed.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(await claimOf(uploadId)).toEqual({ completing_at: null, completed_at: null });
    expect(await jobsFor(assetId)).toBe(0);
    proxy.mode = 'pass';
    expect((await complete(uploadId)).data?.completeFilmUpload).toEqual({ id: assetId, status: 'PROCESSING' });
  });

  it("takes over a crashed API's stale claim, and waits for a fresh one", async () => {
    const stale = await readyUpload(bytes(3000));
    await db.query("UPDATE film_upload SET completing_at = now() - interval '3 minutes' WHERE id = $1", [stale.uploadId]);
    expect((await complete(stale.uploadId)).data?.completeFilmUpload).toEqual({ id: stale.assetId, status: 'PROCESSING' });

    // A fresh claim (another request completing): this completion waits, then goes on once the claim is dropped.
    const fresh = await readyUpload(bytes(4000));
    await db.query('UPDATE film_upload SET completing_at = now() WHERE id = $1', [fresh.uploadId]);
    const started = Date.now();
    const waiting = complete(fresh.uploadId);
    await sleep(1000);
    await db.query('UPDATE film_upload SET completing_at = NULL WHERE id = $1', [fresh.uploadId]);
    expect((await waiting).data?.completeFilmUpload).toEqual({ id: fresh.assetId, status: 'PROCESSING' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await jobsFor(fresh.assetId)).toBe(1);
  });

  it('answers COMPLETION_IN_PROGRESS, retryable, when another completion keeps its claim for long', async () => {
    const { uploadId, assetId } = await readyUpload(bytes(5000));
    await db.query('UPDATE film_upload SET completing_at = now() WHERE id = $1', [uploadId]);
    const answer = await complete(uploadId);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'COMPLETION_IN_PROGRESS', retryable: true });
    expect(await jobsFor(assetId)).toBe(0);
    // Nor may it be aborted under the completion's feet.
    const abort = await api.gql('mutation ($id: ID!) { abortFilmUpload(uploadId: $id) }', { id: uploadId }, token);
    expect(abort.errors?.[0].extensions.reason).toBe('COMPLETION_IN_PROGRESS');
  }, 40_000);
});
