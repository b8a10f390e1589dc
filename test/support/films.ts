import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { JobQueue } from '#queue';
import { fileSource, FilmUploader } from '#upload-client';
import { TestApi } from './api.js';
import { makeVideo, scratchDir } from './media.js';
import { PeopleFactory } from './people.js';

let tinyVideo: string | undefined;

/** A film of a new cohort whose final cut went through the real upload and processing: READY to be screened. */
export async function readyFilm(api: TestApi, worker: INestApplicationContext, people: PeopleFactory, title: string): Promise<string> {
  const admin = await people.admin();
  const cohortId = await people.cohort(await people.programme());
  const fellowId = await people.fellow();
  await people.enroll(cohortId, fellowId);
  const film = await api.ok<{ createFilm: { id: string } }>(
    'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
    { input: { cohortId, title, genre: 'DOCUMENTARY', directorIds: [fellowId] } },
    admin,
  );
  await uploadFinalCut(api, worker, admin, film.createFilm.id);
  return film.createFilm.id;
}

/** Uploads a tiny final cut to an existing film and waits until the worker has made it READY. */
export async function uploadFinalCut(api: TestApi, worker: INestApplicationContext, token: string, filmId: string): Promise<void> {
  tinyVideo ??= makeVideo(join(scratchDir(), 'tiny.mp4'), { seconds: 1, width: 160, height: 90, noise: false });
  const source = await fileSource(tinyVideo);
  const asset = await new FilmUploader({ graphqlUrl: `${api.url}/graphql`, accessToken: token }).upload(source, {
    filmId,
    kind: 'FINAL_CUT',
    fileName: 'final.mp4',
    contentType: 'video/mp4',
  });
  await source.close();
  await (await worker.get(JobQueue).getJob('films.process-asset', `process:${asset.id}`))!.finished();
}

/** A film with no final cut yet. */
export async function draftFilm(api: TestApi, people: PeopleFactory, title: string): Promise<string> {
  const cohortId = await people.cohort(await people.programme());
  const fellowId = await people.fellow();
  await people.enroll(cohortId, fellowId);
  const film = await api.ok<{ createFilm: { id: string } }>(
    'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
    { input: { cohortId, title, genre: 'FICTION', directorIds: [fellowId] } },
    await people.admin(),
  );
  return film.createFilm.id;
}

const STAGES = ['IDEA', 'SYNOPSIS', 'SCRIPT', 'PRE_PRODUCTION', 'SHOOTING', 'EDITING', 'FINAL_CUT'];

/**
 * Walks a film forward through the API, one stage at a time, from where it is up to `stage` (films move forward
 * one stage at a time); `note` goes with the last move.
 */
export async function walkFilmTo(api: TestApi, token: string, filmId: string, stage: string, note: string | null = null): Promise<void> {
  const { film } = await api.ok<{ film: { stage: string } }>('query ($id: ID!) { film(id: $id) { stage } }', { id: filmId }, token);
  const path = STAGES.slice(STAGES.indexOf(film.stage) + 1, STAGES.indexOf(stage) + 1);
  for (const [index, next] of path.entries()) {
    await api.ok(
      'mutation ($id: ID!, $s: FilmStage!, $n: String) { setFilmStage(filmId: $id, stage: $s, note: $n) { id } }',
      { id: filmId, s: next, n: index === path.length - 1 ? note : null },
      token,
    );
  }
}
