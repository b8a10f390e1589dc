/**
 * `npm run upload` as a person runs it: cut off (the process killed mid-upload), the same command run again
 * resumes the same upload from a state file and finishes it; nothing is started twice.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';

const CLI = join(process.cwd(), 'dist', 'scripts', 'upload.js');

let api: TestApi;
let dir: string;
let filmId: string;
let token: string;

beforeAll(async () => {
  api = await TestApi.start();
  const people = new PeopleFactory(api);
  const cohortId = await people.cohort(await people.programme());
  const fellowId = await people.fellow();
  await people.enroll(cohortId, fellowId);
  token = (await people.account('FELLOW', fellowId)).token;
  const { createFilm } = await api.ok<{ createFilm: { id: string } }>(
    'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
    { input: { cohortId, title: 'Le marché de Sévaré', genre: 'DOCUMENTARY', directorIds: [fellowId] } },
    await people.admin(),
  );
  filmId = createFilm.id;
  dir = mkdtempSync(join(tmpdir(), 'filmschool-upload-cli-'));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await api.close();
});

/** Runs the command; `stopWhen` kills it (SIGKILL: no clean-up of its own) the moment its output says so. */
function run(file: string, stopWhen?: RegExp): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--film', filmId, file], {
      env: {
        ...process.env,
        FILMSCHOOL_TOKEN: token,
        FILMSCHOOL_API: `${api.url}/graphql`,
        FILMSCHOOL_UPLOAD_STATE: join(dir, 'state.json'),
      },
    });
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (stopWhen?.test(output)) child.kill('SIGKILL');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => resolve({ output, code }));
  });
}

describe('npm run upload', () => {
  it('prints the upload id at once, and run again after being killed, resumes that upload and finishes it', async () => {
    const file = join(dir, 'marche.mp4');
    writeFileSync(file, randomBytes(12 * 1024 * 1024));

    const cut = await run(file, /Upload [0-9a-f-]{36} started/);
    const uploadId = /Upload ([0-9a-f-]{36}) started/.exec(cut.output)![1];
    expect(cut.output).not.toContain('Uploaded:');
    expect(Object.values(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as Record<string, string>)).toEqual([uploadId]);

    const again = await run(file);
    expect(again.code).toBe(0);
    expect(again.output).toContain(`Resuming upload ${uploadId}`);
    expect(again.output).toMatch(/Uploaded: asset [0-9a-f-]{36}, 12582912 bytes, now PROCESSING/);

    // One upload for the film, completed; the state file forgets it.
    const db = api.app.get(DataSource);
    const uploads = await db.query(
      'SELECT id, completed_at FROM film_upload WHERE asset_id IN (SELECT id FROM media_asset WHERE film_id = $1)',
      [filmId],
    );
    expect(uploads).toEqual([{ id: uploadId, completed_at: expect.any(Date) }]);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'))).toEqual({});
  }, 60_000);
});
