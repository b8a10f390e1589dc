/**
 * A film's stages in the web app, in a real browser against the real API: its cohort's trainer sees only the
 * moves the API allows, moves it forward, is told next to the note field that going back needs a reason, goes
 * back with one and finds it in the history; a move made stale by someone else is refused, translated, with the
 * moves still possible.
 */
import type { Browser } from 'playwright-core';
import { TestApi } from '../support/api.js';
import { walkFilmTo } from '../support/films.js';
import { PeopleFactory } from '../support/people.js';
import { descriptionOf, launchBrowser, logIn, newPage, PHONE, review } from '../support/web.js';

const TITLE = 'Les pêcheurs du Niger';
const NOTE = 'Le producteur veut une autre fin.';

let api: TestApi;
let browser: Browser;
let admin: string;
let filmId: string;
let trainer: { email: string };

beforeAll(async () => {
  api = await TestApi.start();
  browser = await launchBrowser();
  const people = new PeopleFactory(api);
  admin = await people.admin();
  const cohortId = await people.cohort(await people.programme());
  const fellowId = await people.fellow();
  await people.enroll(cohortId, fellowId);
  const account = await people.account('TRAINER');
  await people.assignTrainer(cohortId, account.id);
  trainer = account;
  const { createFilm } = await api.ok<{ createFilm: { id: string } }>(
    'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
    { input: { cohortId, title: TITLE, genre: 'DOCUMENTARY', directorIds: [fellowId] } },
    admin,
  );
  filmId = createFilm.id;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('a film’s stages in the web app', () => {
  it('a trainer at phone width moves the film forward by the allowed moves, and back only with a note kept in the history', async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${api.url}/films/${filmId}`);
    await logIn(page, trainer.email);
    await page.getByRole('heading', { name: 'Changer d’étape' }).waitFor();
    const moves = page.getByRole('button', { name: /^Passer à/ });
    expect(await moves.allInnerTexts()).toEqual(['Passer à : Synopsis', 'Passer à : Scénario']);
    // At the first stage there is nothing to go back to.
    expect(await page.getByRole('heading', { name: 'Revenir à une étape précédente' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Passer à : Scénario' }).click();
    await page.getByRole('button', { name: 'Passer à : Tournage' }).waitFor();
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Scénario');
    expect(await moves.allInnerTexts()).toEqual(['Passer à : Préparation', 'Passer à : Tournage']);

    // Going back without a reason is told next to the note field.
    await page.getByLabel('Revenir à', { exact: true }).selectOption('IDEA');
    await page.getByRole('button', { name: 'Revenir à cette étape' }).click();
    expect(await descriptionOf(page, 'Pourquoi revenir en arrière ?')).toBe(
      'Dites pourquoi le film revient en arrière : la note reste dans l’historique.',
    );
    await review(page, 'film-stages');

    await page.getByLabel('Pourquoi revenir en arrière ?').fill(NOTE);
    await page.getByRole('button', { name: 'Revenir à cette étape' }).click();
    await page.getByText(`Motif : ${NOTE}`).waitFor();
    expect(await page.locator('[aria-current="step"]').innerText()).toContain('Idée');
    expect(await moves.allInnerTexts()).toEqual(['Passer à : Synopsis', 'Passer à : Scénario']);
    await page.context().close();
  }, 60_000);

  it('a move made stale by someone else is refused, translated, naming the moves still possible', async () => {
    await walkFilmTo(api, admin, filmId, 'SCRIPT');
    const page = await newPage(browser, PHONE);
    await page.goto(`${api.url}/films/${filmId}`);
    await logIn(page, trainer.email);
    await page.getByRole('button', { name: 'Passer à : Tournage' }).waitFor();
    // Meanwhile a manager sends the film back to the synopsis: from there it cannot jump to shooting.
    await api.ok(
      'mutation ($id: ID!) { setFilmStage(filmId: $id, stage: SYNOPSIS, note: "Réécrire le synopsis") { id } }',
      { id: filmId },
      admin,
    );
    await page.getByRole('button', { name: 'Passer à : Tournage' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Ce changement d’étape n’est pas possible. Étapes possibles : Scénario, Idée.' })
      .waitFor();
    await page.context().close();
  }, 60_000);
});
