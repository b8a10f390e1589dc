import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import { WORK_DIR_PREFIX } from '#films';
import { JobQueue } from '#queue';
import { StorageService } from '#storage';
import { fileSource, FilmUploader, type ByteSource } from '#upload-client';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { TestApi } from './support/api.js';
import { makeGif, makeVideo, probeUrl, scratchDir } from './support/media.js';
import { PeopleFactory } from './support/people.js';
import { presignedRequestValid } from './support/sigv4.js';

const MIB = 1024 * 1024;
const ASSET = `query ($id: ID!) { film(id: $id) { runtimeSeconds assets { id status kind byteSize durationSeconds width height videoCodec audioCodec rejectionReason downloadUrl previewUrl posterUrl } } }`;
const START = 'mutation ($input: StartFilmUploadInput!) { startFilmUpload(input: $input) { id partSize partCount asset { id status } } }';

type Asset = {
  id: string;
  status: string;
  byteSize: number;
  durationSeconds: number;
  width: number;
  height: number;
  videoCodec: string;
  audioCodec: string;
  rejectionReason: string | null;
  downloadUrl: string | null;
  previewUrl: string | null;
  posterUrl: string | null;
};

describe('films and uploads', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let people: PeopleFactory;
  let director: { id: string; token: string };
  let otherFellow: { token: string };
  let filmId: string;
  let video: string;
  const dir = scratchDir();

  const uploader = (token: string, extra: Partial<ConstructorParameters<typeof FilmUploader>[0]> = {}) =>
    new FilmUploader({ graphqlUrl: `${api.url}/graphql`, accessToken: token, retryBaseMs: 10, ...extra });

  const processed = async (assetId: string): Promise<unknown> => {
    const job = await worker.get(JobQueue).getJob('films.process-asset', `process:${assetId}`);
    return job!.finished();
  };

  const assetOf = async (assetId: string, token = director.token): Promise<Asset> => {
    const data = await api.ok<{ film: { assets: Asset[] } }>(ASSET, { id: filmId }, token);
    return data.film.assets.find((a) => a.id === assetId)!;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    people = new PeopleFactory(api);
    const cohortId = await people.cohort(await people.programme());
    const fellowId = await people.fellow({ fullName: 'Director One' });
    const otherId = await people.fellow({ fullName: 'Director Two' });
    await people.enroll(cohortId, fellowId);
    await people.enroll(cohortId, otherId);
    director = await people.account('FELLOW', fellowId);
    otherFellow = await people.account('FELLOW', otherId);
    const created = await api.ok<{ createFilm: { id: string } }>(
      'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
      {
        input: {
          cohortId,
          title: 'Les femmes artistes',
          genre: 'DOCUMENTARY',
          directorIds: [fellowId],
          themes: ['Women artists'],
          languages: ['bm', 'fr'],
        },
      },
      director.token,
    );
    filmId = created.createFilm.id;
    video = makeVideo(join(dir, 'film.mp4'), { seconds: 2, width: 480, height: 270 });
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('uploads a film in several parts and prepares it: READY with duration, size, codecs, poster and preview', async () => {
    const size = statSync(video).size;
    expect(size).toBeGreaterThan(2 * 5 * MIB);
    const source = await fileSource(video);
    const client = uploader(director.token);
    const asset = await client.upload(source, { filmId, kind: 'FINAL_CUT', fileName: 'film.mp4', contentType: 'video/mp4' });
    await source.close();
    expect(asset).toMatchObject({ status: 'PROCESSING', byteSize: size });
    expect(client.partsSent).toBe(Math.ceil(size / (5 * MIB)));

    await expect(processed(asset.id)).resolves.toMatchObject({ status: 'done' });
    const ready = await assetOf(asset.id);
    expect(ready).toMatchObject({ status: 'READY', byteSize: size, width: 480, height: 270, videoCodec: 'h264', audioCodec: 'aac' });
    expect(ready.durationSeconds).toBeCloseTo(2, 0);
    const film = await api.ok<{ film: { runtimeSeconds: number } }>(ASSET, { id: filmId }, director.token);
    expect(film.film.runtimeSeconds).toBe(2);

    const poster = await fetch(ready.posterUrl!);
    expect(poster.status).toBe(200);
    expect(Buffer.from(await poster.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const preview = await probeUrl(ready.previewUrl!);
    const previewVideo = preview.streams.find((s) => s.codec_type === 'video')!;
    expect(previewVideo).toMatchObject({ codec_name: 'h264' });
    expect(previewVideo.height).toBeLessThanOrEqual(480);
    expect(preview.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
  });

  it('resumes a cut upload from uploadedParts without sending the earlier parts again, byte for byte', async () => {
    const file = await fileSource(video);
    // The connection "drops" when the third part is read.
    const flaky: ByteSource = {
      size: file.size,
      read: async (start, end) => {
        if (start >= 2 * 5 * MIB) throw new Error('connection lost');
        return file.read(start, end);
      },
    };
    let uploadId = '';
    const first = uploader(director.token, { concurrency: 1 });
    await expect(
      first.upload(flaky, { filmId, kind: 'ROUGH_CUT', fileName: 'rough.mp4', contentType: 'video/mp4' }, (id) => (uploadId = id)),
    ).rejects.toThrow('connection lost');
    expect(first.partsSent).toBe(2);

    const state = await api.ok<{ filmUpload: { partCount: number; uploadedParts: { partNumber: number }[] } }>(
      'query ($id: ID!) { filmUpload(id: $id) { partCount uploadedParts { partNumber } } }',
      { id: uploadId },
      director.token,
    );
    expect(state.filmUpload.uploadedParts.map((p) => p.partNumber)).toEqual([1, 2]);

    const second = uploader(director.token);
    const asset = await second.resume(uploadId, file);
    await file.close();
    expect(second.partsSent).toBe(state.filmUpload.partCount - 2);
    await processed(asset.id);
    const stored = await fetch((await assetOf(asset.id)).downloadUrl!);
    expect(Buffer.from(await stored.arrayBuffer()).equals(readFileSync(video))).toBe(true);
  });

  /** Uploads `bytes` as an MP4 and waits for processing: the asset as the API shows it, and where its file was. */
  const uploadAndProcess = async (fileName: string, bytes: Buffer): Promise<{ asset: Asset; objectKey: string }> => {
    const path = join(dir, fileName);
    writeFileSync(path, bytes);
    const source = await fileSource(path);
    const uploaded = await uploader(director.token).upload(source, { filmId, kind: 'TRAILER', fileName, contentType: 'video/mp4' });
    await source.close();
    await expect(processed(uploaded.id)).resolves.toMatchObject({ status: 'done' });
    const [row] = await api.app.get(DataSource).query('SELECT object_key FROM media_asset WHERE id = $1', [uploaded.id]);
    return { asset: await assetOf(uploaded.id), objectKey: row.object_key };
  };

  const impostors: [string, () => Promise<Buffer>, string][] = [
    ['a PDF', async () => Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(4096, 'x')]), 'PDF'],
    [
      'an HTML page',
      async () =>
        Buffer.from(`<!DOCTYPE html><html><body><script>alert(document.cookie)</script>${'<p>film</p>'.repeat(400)}</body></html>`),
      'HTML',
    ],
    ['a ZIP archive (an XLSX workbook)', async () => Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()), 'ZIP'],
    // An animated GIF starts with "G" like an MPEG-TS sync byte, and ffprobe reads it as a video stream.
    ['an animated GIF', async () => readFileSync(makeGif(join(dir, 'clip.gif'))), 'GIF'],
    ['a text starting with "G"', async () => Buffer.from('Great film, watch it! '.repeat(200)), 'unknown format'],
  ];

  it.each(impostors)('rejects %s renamed as video, and deletes it from the bucket', async (_, make, named) => {
    const { asset, objectKey } = await uploadAndProcess('not-a-film.mp4', await make());
    expect(asset.status).toBe('REJECTED');
    expect(asset.rejectionReason).toContain('Not a video');
    expect(asset.rejectionReason).toContain(named);
    expect(asset.previewUrl).toBeNull();
    expect(asset.downloadUrl).toBeNull();
    await expect(api.app.get(StorageService).head(objectKey)).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('accepts a real MPEG transport stream, whose first byte is also "G"', async () => {
    const ts = makeVideo(join(dir, 'clip.ts'), { seconds: 1, width: 320, height: 180, noise: false });
    const { asset } = await uploadAndProcess('clip.ts', readFileSync(ts));
    expect(asset).toMatchObject({ status: 'READY', videoCodec: 'h264', rejectionReason: null });
  });

  it("signs each part for its exact length, and keeps nothing of a part larger than the upload's declared size", async () => {
    const started = await api.ok<{ startFilmUpload: { id: string; asset: { id: string } } }>(
      START,
      { input: { filmId, kind: 'TRAILER', fileName: 'tiny.mp4', byteSize: 54, contentType: 'video/mp4' } },
      director.token,
    );
    const uploadId = started.startFilmUpload.id;
    const signed = await api.ok<{ signUploadParts: { url: string }[] }>(
      'mutation ($id: ID!) { signUploadParts(uploadId: $id, partNumbers: [1]) { url } }',
      { id: uploadId },
      director.token,
    );
    const url = signed.signUploadParts[0].url;
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain('content-length');
    // What S3 or MinIO would check: the signature holds for 54 bytes and for no other length.
    const secret = process.env.S3_SECRET_ACCESS_KEY!;
    expect(presignedRequestValid(url, 'PUT', { 'content-length': '54' }, secret)).toBe(true);
    expect(presignedRequestValid(url, 'PUT', { 'content-length': String(6 * MIB) }, secret)).toBe(false);

    // s3rver checks no V4 signature and takes the 6 MiB: completion refuses them and keeps no file.
    const put = await fetch(url, { method: 'PUT', body: Buffer.alloc(6 * MIB, 1) });
    await api.ok(
      'mutation ($id: ID!, $etag: String!) { recordUploadedPart(uploadId: $id, partNumber: 1, etag: $etag) { id } }',
      { id: uploadId, etag: put.headers.get('etag') },
      director.token,
    );
    const completed = await api.gql('mutation ($id: ID!) { completeFilmUpload(uploadId: $id) { id } }', { id: uploadId }, director.token);
    expect(completed.errors?.[0].extensions).toMatchObject({ reason: 'SIZE_MISMATCH', storedBytes: 6 * MIB, declaredBytes: 54 });
    const [row] = await api.app
      .get(DataSource)
      .query('SELECT object_key FROM media_asset WHERE id = $1', [started.startFilmUpload.asset.id]);
    await expect(api.app.get(StorageService).head(row.object_key)).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('refuses at start a declared size over the limit, or a type that is not video, creating nothing', async () => {
    const db = api.app.get(DataSource);
    const count = async () => (await db.query('SELECT count(*)::int AS n FROM media_asset'))[0].n as number;
    const before = await count();
    const tooLarge = await api.gql(
      START,
      { input: { filmId, kind: 'FINAL_CUT', fileName: 'huge.mp4', byteSize: 5 * 1024 ** 3, contentType: 'video/mp4' } },
      director.token,
    );
    expect(tooLarge.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE' });
    const notVideo = await api.gql(
      START,
      { input: { filmId, kind: 'FINAL_CUT', fileName: 'a.pdf', byteSize: 1000, contentType: 'application/pdf' } },
      director.token,
    );
    expect(notVideo.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_VIDEO_TYPE' });
    expect(await count()).toBe(before);
  });

  it('refuses at completion a stored size that differs from the declared one, keeping no file', async () => {
    const bytes = readFileSync(video).subarray(0, 1 * MIB);
    const started = await api.ok<{ startFilmUpload: { id: string; asset: { id: string } } }>(
      START,
      { input: { filmId, kind: 'TRAILER', fileName: 'short.mp4', byteSize: bytes.length + 1000, contentType: 'video/mp4' } },
      director.token,
    );
    const uploadId = started.startFilmUpload.id;
    const signed = await api.ok<{ signUploadParts: { url: string }[] }>(
      'mutation ($id: ID!) { signUploadParts(uploadId: $id, partNumbers: [1]) { url } }',
      { id: uploadId },
      director.token,
    );
    const put = await fetch(signed.signUploadParts[0].url, { method: 'PUT', body: bytes });
    await api.ok(
      'mutation ($id: ID!, $etag: String!) { recordUploadedPart(uploadId: $id, partNumber: 1, etag: $etag) { id } }',
      { id: uploadId, etag: put.headers.get('etag') },
      director.token,
    );
    const completed = await api.gql('mutation ($id: ID!) { completeFilmUpload(uploadId: $id) { id } }', { id: uploadId }, director.token);
    expect(completed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SIZE_MISMATCH', storedBytes: bytes.length });
    const asset = await assetOf(started.startFilmUpload.asset.id);
    expect(asset.status).toBe('REJECTED');
    const [row] = await api.app.get(DataSource).query('SELECT object_key FROM media_asset WHERE id = $1', [asset.id]);
    await expect(api.app.get(StorageService).head(row.object_key)).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it("forbids another fellow to touch someone's upload or film", async () => {
    const started = await api.ok<{ startFilmUpload: { id: string } }>(
      START,
      { input: { filmId, kind: 'TRAILER', fileName: 't.mp4', byteSize: 1000, contentType: 'video/mp4' } },
      director.token,
    );
    const id = started.startFilmUpload.id;
    expect(await api.errorCode('query ($id: ID!) { filmUpload(id: $id) { id } }', { id }, otherFellow.token)).toBe('FORBIDDEN');
    expect(
      await api.errorCode('mutation ($id: ID!) { signUploadParts(uploadId: $id, partNumbers: [1]) { url } }', { id }, otherFellow.token),
    ).toBe('FORBIDDEN');
    expect(await api.errorCode('mutation ($id: ID!) { abortFilmUpload(uploadId: $id) }', { id }, otherFellow.token)).toBe('FORBIDDEN');
    expect(await api.errorCode(ASSET, { id: filmId }, otherFellow.token)).toBe('FORBIDDEN');
    await expect(api.ok('mutation ($id: ID!) { abortFilmUpload(uploadId: $id) }', { id }, director.token)).resolves.toEqual({
      abortFilmUpload: true,
    });
  });

  it('leaves one poster and one preview when processing runs twice', async () => {
    const storage = api.app.get(StorageService);
    const [asset] = await api.app
      .get(DataSource)
      .query("SELECT id FROM media_asset WHERE status = 'READY' AND film_id = $1 ORDER BY created_at LIMIT 1", [filmId]);
    const renditions = async () => {
      const keys: string[] = [];
      for (const prefix of ['posters/', 'previews/']) for await (const object of storage.list(prefix)) keys.push(object.key);
      return keys.filter((key) => key.includes(asset.id)).sort();
    };
    const before = await renditions();
    expect(before).toHaveLength(2);
    await api.app.get(DataSource).query("UPDATE media_asset SET status = 'PROCESSING' WHERE id = $1", [asset.id]);
    const queue = worker.get(JobQueue);
    const rerun = await queue.add('films.process-asset', { assetId: asset.id });
    await expect((await queue.getJob('films.process-asset', rerun))!.finished()).resolves.toMatchObject({ status: 'done' });
    expect(await renditions()).toEqual(before);
    expect((await assetOf(asset.id)).status).toBe('READY');
  });

  it('ends an asset FAILED, with the error kept, when processing fails on its last try', async () => {
    const db = api.app.get(DataSource);
    const [asset] = await db.query(
      "SELECT id, object_key FROM media_asset WHERE status = 'READY' AND film_id = $1 ORDER BY created_at LIMIT 1",
      [filmId],
    );
    await db.query("UPDATE media_asset SET status = 'PROCESSING' WHERE id = $1", [asset.id]);
    await api.app.get(StorageService).delete(asset.object_key);
    const queue = worker.get(JobQueue);
    const jobId = await queue.add('films.process-asset', { assetId: asset.id }, { attempts: 1 });
    await expect((await queue.getJob('films.process-asset', jobId))!.finished()).rejects.toThrow('does not exist');
    // The final-failure hook runs on the queue's failed event, just after the job settles.
    for (let i = 0; i < 50 && (await assetOf(asset.id)).status === 'PROCESSING'; i += 1) await new Promise((r) => setTimeout(r, 50));
    const [failed] = await db.query('SELECT status, failure_reason FROM media_asset WHERE id = $1', [asset.id]);
    expect(failed.status).toBe('FAILED');
    expect(failed.failure_reason).toContain('does not exist');
  });

  it('expires an abandoned upload with the clean-up job', async () => {
    const started = await api.ok<{ startFilmUpload: { id: string; asset: { id: string } } }>(
      START,
      { input: { filmId, kind: 'ROUGH_CUT', fileName: 'left.mp4', byteSize: 2000, contentType: 'video/mp4' } },
      director.token,
    );
    const db = api.app.get(DataSource);
    await db.query("UPDATE film_upload SET expires_at = now() - interval '1 minute' WHERE id = $1", [started.startFilmUpload.id]);
    const queue = worker.get(JobQueue);
    const jobId = await queue.add('films.expire-uploads', {});
    await expect((await queue.getJob('films.expire-uploads', jobId))!.finished()).resolves.toMatchObject({ status: 'done' });
    expect((await assetOf(started.startFilmUpload.asset.id)).status).toBe('EXPIRED');
    const sign = await api.gql(
      'mutation ($id: ID!) { signUploadParts(uploadId: $id, partNumbers: [1]) { url } }',
      { id: started.startFilmUpload.id },
      director.token,
    );
    expect(sign.errors?.[0].extensions.reason).toBe('UPLOAD_CLOSED');
  });

  it('removes with the clean-up job the work folders a killed worker left, not those of a processing under way', async () => {
    const stale = mkdtempSync(join(tmpdir(), WORK_DIR_PREFIX));
    writeFileSync(join(stale, 'preview.mp4'), Buffer.alloc(1024));
    const old = new Date(Date.now() - 6 * 3600_000);
    utimesSync(stale, old, old);
    const running = mkdtempSync(join(tmpdir(), WORK_DIR_PREFIX));
    try {
      const queue = worker.get(JobQueue);
      const jobId = await queue.add('films.expire-uploads', {});
      const outcome = (await (await queue.getJob('films.expire-uploads', jobId))!.finished()) as { detail: { workDirsRemoved: number } };
      expect(outcome.detail.workDirsRemoved).toBeGreaterThanOrEqual(1);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(running)).toBe(true);
    } finally {
      rmSync(stale, { recursive: true, force: true });
      rmSync(running, { recursive: true, force: true });
    }
  });

  describe('stages', () => {
    const MOVE = 'mutation ($id: ID!, $s: FilmStage!, $n: String) { setFilmStage(filmId: $id, stage: $s, note: $n) { stage } }';
    const STAGES = 'query ($id: ID!) { film(id: $id) { stage nextStages previousStages stageHistory { fromStage toStage note } } }';
    type Stages = {
      film: {
        stage: string;
        nextStages: string[];
        previousStages: string[];
        stageHistory: { fromStage: string | null; toStage: string; note: string | null }[];
      };
    };
    let stageFilm: string;
    let trainer: { token: string };
    let outsider: { token: string };

    beforeAll(async () => {
      const cohortId = await people.cohort(await people.programme());
      const fellowId = await people.fellow();
      await people.enroll(cohortId, fellowId);
      const created = await api.ok<{ createFilm: { id: string } }>(
        'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
        { input: { cohortId, title: 'Le puits de Djenné', genre: 'FICTION', directorIds: [fellowId] } },
        await people.admin(),
      );
      stageFilm = created.createFilm.id;
      const account = await people.account('TRAINER');
      await people.assignTrainer(cohortId, account.id);
      trainer = account;
      // A fellow of another cohort.
      outsider = await people.account('FELLOW', await people.fellow());
    });

    const refusal = async (stage: string, note: string | null, token = trainer.token) => {
      const response = await api.gql(MOVE, { id: stageFilm, s: stage, n: note }, token);
      expect(response.errors).toHaveLength(1);
      return { message: response.errors![0].message, extensions: response.errors![0].extensions as Record<string, unknown> };
    };

    it('lists the allowed moves on the film, and moves forward one stage (or over SYNOPSIS) without a note', async () => {
      let { film } = await api.ok<Stages>(STAGES, { id: stageFilm }, trainer.token);
      expect(film).toMatchObject({ stage: 'IDEA', nextStages: ['SYNOPSIS', 'SCRIPT'], previousStages: [] });
      await expect(api.ok(MOVE, { id: stageFilm, s: 'SYNOPSIS', n: null }, trainer.token)).resolves.toEqual({
        setFilmStage: { stage: 'SYNOPSIS' },
      });
      await api.ok(MOVE, { id: stageFilm, s: 'SCRIPT', n: null }, trainer.token);
      // SCRIPT may go over PRE_PRODUCTION straight to SHOOTING.
      ({ film } = await api.ok<Stages>(STAGES, { id: stageFilm }, trainer.token));
      expect(film).toMatchObject({ stage: 'SCRIPT', nextStages: ['PRE_PRODUCTION', 'SHOOTING'], previousStages: ['SYNOPSIS', 'IDEA'] });
      await api.ok(MOVE, { id: stageFilm, s: 'SHOOTING', n: null }, trainer.token);
      // The same stage changes nothing and writes no history.
      await api.ok(MOVE, { id: stageFilm, s: 'SHOOTING', n: 'again' }, trainer.token);
      ({ film } = await api.ok<Stages>(STAGES, { id: stageFilm }, trainer.token));
      expect(film.stageHistory.map((change) => change.toStage)).toEqual(['IDEA', 'SYNOPSIS', 'SCRIPT', 'SHOOTING']);
    });

    it('refuses skipping a stage, naming the allowed moves in the message and in allowedStages', async () => {
      const { message, extensions } = await refusal('FINAL_CUT', null);
      expect(extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'STAGE_MOVE_NOT_ALLOWED',
        allowedStages: ['EDITING', 'PRE_PRODUCTION', 'SCRIPT', 'SYNOPSIS', 'IDEA'],
        forwardStages: ['EDITING'],
        backStages: ['PRE_PRODUCTION', 'SCRIPT', 'SYNOPSIS', 'IDEA'],
      });
      expect(message).toBe(
        'A film at SHOOTING cannot move to FINAL_CUT; from SHOOTING it moves forward to EDITING, or back to PRE_PRODUCTION, SCRIPT, SYNOPSIS, IDEA with a note',
      );
      expect((await api.ok<Stages>(STAGES, { id: stageFilm }, trainer.token)).film.stage).toBe('SHOOTING');
    });

    it('goes back only with a note, kept in the stage history', async () => {
      for (const note of [null, '   ']) {
        const { message, extensions } = await refusal('SCRIPT', note);
        expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTE_REQUIRED', field: 'note' });
        expect(extensions.allowedStages).toContain('SCRIPT');
        expect(message).toBe('Going back from SHOOTING to SCRIPT needs a note saying why');
      }
      await expect(
        api.ok(MOVE, { id: stageFilm, s: 'SCRIPT', n: '  Le producteur demande une autre fin.  ' }, trainer.token),
      ).resolves.toEqual({ setFilmStage: { stage: 'SCRIPT' } });
      const { film } = await api.ok<Stages>(STAGES, { id: stageFilm }, trainer.token);
      expect(film.stageHistory.at(-1)).toEqual({ fromStage: 'SHOOTING', toStage: 'SCRIPT', note: 'Le producteur demande une autre fin.' });
      expect(film.nextStages).toEqual(['PRE_PRODUCTION', 'SHOOTING']);
    });

    it('still refuses by access a fellow of another cohort, whatever the move, and shows her nothing of the film', async () => {
      for (const [stage, note] of [
        ['PRE_PRODUCTION', null],
        ['IDEA', 'a reason'],
        ['FINAL_CUT', null],
      ] as const) {
        const { extensions } = await refusal(stage, note, outsider.token);
        expect(extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' });
      }
      expect(await api.errorCode(STAGES, { id: stageFilm }, outsider.token)).toBe('FORBIDDEN');
      expect((await api.ok<Stages>(STAGES, { id: stageFilm }, trainer.token)).film.stage).toBe('SCRIPT');
    });
  });
});
