/**
 * A fellow's film journey in the web app, in a real browser against the real API, object store and worker: she
 * creates a film she directs at phone width, uploads a cut whose connection is cut part-way, reloads, chooses the
 * same file and the upload resumes, sending only the missing parts, until the poster and preview appear. Also:
 * Pause and Resume, abandoning an interrupted upload, and the people who get no upload panel (and whose API
 * calls are refused).
 */
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Browser, Page, Route } from 'playwright-core';
import { JobQueue } from '#queue';
import { fileSource, FilmUploader } from '#upload-client';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { TestApi } from '../support/api.js';
import { makeGif, makeVideo, scratchDir } from '../support/media.js';
import { PeopleFactory } from '../support/people.js';
import { descriptionOf, launchBrowser, logIn, newPage, pathOf, PHONE, review } from '../support/web.js';

/** The API's part size (FILM_UPLOAD_PART_BYTES' default, S3's minimum). */
const PART_BYTES = 5 * 1024 * 1024;
const FILM_TITLE = 'Le Fleuve en hiver';
const UNFINISHED =
  'query ($filmId: ID!) { myUnfinishedUploads(filmId: $filmId) { id partCount uploadedParts { partNumber } asset { fileName } } }';

let api: TestApi;
let worker: INestApplicationContext;
let browser: Browser;
let people: PeopleFactory;
let fellow: { id: string; token: string; email: string };
let fellowId: string;
let other: { token: string; email: string };
let trainer: { id: string; token: string; email: string };
let cohortId: string;
let spareCohortId: string;
/** A real video of several 5 MiB parts (lossless noise keeps it large for its length). */
let video: string;
let partCount: number;

beforeAll(async () => {
  api = await TestApi.start();
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await worker.init();
  browser = await launchBrowser();

  people = new PeopleFactory(api);
  const programme = await people.programme('École de cinéma des jeunes femmes');
  cohortId = await people.cohort(programme, { name: 'Cohorte 2022 de Mopti', timeZone: 'Africa/Bamako' });
  spareCohortId = await people.cohort(programme, { name: 'Atelier documentaire de Gao', timeZone: 'Africa/Bamako' });
  fellowId = await people.fellow({ fullName: 'Kadiatou Sangaré' });
  await people.enroll(cohortId, fellowId);
  await people.enroll(spareCohortId, fellowId);
  fellow = await people.account('FELLOW', fellowId);
  const otherId = await people.fellow({ fullName: 'Awa Coulibaly' });
  await people.enroll(cohortId, otherId);
  other = await people.account('FELLOW', otherId);
  trainer = await people.account('TRAINER');
  await people.assignTrainer(cohortId, trainer.id);

  video = makeVideo(join(scratchDir(), 'film.mp4'), { seconds: 5, width: 480, height: 270 });
  partCount = Math.ceil(statSync(video).size / PART_BYTES);
  expect(partCount).toBeGreaterThanOrEqual(4);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await api?.close();
});

/**
 * The part PUTs a page sends to the object store: every attempt, and those the store answered 200, per part
 * number. `gate` decides, per part number, whether a PUT goes through, is cut (as a lost connection) or waits.
 */
class PartTraffic {
  readonly attempts: { partNumber: number; at: number }[] = [];
  readonly stored = new Map<number, number>();
  gate: (partNumber: number) => 'go' | 'cut' | { delayMs: number } = () => 'go';

  private constructor(private readonly storeOrigin: string) {}

  static async watch(page: Page): Promise<PartTraffic> {
    const traffic = new PartTraffic(new URL(process.env.S3_ENDPOINT!).origin);
    const partOf = (url: string, method: string): number | undefined => {
      const parsed = new URL(url);
      const n = parsed.searchParams.get('partNumber');
      return method === 'PUT' && parsed.origin === traffic.storeOrigin && n ? Number(n) : undefined;
    };
    page.on('request', (request) => {
      const n = partOf(request.url(), request.method());
      if (n !== undefined) traffic.attempts.push({ partNumber: n, at: Date.now() });
    });
    // 'response', not 'requestfinished': Chromium reports no finish for these routed cross-origin PUTs.
    page.on('response', (response) => {
      const n = partOf(response.url(), response.request().method());
      if (n !== undefined && response.status() === 200) traffic.stored.set(n, (traffic.stored.get(n) ?? 0) + 1);
    });
    await page.context().route(
      (url) => url.origin === traffic.storeOrigin,
      async (route: Route) => {
        const n = partOf(route.request().url(), route.request().method());
        const decision = n === undefined ? 'go' : traffic.gate(n);
        try {
          if (decision === 'cut') return await route.abort('internetdisconnected');
          if (decision !== 'go') await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
          await route.continue();
        } catch {
          // The page cancelled the request meanwhile (a pause, a reload): nothing to pass on.
        }
      },
    );
    return traffic;
  }
}

async function recordedParts(filmId: string, token = fellow.token): Promise<number[]> {
  const { myUnfinishedUploads } = await api.ok<{ myUnfinishedUploads: { uploadedParts: { partNumber: number }[] }[] }>(
    UNFINISHED,
    { filmId },
    token,
  );
  return (myUnfinishedUploads[0]?.uploadedParts ?? []).map((part) => part.partNumber).sort((a, b) => a - b);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function filmOf(title: string): Promise<string> {
  const film = await api.ok<{ createFilm: { id: string } }>(
    'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
    { input: { cohortId, title, genre: 'FICTION', directorIds: [fellowId] } },
    fellow.token,
  );
  return film.createFilm.id;
}

describe('a fellow’s film in the web app', () => {
  it('she creates a film at phone width, her upload is cut off, and after a reload the same file resumes to READY without resending parts', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${api.url}/films`);
    await logIn(page, fellow.email);
    await page.getByRole('heading', { name: 'Mes films' }).waitFor();
    await page.getByRole('link', { name: 'Nouveau film' }).click();
    await page.getByRole('heading', { name: 'Nouveau film', level: 1 }).waitFor();
    expect(pathOf(page)).toBe('/films/new');
    await review(page, 'new-film');

    // Nothing filled in: each missing field says so, next to itself.
    await page.getByRole('button', { name: 'Créer le film' }).click();
    expect(await descriptionOf(page, 'Titre')).toBe('Ce champ est obligatoire.');
    expect(await descriptionOf(page, 'Genre')).toBe('Ce champ est obligatoire.');
    expect(await descriptionOf(page, 'Cohorte')).toBe('Ce champ est obligatoire.');

    // A cohort archived while the form was open: the API's refusal is told next to the cohort, in French.
    await api.ok('mutation ($id: ID!) { archiveCohort(id: $id) { id } }', { id: spareCohortId }, await people.admin());
    await page.getByLabel('Titre').fill(FILM_TITLE);
    await page.getByLabel('Genre').selectOption({ label: 'Documentaire' });
    await page.getByLabel('Cohorte').selectOption({ label: 'Atelier documentaire de Gao' });
    await page.getByLabel('Pitch (facultatif)').fill('Une pêcheuse bozo attend la crue.');
    await page.getByRole('button', { name: 'Créer le film' }).click();
    await page.getByText('Cette cohorte est archivée : choisissez-en une autre.').waitFor();
    expect(await page.getByLabel('Cohorte').getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, 'Cohorte')).toBe('Cette cohorte est archivée : choisissez-en une autre.');
    // The same refusal in English, should she read the app in English.
    await page.getByLabel('Langue').selectOption('en');
    expect(await descriptionOf(page, 'Cohort')).toBe('This cohort is archived: choose another one.');
    await page.getByLabel('Language').selectOption('fr');

    await page.getByLabel('Cohorte').selectOption({ label: 'Cohorte 2022 de Mopti' });
    await page.getByRole('button', { name: 'Créer le film' }).click();
    await page.getByRole('heading', { name: FILM_TITLE, level: 1 }).waitFor();
    const filmId = pathOf(page).split('/').pop()!;
    expect(await page.getByText('Une pêcheuse bozo attend la crue.').isVisible()).toBe(true);

    // Two parts get through, then the connection drops: the page keeps trying and says so.
    const traffic = await PartTraffic.watch(page);
    traffic.gate = (n) => (n <= 2 ? 'go' : 'cut');
    await page.getByRole('heading', { name: 'Envoyer un montage' }).waitFor();
    expect(await page.getByLabel('Type de fichier').inputValue()).toBe('FINAL_CUT');
    await page.getByLabel('Fichier vidéo').setInputFiles(video);
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Connexion perdue, nouvel essai…' }).waitFor();
    await until(async () => (await recordedParts(filmId)).length === 2, 'parts 1 and 2 recorded');
    expect(await recordedParts(filmId)).toEqual([1, 2]);
    const bar = page.getByRole('progressbar', { name: 'Progression de l’envoi de film.mp4' });
    expect(await bar.isVisible()).toBe(true);
    expect(Number(await bar.getAttribute('value'))).toBeCloseTo((2 * PART_BYTES) / statSync(video).size, 2);
    await page.getByRole('button', { name: 'Mettre en pause' }).waitFor();
    await review(page, 'film-upload-retrying');

    // A reload (or a closed tab): the API lists the interrupted upload; the same file picks up where it was.
    await page.reload();
    await page.getByRole('heading', { name: FILM_TITLE, level: 1 }).waitFor();
    const interrupted = page.getByRole('list', { name: 'Envois interrompus' }).getByRole('listitem');
    await interrupted.waitFor();
    expect(await interrupted.innerText()).toMatch(
      /Envoi interrompu : film\.mp4, \d+\s?%\. Choisissez à nouveau le même fichier pour reprendre\./,
    );
    const resumedFrom = traffic.attempts.length;
    traffic.gate = () => 'go';
    await page.getByLabel('Fichier vidéo').setInputFiles(video);
    await page.getByRole('status').filter({ hasText: 'Fichier reçu.' }).waitFor({ timeout: 60_000 });

    // Each part reached the store once; parts 1 and 2 were never asked for again after the reload.
    const expected = Object.fromEntries(Array.from({ length: partCount }, (_, i) => [i + 1, 1]));
    expect(Object.fromEntries([...traffic.stored].sort(([a], [b]) => a - b))).toEqual(expected);
    const afterReload = new Set(traffic.attempts.slice(resumedFrom).map((attempt) => attempt.partNumber));
    expect(afterReload.has(1) || afterReload.has(2)).toBe(false);
    expect(await page.getByRole('list', { name: 'Envois interrompus' }).count()).toBe(0);
    expect((await api.ok<{ myUnfinishedUploads: unknown[] }>(UNFINISHED, { filmId }, fellow.token)).myUnfinishedUploads).toEqual([]);

    // The page follows the processing by itself, until the poster and the preview are there.
    const finalCut = page.getByRole('listitem').filter({ hasText: 'film.mp4' });
    await finalCut.getByText('Prêt', { exact: true }).waitFor({ timeout: 90_000 });
    const preview = page.locator('video');
    await preview.waitFor();
    expect(await preview.getAttribute('poster')).toMatch(/^http/);
    expect(await page.getByText('Traitement de la vidéo').count()).toBe(0);
    await page.context().close();
  }, 240_000);

  it('Pause stops sending at once and Resume sends only what is missing', async () => {
    const filmId = await filmOf('La Nuit des griots');
    const page = await newPage(browser, PHONE);
    await page.goto(`${api.url}/films/${filmId}`);
    await logIn(page, fellow.email);
    await page.getByRole('heading', { name: 'Envoyer un montage' }).waitFor();
    const traffic = await PartTraffic.watch(page);
    // A slow link: each part takes a while, time enough to pause.
    traffic.gate = () => ({ delayMs: 1500 });
    await page.getByLabel('Type de fichier').selectOption({ label: 'Bande-annonce' });
    await page.getByLabel('Fichier vidéo').setInputFiles(video);
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await until(async () => (await recordedParts(filmId)).length >= 1, 'a first part recorded');
    await page.getByRole('button', { name: 'Mettre en pause' }).click();
    await page.getByRole('status').filter({ hasText: 'En pause. Les morceaux déjà envoyés sont gardés.' }).waitFor();
    const pausedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // Nothing starts while paused; what arrived before the pause stays recorded.
    expect(traffic.attempts.filter((attempt) => attempt.at > pausedAt + 100)).toEqual([]);
    const recordedAtPause = await recordedParts(filmId);
    expect(recordedAtPause.length).toBeGreaterThanOrEqual(1);
    expect(recordedAtPause.length).toBeLessThan(partCount);

    traffic.gate = () => 'go';
    const resumedAt = Date.now();
    await page.getByRole('button', { name: 'Reprendre' }).click();
    await page.getByRole('status').filter({ hasText: 'Fichier reçu.' }).waitFor({ timeout: 60_000 });
    const resent = traffic.attempts.filter((attempt) => attempt.at >= resumedAt && recordedAtPause.includes(attempt.partNumber));
    expect(resent).toEqual([]);
    // Every part arrived; only a part cut in flight by the pause may have reached the store twice (its answer
    // was never read, so it was not recorded): a part recorded before the pause was never sent again.
    expect(traffic.stored.size).toBe(partCount);
    const twice = [...traffic.stored].filter(([, count]) => count > 1).map(([partNumber]) => partNumber);
    expect(twice.filter((partNumber) => recordedAtPause.includes(partNumber))).toEqual([]);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'film.mp4' })
      .getByText(/En traitement|Prêt/)
      .first()
      .waitFor();
    await page.context().close();
  }, 120_000);

  it('she abandons an upload started elsewhere; the trainer and another fellow get no upload panel and no listing of hers', async () => {
    const filmId = await filmOf('Brouillon de Djenné');
    await api.ok(
      'mutation ($input: StartFilmUploadInput!) { startFilmUpload(input: $input) { id } }',
      { input: { filmId, kind: 'ROUGH_CUT', fileName: 'brouillon.mp4', contentType: 'video/mp4', byteSize: 12_000_000 } },
      fellow.token,
    );

    // The trainer sees the film but uploads nothing to it; the API lists her none of the fellow's uploads.
    const trainerPage = await newPage(browser, PHONE);
    await trainerPage.goto(`${api.url}/films/${filmId}`);
    await logIn(trainerPage, trainer.email);
    await trainerPage.getByRole('heading', { name: 'Brouillon de Djenné', level: 1 }).waitFor();
    expect(await trainerPage.getByRole('heading', { name: 'Envoyer un montage' }).count()).toBe(0);
    expect(await trainerPage.getByLabel('Fichier vidéo').count()).toBe(0);
    await trainerPage.context().close();
    expect((await api.ok<{ myUnfinishedUploads: unknown[] }>(UNFINISHED, { filmId }, trainer.token)).myUnfinishedUploads).toEqual([]);

    // Another fellow of the cohort: not her film, no panel, and the API refuses her the listing.
    const otherPage = await newPage(browser, PHONE);
    await otherPage.goto(`${api.url}/films/${filmId}`);
    await logIn(otherPage, other.email);
    await otherPage.getByText('Ce film n’existe pas ou vous ne pouvez pas le voir.').waitFor();
    expect(await otherPage.getByRole('heading', { name: 'Envoyer un montage' }).count()).toBe(0);
    await otherPage.context().close();
    expect(await api.errorCode(UNFINISHED, { filmId }, other.token)).toBe('FORBIDDEN');
    expect(await api.errorCode(UNFINISHED, { filmId })).toBe('UNAUTHENTICATED');

    // The fellow, in another browser: the upload is listed, and she abandons it (asked twice).
    const page = await newPage(browser, PHONE);
    await page.goto(`${api.url}/films/${filmId}`);
    await logIn(page, fellow.email);
    const interrupted = page.getByRole('list', { name: 'Envois interrompus' });
    await interrupted.getByText('Envoi interrompu : brouillon.mp4').waitFor();
    // Another file: told plainly that it matches no interrupted upload.
    const elsewhere = join(scratchDir(), 'autre.mp4');
    copyFileSync(video, elsewhere);
    await page.getByLabel('Fichier vidéo').setInputFiles(elsewhere);
    expect(await descriptionOf(page, 'Fichier vidéo')).toBe(
      'Ce fichier ne correspond à aucun envoi interrompu (même nom et même taille) : il sera envoyé en entier.',
    );
    await page.getByRole('button', { name: 'Abandonner l’envoi de brouillon.mp4' }).click();
    await page.getByRole('button', { name: 'Oui, abandonner brouillon.mp4' }).click();
    await page.getByRole('status').filter({ hasText: 'Envoi de brouillon.mp4 abandonné.' }).waitFor();
    await page.getByRole('list', { name: 'Envois interrompus' }).waitFor({ state: 'detached' });
    await page.getByRole('listitem').filter({ hasText: 'brouillon.mp4' }).getByText('Envoi abandonné').waitFor();
    expect((await api.ok<{ myUnfinishedUploads: unknown[] }>(UNFINISHED, { filmId }, fellow.token)).myUnfinishedUploads).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a file that is no video is refused in her language, and a file the worker rejected shows why', async () => {
    const filmId = await filmOf('Essai de Bandiagara');
    const gif = makeGif(join(scratchDir(), 'animation.gif'));
    // Declared a video by another client: the worker reads the bytes and rejects it.
    const source = await fileSource(gif);
    const asset = await new FilmUploader({ graphqlUrl: `${api.url}/graphql`, accessToken: fellow.token }).upload(source, {
      filmId,
      kind: 'TRAILER',
      fileName: 'animation.mp4',
      contentType: 'video/mp4',
    });
    await source.close();
    await (await worker.get(JobQueue).getJob('films.process-asset', `process:${asset.id}`))!.finished();

    const page = await newPage(browser, PHONE);
    await page.goto(`${api.url}/films/${filmId}`);
    await logIn(page, fellow.email);
    const rejected = page.getByRole('listitem').filter({ hasText: 'animation.mp4' });
    await rejected.getByText('Refusé', { exact: true }).waitFor();
    expect(await rejected.innerText()).toMatch(/Raison : Not a video/);

    // The browser says a GIF is an image: the API refuses the type, and the page says so in French.
    await page.getByLabel('Fichier vidéo').setInputFiles(gif);
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Ce fichier n’est pas une vidéo (MP4, MOV, MKV, WebM…).' }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
