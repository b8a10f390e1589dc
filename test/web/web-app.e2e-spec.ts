/**
 * The web app in a real browser (Debian's chromium driven by playwright-core) against the real API serving the
 * built app, as a fellow and a trainer would use it: at 360 px (a phone) and 1280 px (a laptop), in French and
 * English. Also: the first page's weight, axe-core on each main page, and screenshots for review.
 * One API and one browser for the whole file; each journey gets a fresh browser context (no shared storage).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Browser, Page } from 'playwright-core';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { TestApi } from '../support/api.js';
import { uploadFinalCut } from '../support/films.js';
import { PeopleFactory } from '../support/people.js';
import { createSession, RECORD } from '../support/training.js';
import {
  descriptionOf,
  LAPTOP,
  launchBrowser,
  logIn,
  newPage as openPage,
  PASSWORD,
  pathOf,
  PHONE,
  review,
  WEB_DIR,
} from '../support/web.js';

/** The first page a visitor meets, its JavaScript and CSS gzip-compressed: the budget of issue 10. */
const FIRST_LOAD_BUDGET = 250 * 1024;
const FILM_TITLE = 'Les Voix de Ségou';
const SESSION_TITLE = 'Cadrage et lumière';

let api: TestApi;
let worker: INestApplicationContext;
let browser: Browser;
let fellow: { email: string; name: string };
let trainer: { email: string };
let filmId: string;
let cohortId: string;
let cohortName: string;
let sessionId: string;
const OTHER_FELLOW = 'Fatoumata Keïta';

// The trainer's journeys (issue 10): a cohort in Niamey (UTC+1) whose dates run around today, with held sessions.
const NIAMEY_COHORT = 'Cohorte 2026 de Niamey';
const AT_RISK_FELLOW = 'Hadiza Issoufou';
const STEADY_FELLOW = 'Aïssata Moussa';
const UPCOMING_TITLE = 'Écriture du documentaire';
const SHARED_NOTE = 'Très bon travail sur le découpage : continue ainsi.';
const PRIVATE_NOTE = 'Absences répétées : appeler sa famille avant la prochaine séance.';
/** A calendar day `days` from today (UTC). */
const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
let niameyCohortId: string;
let atRiskFellowId: string;
let atRiskFellow: { email: string; token: string };
let otherTrainer: { email: string };
/** A session of yesterday in Niamey still waiting for its roll call: the first thing on the trainer's home. */
const ROLL_CALL_TITLE = 'Prise de son en extérieur';
let rollCallSessionId: string;

beforeAll(async () => {
  api = await TestApi.start();
  // The worker makes the final cut's poster and preview, which the fellow's pages show.
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await worker.init();
  browser = await launchBrowser();

  const people = new PeopleFactory(api);
  const admin = await people.admin();
  // Each run has a database of its own (test/global-setup.mjs): readable names make readable screenshots.
  cohortName = 'Cohorte 2021 de Ségou';
  cohortId = await people.cohort(await people.programme('École de cinéma des jeunes femmes'), {
    name: cohortName,
    timeZone: 'Africa/Bamako',
  });
  const fellowName = 'Aminata Traoré';
  const fellowId = await people.fellow({ fullName: fellowName });
  await people.enroll(cohortId, fellowId);
  const fellowAccount = await people.account('FELLOW', fellowId);
  fellow = { email: fellowAccount.email, name: fellowName };
  const trainerAccount = await people.account('TRAINER');
  trainer = { email: trainerAccount.email };
  await people.assignTrainer(cohortId, trainerAccount.id);
  await people.enroll(cohortId, await people.fellow({ fullName: OTHER_FELLOW }));
  sessionId = await createSession(api, admin, { cohortId, day: '2021-02-01', title: SESSION_TITLE, trainerIds: [trainerAccount.id] });

  const film = await api.ok<{ createFilm: { id: string } }>(
    'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
    { input: { cohortId, title: FILM_TITLE, genre: 'DOCUMENTARY', directorIds: [fellowId] } },
    admin,
  );
  filmId = film.createFilm.id;
  // A final cut uploaded by the fellow and processed by the worker (READY, with poster and preview), and a
  // rough cut whose upload she started but did not finish (UPLOADING).
  await uploadFinalCut(api, worker, fellowAccount.token, filmId);
  await api.ok(
    'mutation ($input: StartFilmUploadInput!) { startFilmUpload(input: $input) { id } }',
    { input: { filmId, kind: 'ROUGH_CUT', fileName: 'premier-montage.mp4', contentType: 'video/mp4', byteSize: 12_000_000 } },
    fellowAccount.token,
  );

  // Niamey: four sessions held in the last weeks, two of them missed by one fellow (50 %, under the 75 % line),
  // one upcoming session, and the cohort's dates running into next summer (Paris then is UTC+2, Niamey UTC+1).
  niameyCohortId = await people.cohort(await people.programme('Atelier documentaire du Niger'), {
    name: NIAMEY_COHORT,
    timeZone: 'Africa/Niamey',
    startDate: dayFromToday(-60),
    endDate: '2027-07-31',
  });
  await people.assignTrainer(niameyCohortId, trainerAccount.id);
  atRiskFellowId = await people.fellow({ fullName: AT_RISK_FELLOW, city: 'Niamey', country: 'NE' });
  const steadyFellowId = await people.fellow({ fullName: STEADY_FELLOW, city: 'Zinder', country: 'NE' });
  await people.enroll(niameyCohortId, atRiskFellowId);
  await people.enroll(niameyCohortId, steadyFellowId);
  atRiskFellow = await people.account('FELLOW', atRiskFellowId);
  await api.ok(
    'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
    { input: { cohortId: niameyCohortId, title: 'Le Fleuve et nous', genre: 'DOCUMENTARY', directorIds: [atRiskFellowId] } },
    admin,
  );
  for (const [index, daysAgo] of [20, 15, 10, 5].entries()) {
    const held = await createSession(api, admin, {
      cohortId: niameyCohortId,
      day: dayFromToday(-daysAgo),
      from: '08:00',
      to: '11:00',
      title: `Atelier ${index + 1}`,
      trainerIds: [trainerAccount.id],
    });
    await api.ok(
      RECORD,
      {
        s: held,
        r: [
          { fellowId: atRiskFellowId, status: index % 2 === 0 ? 'ABSENT' : 'PRESENT' },
          { fellowId: steadyFellowId, status: 'PRESENT' },
        ],
      },
      trainerAccount.token,
    );
  }
  // 08:00-11:00 UTC is 09:00-12:00 in Niamey.
  await createSession(api, admin, {
    cohortId: niameyCohortId,
    day: dayFromToday(2),
    from: '08:00',
    to: '11:00',
    title: UPCOMING_TITLE,
    trainerIds: [trainerAccount.id],
  });
  // A trainer of another cohort, who must not open the Niamey fellows' pages.
  const elsewhere = await people.cohort(await people.programme(), { name: 'Cohorte de Zinder', timeZone: 'Africa/Niamey' });
  const otherTrainerAccount = await people.account('TRAINER');
  await people.assignTrainer(elsewhere, otherTrainerAccount.id);
  otherTrainer = { email: otherTrainerAccount.email };

  // The trainer's home: a Niamey session held yesterday whose roll call nobody has taken yet.
  rollCallSessionId = await createSession(api, admin, {
    cohortId: niameyCohortId,
    day: dayFromToday(-1),
    from: '08:00',
    to: '11:00',
    title: ROLL_CALL_TITLE,
    trainerIds: [trainerAccount.id],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await api?.close();
});

const newPage = (viewport = PHONE): Promise<Page> => openPage(browser, viewport);

describe('web app', () => {
  it('a fellow opens a deep link, logs in at phone width, lands back there and sees her film', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/films`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(pathOf(page)).toBe('/login');
    await review(page, 'login');

    await logIn(page, fellow.email);
    await page.getByRole('heading', { name: 'Mes films' }).waitFor();
    expect(pathOf(page)).toBe('/films');
    // The menu offers a fellow her films and her cohorts, none of a manager's pages.
    const menu = page.getByRole('navigation', { name: 'Menu principal' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Accueil', 'Mes films', 'Mes cohortes']);
    expect(await page.getByText('Étape : Idée').isVisible()).toBe(true);
    const poster = page.getByRole('img', { name: `Affiche de « ${FILM_TITLE} »` });
    await poster.waitFor();
    await page.waitForFunction((alt) => {
      const img = (
        globalThis as unknown as { document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null } }
      ).document.querySelector(`img[alt="${alt}"]`);
      return img !== null && img.complete && img.naturalWidth > 0;
    }, `Affiche de « ${FILM_TITLE} »`);
    await review(page, 'films');

    await page.getByRole('link', { name: FILM_TITLE }).click();
    await page.getByRole('heading', { name: FILM_TITLE, level: 1 }).waitFor();
    expect(pathOf(page)).toBe(`/films/${filmId}`);
    const roughCut = page.getByRole('listitem').filter({ hasText: 'premier-montage.mp4' });
    expect(await roughCut.getByText('Envoi en cours').isVisible()).toBe(true);
    expect(await page.getByRole('listitem').filter({ hasText: 'final.mp4' }).getByText('Prêt').isVisible()).toBe(true);
    const preview = page.locator('video');
    expect(await preview.getAttribute('aria-label')).toBe('Aperçu');
    expect(await preview.getAttribute('src')).toMatch(/^http/);
    expect(await preview.getAttribute('poster')).toMatch(/^http/);
    await review(page, 'film');

    // Her cohort: its sessions, and of its fellows only herself.
    await menu.getByRole('link', { name: 'Mes cohortes' }).click();
    await page.getByRole('link', { name: cohortName }).click();
    await page.getByRole('heading', { name: cohortName, level: 1 }).waitFor();
    expect(await page.getByText(SESSION_TITLE).isVisible()).toBe(true);
    // No progress table (her own line alone would read as the cohort's; her figures are on her home), and her
    // name is not a link to a trainer's page.
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('link', { name: fellow.name }).count()).toBe(0);

    await menu.getByRole('link', { name: 'Accueil' }).click();
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await review(page, 'home-fellow');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.goto(`${api.url}/films`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.context().close();
  }, 60_000);

  it('a wrong password is told next to the password field, in French then in English', async () => {
    const page = await newPage(LAPTOP);
    await page.goto(`${api.url}/login`);
    await logIn(page, fellow.email, 'not-her-password');
    const french = 'Adresse e-mail ou mot de passe incorrect.';
    await page.getByText(french).waitFor();
    expect(await page.getByLabel('Mot de passe').getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, 'Mot de passe')).toBe(french);

    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await descriptionOf(page, 'Password')).toBe('Wrong e-mail address or password.');
    await page.context().close();
  }, 60_000);

  it('the same film page in French and in English; a reload keeps the session, the page and the language', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/films/${filmId}`);
    await logIn(page, fellow.email);
    await page.getByRole('heading', { name: 'Étapes' }).waitFor();
    expect(await page.getByText('Envoi en cours').isVisible()).toBe(true);
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Idée');

    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Stages' }).waitFor();
    expect(await page.getByText('Uploading', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Idea');
    expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { name: FILM_TITLE, level: 1 }).waitFor();
    expect(pathOf(page)).toBe(`/films/${filmId}`);
    expect(await page.getByRole('heading', { name: 'Stages' }).isVisible()).toBe(true);
    await page.context().close();
  }, 60_000);

  it('an invalid stored session sends the user to log in, then back to the page she was on', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/login`);
    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem(
        'filmschool.token',
        'expired.or.forged',
      ),
    );
    await page.goto(`${api.url}/films/${filmId}`);
    await page.getByText('Votre session a expiré').waitFor();
    expect(pathOf(page)).toBe('/login');
    await logIn(page, fellow.email);
    await page.getByRole('heading', { name: FILM_TITLE, level: 1 }).waitFor();
    expect(pathOf(page)).toBe(`/films/${filmId}`);
    await page.context().close();
  }, 60_000);

  it('a trainer sees her cohorts, then a cohort with its fellows and sessions in the cohort’s time', async () => {
    const page = await newPage(LAPTOP);
    await page.goto(`${api.url}/`);
    await logIn(page, trainer.email);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Menu principal' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Accueil', 'Mes cohortes', 'Séances']);
    await review(page, 'home-trainer');

    await menu.getByRole('link', { name: 'Mes cohortes' }).click();
    await page.getByRole('heading', { name: 'Mes cohortes' }).waitFor();
    await review(page, 'cohorts');

    await page.getByRole('link', { name: cohortName }).click();
    await page.getByRole('heading', { name: cohortName, level: 1 }).waitFor();
    expect(await page.getByRole('rowheader', { name: fellow.name }).isVisible()).toBe(true);
    expect(await page.getByText(SESSION_TITLE).isVisible()).toBe(true);
    // 09:00 UTC is 09:00 in Bamako (UTC+0), whatever the browser's own zone (Paris here).
    expect(await page.getByText('1 févr. 2021, 09:00 – 12:00').isVisible()).toBe(true);
    await review(page, 'cohort');
    await page.context().close();
  }, 60_000);

  it('a trainer at phone width takes a session’s roll call, corrects a mark and sees it in the history; a fellow sees only hers', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/`);
    await logIn(page, trainer.email);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mes cohortes' }).click();
    await page.getByRole('link', { name: cohortName }).click();
    await page.getByRole('link', { name: SESSION_TITLE }).click();
    await page.getByRole('heading', { name: SESSION_TITLE, level: 1 }).waitFor();
    expect(pathOf(page)).toBe(`/sessions/${sessionId}`);
    expect(await page.getByText('1 févr. 2021, 09:00 – 12:00').isVisible()).toBe(true);

    // Everyone is present until told otherwise; one tap marks a fellow absent.
    const hers = page.getByRole('group', { name: fellow.name });
    const other = page.getByRole('group', { name: OTHER_FELLOW });
    expect(await hers.getByLabel('Présent·e').isChecked()).toBe(true);
    expect(await other.getByLabel('Présent·e').isChecked()).toBe(true);
    expect(await page.getByText('Aucun changement pour l’instant.').isVisible()).toBe(true);
    await hers.getByLabel('Absent·e').click();
    expect(await hers.getByLabel('Absent·e').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await page.getByRole('status').filter({ hasText: 'Appel enregistré.' }).waitFor();
    const history = page.getByRole('list', { name: 'Historique de l’appel' });
    // The history is fetched again after the save: wait for its new lines before counting them.
    await history.getByRole('listitem').nth(1).waitFor();
    expect(await history.getByRole('listitem').count()).toBe(2);
    expect(await history.getByRole('listitem').filter({ hasText: fellow.name }).innerText()).toContain('— → Absent·e');
    await page.getByText('Enregistré : Absent·e').waitFor();

    // The recorded mark is shown on a fresh load, and correcting it keeps the change in the history.
    await page.reload();
    await page.getByRole('heading', { name: SESSION_TITLE, level: 1 }).waitFor();
    expect(await page.getByRole('group', { name: fellow.name }).getByLabel('Absent·e').isChecked()).toBe(true);
    await page.getByRole('group', { name: fellow.name }).getByLabel('En retard').click();
    await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await history.getByRole('listitem').filter({ hasText: 'Absent·e → En retard' }).waitFor();
    const correction = await history.getByRole('listitem').filter({ hasText: 'Absent·e → En retard' }).innerText();
    expect(correction).toContain(fellow.name);
    expect(correction).toContain('par Test TRAINER');
    await history.getByRole('listitem').nth(2).waitFor();
    expect(await history.getByRole('listitem').count()).toBe(3);
    await page.getByText('Enregistré : En retard').waitFor();
    await review(page, 'session');
    await page.context().close();

    // The same address for the fellow: her own mark only, nothing to record.
    const hersOnly = await newPage(PHONE);
    await hersOnly.goto(`${api.url}/sessions/${sessionId}`);
    await logIn(hersOnly, fellow.email);
    await hersOnly.getByRole('heading', { name: SESSION_TITLE, level: 1 }).waitFor();
    await hersOnly.getByText('En retard', { exact: true }).waitFor();
    expect(await hersOnly.getByText(OTHER_FELLOW).count()).toBe(0);
    expect(await hersOnly.getByRole('button', { name: 'Enregistrer l’appel' }).count()).toBe(0);
    const menu = hersOnly.getByRole('navigation', { name: 'Menu principal' });
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Accueil', 'Mes films', 'Mes cohortes']);
    await hersOnly.context().close();
  }, 60_000);

  it('a roll call refused by the API is told, translated, next to the button', async () => {
    const admin = await new PeopleFactory(api).admin();
    const cancelled = await createSession(api, admin, { cohortId, day: '2021-02-01', from: '14:00', to: '16:00', title: 'Son direct' });
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/sessions/${cancelled}`);
    await logIn(page, trainer.email);
    await page.getByRole('heading', { name: 'Son direct', level: 1 }).waitFor();
    // Cancelled while the trainer had the page open.
    await api.ok('mutation ($id: ID!) { cancelTrainingSession(id: $id, reason: "Pluie") { id } }', { id: cancelled }, admin);
    await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cette séance a été annulée' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Appel enregistré.' }).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('an invitation link lets a new trainer choose a password (a weak one is refused next to the field) and signs her in', async () => {
    const email = `invited-${Date.now().toString(36)}@filmschool.test`;
    const { inviteUser } = await api.ok<{ inviteUser: { token: string } }>(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { token } }',
      { input: { email, fullName: 'Mariama Diallo', role: 'TRAINER' } },
      await new PeopleFactory(api).admin(),
    );
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/invitation?token=${encodeURIComponent(inviteUser.token)}`);
    await page.getByRole('heading', { name: 'Accepter l’invitation' }).waitFor();
    await page.getByLabel('Nouveau mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Choisissez un mot de passe d’au moins 10 caractères').waitFor();
    expect(await page.getByLabel('Nouveau mot de passe').getAttribute('aria-invalid')).toBe('true');
    await review(page, 'invitation');

    await page.getByLabel('Nouveau mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('heading', { name: 'Bonjour Mariama Diallo' }).waitFor();
    expect(pathOf(page)).toBe('/');
    await page.context().close();
  }, 60_000);

  it('the first page loads under 250 KB of gzip-compressed JavaScript and CSS, sent compressed', async () => {
    const page = await newPage(PHONE);
    const loaded: { url: string; encoding?: string }[] = [];
    page.on('response', (response) => {
      if (/\.(js|css)$/.test(new URL(response.url()).pathname))
        loaded.push({ url: response.url(), encoding: response.headers()['content-encoding'] });
    });
    await page.goto(`${api.url}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(loaded.length).toBeGreaterThan(1);
    const gzipped = loaded.reduce((total, { url }) => total + gzipSync(readFileSync(join(WEB_DIR, new URL(url).pathname))).length, 0);
    console.log(`First page (/login): ${loaded.length} JS/CSS files, ${(gzipped / 1024).toFixed(1)} KB gzip-compressed`);
    expect(gzipped).toBeLessThan(FIRST_LOAD_BUDGET);
    // Files above 1 KB come gzip-compressed over the wire.
    expect(
      loaded
        .filter(({ url }) => readFileSync(join(WEB_DIR, new URL(url).pathname)).length > 1024)
        .every((file) => file.encoding === 'gzip'),
    ).toBe(true);
    await page.context().close();
  });

  it('the API serves the app from its own origin: hashed assets cached for a year, index.html revalidated, API paths untouched', async () => {
    const index = await fetch(`${api.url}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    // Revalidating an unchanged index.html costs a 304, not the page.
    expect((await fetch(`${api.url}/`, { headers: { 'if-none-match': index.headers.get('etag')! } })).status).toBe(304);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect((await fetch(`${api.url}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const deepLink = await fetch(`${api.url}/cohorts/${cohortId}`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toBe(html);

    expect((await fetch(`${api.url}/assets/missing-0000.js`)).status).toBe(404);
    const health = await fetch(`${api.url}/health`);
    expect(health.headers.get('content-type')).toContain('application/json');
    const graphql = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphql.text()).not.toBe(html);
    const calendar = await fetch(`${api.url}/calendar/unknown.ics`);
    expect(await calendar.text()).not.toBe(html);
  });
});

/** How wide the page's content is: wider than the window means the page scrolls sideways. */
const pageWidth = (page: Page): Promise<number> =>
  page.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );

describe('web app: the trainer’s journeys (issue 10)', () => {
  const asAdmin = async <T>(query: string, variables: Record<string, unknown>): Promise<T> =>
    api.ok<T>(query, variables, await new PeopleFactory(api).admin());

  it('a trainer at phone width finds her sessions by day in Niamey time, plans one (refused when double-booked or outside the cohort’s dates) and lands on it', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/`);
    await logIn(page, trainer.email);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Séances' }).click();
    await page.getByRole('heading', { name: 'Séances', level: 1 }).waitFor();
    expect(pathOf(page)).toBe('/sessions');

    // The upcoming session under its day, at Niamey's time with the zone named, and a link to its roll call.
    const upcoming = page.getByRole('listitem').filter({ hasText: UPCOMING_TITLE });
    await upcoming.waitFor();
    expect(await upcoming.innerText()).toContain('09:00 – 12:00 (heure de Niamey)');
    expect(await upcoming.getByText('Prévue').isVisible()).toBe(true);
    expect(await upcoming.getByRole('link', { name: NIAMEY_COHORT }).isVisible()).toBe(true);
    expect(await page.getByText('Atelier 4').count()).toBe(0);
    // No sideways scrolling of the page at 360 px.
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await review(page, 'sessions-calendar');
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
    expect(await upcoming.innerText()).toContain('09:00 – 12:00 (Niamey time)');
    expect(await upcoming.getByText('Scheduled').isVisible()).toBe(true);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Séances', level: 1 }).waitFor();

    // The weeks before: the held sessions, told as held.
    await page.getByRole('link', { name: '← Semaines précédentes' }).click();
    const held = page.getByRole('listitem').filter({ hasText: 'Atelier 4' });
    await held.waitFor();
    expect(await held.getByText('Tenue').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'À partir d’aujourd’hui' }).click();
    await upcoming.waitFor();

    // Only the cohorts not yet over are offered (Ségou's ended in 2021).
    expect(await page.getByRole('link', { name: /^Nouvelle séance/ }).allInnerTexts()).toEqual([`Nouvelle séance : ${NIAMEY_COHORT}`]);
    await page.getByRole('link', { name: `Nouvelle séance : ${NIAMEY_COHORT}` }).click();
    await page.getByRole('heading', { name: 'Nouvelle séance', level: 1 }).waitFor();
    expect(pathOf(page)).toBe(`/cohorts/${niameyCohortId}/sessions/new`);
    expect(await page.getByLabel('Test TRAINER (vous)').isChecked()).toBe(true);
    expect(await page.getByText('Heures à saisir à l’heure de Niamey (Africa/Niamey)').isVisible()).toBe(true);

    // 10:00 in Niamey, two days from now, is inside the upcoming session she already leads.
    await page.getByLabel('Titre').fill('Montage son');
    await page.getByLabel('Thème (facultatif)').fill('sound');
    await page.getByLabel('Date').fill(dayFromToday(2));
    await page.getByLabel('Début').fill('10:00');
    await page.getByLabel('Fin').fill('11:00');
    await page.getByLabel('Lieu (facultatif)').fill('Centre culturel franco-nigérien');
    await page.getByRole('button', { name: 'Créer la séance' }).click();
    await page.getByText(`« ${UPCOMING_TITLE} »`).waitFor();
    const conflict = await descriptionOf(page, 'Début');
    expect(conflict).toContain(`Test TRAINER anime déjà « ${UPCOMING_TITLE} »`);
    expect(conflict).toContain('09:00 – 12:00 (heure de Niamey)');
    expect(await page.getByLabel('Début').getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, 'Fin')).toBe(conflict);
    expect(pathOf(page)).toBe(`/cohorts/${niameyCohortId}/sessions/new`);
    await review(page, 'new-session-conflict');

    // After the cohort's last day: said next to the date, with the cohort's dates.
    await page.getByLabel('Date').fill('2027-08-02');
    await page.getByRole('button', { name: 'Créer la séance' }).click();
    await page.getByText('les dates de la cohorte').waitFor();
    expect(await descriptionOf(page, 'Date')).toContain('31 juillet 2027');

    // In July Paris (the browser) is UTC+2 and Niamey UTC+1: 09:00 typed is 09:00 in Niamey, 08:00 UTC.
    await page.getByLabel('Date').fill('2027-07-06');
    await page.getByLabel('Début').fill('09:00');
    await page.getByLabel('Fin').fill('11:30');
    await page.getByRole('button', { name: 'Créer la séance' }).click();
    await page.getByRole('heading', { name: 'Montage son', level: 1 }).waitFor();
    const created = pathOf(page).replace('/sessions/', '');
    expect(await page.getByText('6 juil. 2027, 09:00 – 11:30').isVisible()).toBe(true);
    const stored = await asAdmin<{ trainingSession: { startsAt: string; endsAt: string; topic: string; trainers: { email: string }[] } }>(
      'query ($id: ID!) { trainingSession(id: $id) { startsAt endsAt topic trainers { email } } }',
      { id: created },
    );
    expect(stored.trainingSession).toEqual({
      startsAt: '2027-07-06T08:00:00.000Z',
      endsAt: '2027-07-06T10:30:00.000Z',
      topic: 'sound',
      trainers: [{ email: trainer.email }],
    });
    await page.context().close();
  }, 90_000);

  it('a trainer sees the progress table with the fellow at risk first and marked in words, then adds a shared and a private note on her page', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/cohorts/${niameyCohortId}`);
    await logIn(page, trainer.email);
    await page.getByRole('heading', { name: NIAMEY_COHORT, level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /Présence aux séances tenues/ });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    // At risk first, said in a badge (not colour only): 2 of 4 held sessions, 50 %.
    const first = await rows.nth(0).innerText();
    expect(first).toContain(AT_RISK_FELLOW);
    expect(first).toContain('À risque');
    expect(first).toContain('2 sur 4');
    expect(first.replace(/[\u202f\u00a0]/g, ' ')).toContain('50 %');
    expect(first).toContain('Le Fleuve et nous (Idée)');
    const second = await rows.nth(1).innerText();
    expect(second).toContain(STEADY_FELLOW);
    expect(second).not.toContain('À risque');
    expect(second.replace(/[\u202f\u00a0]/g, ' ')).toContain('100 %');
    expect(await page.getByText('À risque : 1').isVisible()).toBe(true);
    await review(page, 'cohort-progress');
    // By name, Aïssata comes first; by rate, the lowest first again. The page never scrolls sideways at 360 px.
    await table.getByRole('button', { name: 'Nom' }).click();
    expect(await rows.nth(0).innerText()).toContain(STEADY_FELLOW);
    expect(await table.getByRole('columnheader', { name: 'Nom' }).getAttribute('aria-sort')).toBe('ascending');
    expect(await page.getByText('(ordre : par nom)').isVisible()).toBe(true);
    await table.getByRole('button', { name: 'Taux de présence' }).click();
    expect(await rows.nth(0).innerText()).toContain(AT_RISK_FELLOW);
    expect(await table.getByRole('columnheader', { name: 'Nom' }).getAttribute('aria-sort')).toBeNull();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByRole('link', { name: 'Nouvelle séance' }).getAttribute('href')).toBe(`/cohorts/${niameyCohortId}/sessions/new`);

    await table.getByRole('link', { name: AT_RISK_FELLOW }).click();
    await page.getByRole('heading', { name: AT_RISK_FELLOW, level: 1 }).waitFor();
    expect(pathOf(page)).toBe(`/fellows/${atRiskFellowId}`);
    await page.getByText('Présente ou présent à 2 séances sur 4').waitFor();
    expect(await page.getByRole('link', { name: 'Le Fleuve et nous' }).isVisible()).toBe(true);
    expect(await page.getByText('Aucune note pour l’instant.').isVisible()).toBe(true);

    const notes = page.getByRole('list', { name: 'Notes de suivi' });
    await page.getByLabel('Note', { exact: true }).fill(SHARED_NOTE);
    await page.getByLabel('Partagée avec la personne suivie').check();
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await page.getByRole('status').filter({ hasText: 'Note ajoutée.' }).waitFor();
    await notes.getByRole('listitem').filter({ hasText: SHARED_NOTE }).waitFor();
    // The choice goes back to private after each note: sharing is chosen each time.
    expect(await page.getByLabel('Privée : formatrices, formateurs et responsables seulement').isChecked()).toBe(true);
    await page.getByLabel('Note', { exact: true }).fill(PRIVATE_NOTE);
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await notes.getByRole('listitem').filter({ hasText: PRIVATE_NOTE }).waitFor();
    const shared = await notes.getByRole('listitem').filter({ hasText: SHARED_NOTE }).innerText();
    expect(shared).toContain('Partagée');
    expect(shared).toContain('Par Test TRAINER');
    expect(await notes.getByRole('listitem').filter({ hasText: PRIVATE_NOTE }).innerText()).toContain('Privée');
    expect(await notes.getByRole('listitem').count()).toBe(2);
    await review(page, 'fellow-page');
    await page.context().close();

    // The fellow herself: the API gives her the shared note only.
    const hers = await api.ok<{ feedbackNotes: { body: string; visibility: string }[] }>(
      'query ($id: ID!) { feedbackNotes(fellowId: $id) { body visibility } }',
      { id: atRiskFellowId },
      atRiskFellow.token,
    );
    expect(hers.feedbackNotes).toEqual([{ body: SHARED_NOTE, visibility: 'SHARED' }]);

    // She finds her attendance and the same words on her home, and on her cohort's page nobody's figures.
    const fellowPage = await newPage(PHONE);
    await fellowPage.goto(`${api.url}/`);
    await logIn(fellowPage, atRiskFellow.email);
    await fellowPage.getByText('C’est sous le seuil demandé').waitFor();
    await fellowPage.goto(`${api.url}/cohorts/${niameyCohortId}`);
    await fellowPage.getByRole('heading', { name: NIAMEY_COHORT, level: 1 }).waitFor();
    expect(await fellowPage.getByRole('table').count()).toBe(0);
    expect(await fellowPage.getByText('À risque').count()).toBe(0);
    expect(await fellowPage.getByRole('link', { name: 'Nouvelle séance' }).count()).toBe(0);
    // The planning form's address is no way round: she is told who plans sessions.
    await fellowPage.goto(`${api.url}/cohorts/${niameyCohortId}/sessions/new`);
    await fellowPage.getByText('Seules les formatrices, les formateurs et les responsables planifient les séances.').waitFor();
    expect(await fellowPage.getByRole('button', { name: 'Créer la séance' }).count()).toBe(0);
    await fellowPage.context().close();
  }, 90_000);

  it('a trainer of another cohort opening a Niamey fellow’s page is told she cannot see it', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/fellows/${atRiskFellowId}`);
    await logIn(page, otherTrainer.email);
    await page.getByRole('heading', { name: 'Fiche introuvable', level: 1 }).waitFor();
    expect(await page.getByText('elle n’est dans aucune de vos cohortes').isVisible()).toBe(true);
    expect(await page.getByText(AT_RISK_FELLOW).count()).toBe(0);
    expect(await page.getByText(PRIVATE_NOTE).count()).toBe(0);
    // An address that is no fellow's id at all gets the same page, not a crash.
    await page.goto(`${api.url}/fellows/not-an-id`);
    await page.getByRole('heading', { name: 'Fiche introuvable', level: 1 }).waitFor();
    await page.context().close();
  }, 60_000);

  it('a trainer at phone width finds on her home the roll call to take, her next sessions and who is at risk; the progress table shows status and rate without scrolling', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${api.url}/`);
    await logIn(page, trainer.email);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();

    // Yesterday's session has no roll call yet: it is the one to take, at Niamey time, linked to its page.
    const rollCalls = page.getByRole('list', { name: 'Appels à faire' });
    const due = rollCalls.getByRole('listitem').filter({ hasText: ROLL_CALL_TITLE });
    await due.waitFor();
    expect(await rollCalls.getByRole('listitem').count()).toBe(1);
    expect(await due.innerText()).toContain('09:00 – 12:00 (heure de Niamey)');
    expect(await due.innerText()).toContain(NIAMEY_COHORT);
    expect(await due.getByRole('link', { name: ROLL_CALL_TITLE }).getAttribute('href')).toBe(`/sessions/${rollCallSessionId}`);
    // Held sessions (roll call taken) are not asked for again.
    expect(await rollCalls.getByText('Atelier 4').count()).toBe(0);

    // The next sessions, soonest first: the one in two days leads.
    const upcoming = page.getByRole('list', { name: 'Prochaines séances' });
    const next = upcoming.getByRole('listitem').first();
    expect(await next.innerText()).toContain(UPCOMING_TITLE);
    expect(await next.innerText()).toContain('09:00 – 12:00 (heure de Niamey)');
    expect(await upcoming.getByText(ROLL_CALL_TITLE).count()).toBe(0);
    expect(await upcoming.getByRole('listitem').count()).toBeLessThanOrEqual(5);

    // Who is at risk, per cohort, with the way to the progress table.
    const followUp = page.getByRole('list', { name: 'À suivre' });
    const niamey = followUp.getByRole('listitem').filter({ hasText: NIAMEY_COHORT });
    expect(await niamey.getByText('À risque : 1').isVisible()).toBe(true);
    expect(await niamey.getByRole('link', { name: NIAMEY_COHORT }).getAttribute('href')).toBe(`/cohorts/${niameyCohortId}`);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await review(page, 'home-trainer');

    // Taking the roll call takes it off the list.
    await due.getByRole('link', { name: ROLL_CALL_TITLE }).click();
    await page.getByRole('heading', { name: ROLL_CALL_TITLE, level: 1 }).waitFor();
    expect(pathOf(page)).toBe(`/sessions/${rollCallSessionId}`);
    await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await page.getByRole('status').filter({ hasText: 'Appel enregistré.' }).waitFor();
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Accueil' }).click();
    await page.getByRole('heading', { name: 'Prochaines séances' }).waitFor();
    await page.getByText('Aucun appel en attente').waitFor();
    expect(await page.getByText(ROLL_CALL_TITLE).count()).toBe(0);

    // From the count to the cohort: at 360 px the badge and the rate of the fellow at risk are in view, unscrolled.
    await page.getByRole('list', { name: 'À suivre' }).getByRole('link', { name: NIAMEY_COHORT }).click();
    await page.getByRole('heading', { name: NIAMEY_COHORT, level: 1 }).waitFor();
    const row = page
      .getByRole('table', { name: /Présence aux séances tenues/ })
      .getByRole('row')
      .filter({ hasText: AT_RISK_FELLOW });
    await row.waitFor();
    // Present at the roll call just taken: 3 of 5 held sessions, 60 %, still under the line.
    const badge = row.getByRole('rowheader').getByText('À risque', { exact: true });
    const rate = row.getByRole('cell', { name: /^60\s%$/ });
    for (const shown of [badge, rate]) {
      expect(await shown.isVisible()).toBe(true);
      const box = (await shown.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    // The row header names her and says she is at risk; the columns keep their headers.
    expect(await page.getByRole('rowheader', { name: new RegExp(AT_RISK_FELLOW) }).innerText()).toContain('À risque');
    expect(await page.getByRole('columnheader', { name: 'Taux de présence' }).isVisible()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await review(page, 'cohort-progress-after-roll-call');

    // At 1280 px the status has its own column again, next to the rate.
    await page.setViewportSize(LAPTOP);
    const headers = page.getByRole('table', { name: /Présence aux séances tenues/ }).getByRole('columnheader');
    expect(await headers.allInnerTexts()).toEqual(['Nom', 'Taux de présence', 'Suivi', 'Séances suivies', 'Films (étape)']);
    expect(await row.getByRole('cell', { name: 'À risque' }).isVisible()).toBe(true);
    await page.context().close();
  }, 90_000);
});
