/**
 * A fellow's own training in the web app, in a real browser against the real API and worker: her attendance
 * and whether it puts her at risk, her coming sessions and her mark at the past ones (at her cohort's time,
 * not the browser's), the notes her trainer shared with her (never the private ones), and her certificate,
 * downloaded once she has graduated. Another fellow of the same cohort sees none of it.
 */
import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { JobQueue } from '#queue';
import type { Browser, Page } from 'playwright-core';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { TestApi } from '../support/api.js';
import { launchBrowser, logIn, newPage, PHONE, review } from '../support/web.js';
import { PeopleFactory } from '../support/people.js';
import { createSession, RECORD } from '../support/training.js';

const DAY = 86_400_000;
/** A calendar date `offset` days from today: the cohort runs around the day the test runs. */
const day = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

const COHORT = 'Cohorte de Tombouctou';
const COMING = 'Montage : le rythme';
const SHARED_NOTE = 'Très beau travail sur la lumière naturelle, continue ainsi.';
const PRIVATE_NOTE = 'Assiduité à suivre de près avec la coordination.';

let api: TestApi;
let worker: INestApplicationContext;
let browser: Browser;
let people: PeopleFactory;
let admin: string;
let cohortId: string;
let fellowId: string;
let fellow: { email: string };
let other: { email: string };
let trainerEmail: string;
let comingId: string;

beforeAll(async () => {
  api = await TestApi.start();
  // The worker makes the certificate when she graduates.
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await worker.init();
  browser = await launchBrowser();

  people = new PeopleFactory(api);
  admin = await people.admin();
  // Bamako is UTC+0 and the browser is in Paris (UTC+1 or +2): a time shown in the browser's zone would be wrong.
  cohortId = await people.cohort(await people.programme('École de cinéma des jeunes femmes'), {
    name: COHORT,
    timeZone: 'Africa/Bamako',
    startDate: day(-120),
    endDate: day(120),
  });
  fellowId = await people.fellow({ fullName: 'Mariama Cissé' });
  const otherId = await people.fellow({ fullName: 'Hawa Sidibé' });
  await people.enroll(cohortId, fellowId);
  await people.enroll(cohortId, otherId);
  fellow = await people.account('FELLOW', fellowId);
  other = await people.account('FELLOW', otherId);
  const trainer = await people.account('TRAINER');
  await people.assignTrainer(cohortId, trainer.id);

  // Five held sessions: she came to two (40 %, under the 75 % threshold after four: at risk); Hawa to all.
  const marks = ['PRESENT', 'ABSENT', 'ABSENT', 'PRESENT', 'ABSENT'];
  for (const [index, status] of marks.entries()) {
    const sessionId = await createSession(api, admin, { cohortId, day: day(-70 + index * 7), title: `Atelier ${index + 1}` });
    await api.ok(
      RECORD,
      {
        s: sessionId,
        r: [
          { fellowId, status },
          { fellowId: otherId, status: 'PRESENT' },
        ],
      },
      trainer.token,
    );
  }
  comingId = await createSession(api, admin, { cohortId, day: day(10), from: '09:00', to: '12:00', title: COMING });
  trainerEmail = trainer.email;

  const note = 'mutation ($input: AddFeedbackNoteInput!) { addFeedbackNote(input: $input) { id } }';
  await api.ok(note, { input: { cohortId, fellowId, body: SHARED_NOTE, visibility: 'SHARED' } }, trainer.token);
  await api.ok(note, { input: { cohortId, fellowId, body: PRIVATE_NOTE, visibility: 'PRIVATE' } }, trainer.token);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await worker?.close();
  await api?.close();
});

async function home(email: string): Promise<Page> {
  const page = await newPage(browser, PHONE);
  await page.goto(`${api.url}/`);
  await logIn(page, email);
  await page.getByRole('heading', { name: COHORT }).waitFor();
  return page;
}

describe('a fellow’s own training', () => {
  it('shows her attendance and the risk, her sessions at the cohort’s time with her marks, and only the notes shared with her', async () => {
    const page = await home(fellow.email);
    await page.getByText('Votre assiduité : 40 % (2 séances suivies sur 5).').waitFor();
    expect(await page.getByText('C’est sous le seuil demandé').isVisible()).toBe(true);

    const coming = page.getByRole('list', { name: 'Prochaines séances' }).getByRole('listitem');
    expect(await coming.count()).toBe(1);
    const comingText = await coming.innerText();
    expect(comingText).toContain(COMING);
    // 09:00 UTC is 09:00 in Bamako, whatever the browser's own zone says.
    expect(comingText).toMatch(/09:00 – 12:00/);

    const past = page.getByRole('list', { name: 'Séances passées et votre présence' }).getByRole('listitem');
    expect(await past.count()).toBe(5);
    // Newest first: the last workshop, where she was absent, leads.
    expect(await past.first().innerText()).toContain('Atelier 5');
    expect(await past.filter({ hasText: 'Absent·e' }).count()).toBe(3);
    expect(await past.filter({ hasText: 'Présent·e' }).count()).toBe(2);

    const notes = page.getByRole('list', { name: 'Retours de vos formatrices et formateurs' });
    expect(await notes.innerText()).toContain(SHARED_NOTE);
    expect(await notes.innerText()).toContain('Test TRAINER');
    expect(await page.getByText(PRIVATE_NOTE).count()).toBe(0);
    expect(await page.getByText('Votre certificat de fin de formation sera ici').isVisible()).toBe(true);
    await review(page, 'fellow-home');
    await page.context().close();
  }, 60_000);

  it('another fellow of the cohort sees her own figures and none of the first one’s notes', async () => {
    const page = await home(other.email);
    await page.getByText('Votre assiduité : 100 % (5 séances suivies sur 5).').waitFor();
    expect(await page.getByText('C’est sous le seuil demandé').count()).toBe(0);
    expect(await page.getByText('Aucun retour partagé avec vous pour l’instant.').isVisible()).toBe(true);
    expect(await page.getByText(SHARED_NOTE).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('in English, the same figures', async () => {
    const page = await home(fellow.email);
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await page.getByText('Your attendance: 40% (2 of 5 sessions attended).').waitFor();
    expect(await page.getByRole('heading', { name: 'Feedback from your trainers' }).isVisible()).toBe(true);
    await page.context().close();
  }, 60_000);

  it('once she graduates, her certificate is there and downloads as a PDF', async () => {
    const graduate = 'mutation ($c: ID!, $f: ID!) { setEnrollmentStatus(cohortId: $c, fellowId: $f, status: GRADUATED) { id } }';
    const { setEnrollmentStatus } = await api.ok<{ setEnrollmentStatus: { id: string } }>(graduate, { c: cohortId, f: fellowId }, admin);
    const job = await worker.get(JobQueue).getJob('training.issue-certificate', `certificate:${setEnrollmentStatus.id}`);
    await job!.finished();

    const page = await home(fellow.email);
    const certificates = page.getByRole('list', { name: 'Mon certificat' });
    await certificates.waitFor();
    expect(await certificates.innerText()).toContain(`Certificat de fin de formation : ${COHORT}`);
    expect(await certificates.innerText()).toMatch(/Code de vérification : FS-/);
    // She graduated before the cohort's last day: the certificate is dated today, not in the future.
    const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Africa/Bamako' }).format(new Date());
    expect(await certificates.innerText()).toContain(`terminée le ${today}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      certificates.getByRole('button', { name: 'Télécharger le certificat (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certificate-FS-.+\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await review(page, 'fellow-certificate');
    await page.context().close();
  }, 60_000);

  it('tells plainly what cannot be shown: an address naming nothing, the trainers’ table, a roll call not yet open', async () => {
    const page = await home(fellow.email);
    expect(await page.title()).toBe('Bonjour Test FELLOW · Filmschool');
    for (const address of ['/films/not-a-film', '/sessions/123', `/films/${comingId}`]) {
      await page.goto(`${api.url}${address}`);
      await page.getByRole('heading', { name: 'Page introuvable', level: 1 }).waitFor();
      expect(await page.getByRole('link', { name: 'Retour à l’accueil' }).isVisible()).toBe(true);
    }
    // Her cohort's page: no table of the cohort's progress holding her line alone.
    await page.goto(`${api.url}/cohorts/${cohortId}`);
    await page.getByRole('heading', { name: COHORT, level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Progression' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    await page.context().close();

    // The trainer on the coming session's page: no roll call to fill in ten days ahead.
    const trainerPage = await newPage(browser, PHONE);
    await trainerPage.goto(`${api.url}/sessions/${comingId}`);
    await logIn(trainerPage, trainerEmail);
    await trainerPage.getByRole('heading', { name: COMING, level: 1 }).waitFor();
    await trainerPage.getByText('L’appel s’ouvrira au début de la séance').waitFor();
    expect(await trainerPage.getByRole('button', { name: 'Enregistrer l’appel' }).count()).toBe(0);
    await trainerPage.context().close();
  }, 60_000);
});
