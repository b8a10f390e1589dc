import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SqlStatementCounter } from '#core';
import { JobQueue } from '#queue';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { TestApi } from './support/api.js';
import { draftFilm, readyFilm } from './support/films.js';
import { PeopleFactory } from './support/people.js';

const MOVE =
  'mutation ($id: ID!, $s: EntryStatus!, $note: String) { changeEntryStatus(entryId: $id, status: $s, note: $note) { status submittedAt decidedAt } }';
const ENTER =
  'mutation ($f: ID!, $e: ID!) { createFestivalEntry(input: { filmId: $f, editionId: $e, category: "Documentaire" }) { id status } }';
const SCREEN = 'mutation ($input: CreateScreeningInput!) { createScreening(input: $input) { id status } }';
const ATTEND = 'mutation ($input: ScreeningAttendanceInput!) { recordScreeningAttendance(input: $input) { id } }';
const TOTALS =
  'query ($id: ID!) { screening(id: $id) { attendance { total female male under18 } attendanceByDay { day count { total female male under18 } overCapacity } } }';

type Totals = {
  screening: {
    attendance: Record<string, number>;
    attendanceByDay: { day: string; count: Record<string, number>; overCapacity: boolean }[];
  };
};

describe('festivals and screenings', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let people: PeopleFactory;
  let admin: string;
  let filmA: string;
  let filmB: string;
  let festivalId: string;

  const edition = async (year: number): Promise<string> =>
    (
      await api.ok<{ createFestivalEdition: { id: string } }>(
        'mutation ($f: ID!, $y: Int!) { createFestivalEdition(input: { festivalId: $f, year: $y, startDate: "2021-10-01", endDate: "2021-10-05" }) { id } }',
        { f: festivalId, y: year },
        admin,
      )
    ).createFestivalEdition.id;

  const enter = async (filmId: string, editionId: string): Promise<string> =>
    (await api.ok<{ createFestivalEntry: { id: string } }>(ENTER, { f: filmId, e: editionId }, admin)).createFestivalEntry.id;

  const venue = async (capacity = 300): Promise<string> =>
    (
      await api.ok<{ createVenue: { id: string } }>(
        'mutation ($c: Int) { createVenue(input: { name: "Centre Ahmed Baba", city: "Tombouctou", region: "Tombouctou", country: "ML", capacity: $c }) { id } }',
        { c: capacity },
        admin,
      )
    ).createVenue.id;

  const screening = async (input: Record<string, unknown>): Promise<string> =>
    (
      await api.ok<{ createScreening: { id: string } }>(
        SCREEN,
        { input: { title: 'Projection-débat', type: 'DEBATE', filmIds: [filmA], ...input } },
        admin,
      )
    ).createScreening.id;

  const held = async (id: string): Promise<void> => {
    await api.ok('mutation ($id: ID!) { scheduleScreening(id: $id) { id } }', { id }, admin);
    await api.ok('mutation ($id: ID!) { markScreeningHeld(id: $id) { id } }', { id }, admin);
  };

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    people = new PeopleFactory(api);
    admin = await people.admin();
    filmA = await readyFilm(api, worker, people, 'Femmes artistes');
    filmB = await readyFilm(api, worker, people, 'Lire à Koutiala');
    festivalId = (
      await api.ok<{ createFestival: { id: string } }>(
        'mutation { createFestival(input: { name: "Clap Ivoire", country: "ci", city: "Abidjan", website: "https://clapivoire.example" }) { id } }',
        {},
        admin,
      )
    ).createFestival.id;
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  describe('festival entries', () => {
    it('makes every allowed move, keeping history and dates', async () => {
      const paths: string[][] = [
        ['SUBMITTED', 'SELECTED', 'DISQUALIFIED'],
        ['SUBMITTED', 'NOT_SELECTED'],
        ['SUBMITTED', 'WITHDRAWN'],
        ['SUBMITTED', 'DISQUALIFIED'],
        ['WITHDRAWN'],
      ];
      for (const [i, path] of paths.entries()) {
        const entry = await enter(filmA, await edition(2010 + i));
        for (const status of path) {
          const moved = await api.ok<{ changeEntryStatus: { status: string; submittedAt: string | null; decidedAt: string | null } }>(
            MOVE,
            { id: entry, s: status, note: `to ${status}` },
            admin,
          );
          expect(moved.changeEntryStatus.status).toBe(status);
          if (path.includes('SUBMITTED')) expect(moved.changeEntryStatus.submittedAt).not.toBeNull();
          if (['SELECTED', 'NOT_SELECTED', 'DISQUALIFIED'].includes(status)) expect(moved.changeEntryStatus.decidedAt).not.toBeNull();
        }
        const history = await api.ok<{
          festivalEntry: { history: { from: string | null; to: string; note: string | null; by: { id: string } }[] };
        }>('query ($id: ID!) { festivalEntry(id: $id) { history { from to note by { id } } } }', { id: entry }, admin);
        expect(history.festivalEntry.history.map((h) => [h.from, h.to])).toEqual([
          [null, 'DRAFT'],
          ...path.map((to, j) => [j === 0 ? 'DRAFT' : path[j - 1], to]),
        ]);
      }
    });

    it('refuses impossible moves, naming the allowed ones', async () => {
      const entry = await enter(filmB, await edition(2020));
      const skip = await api.gql(MOVE, { id: entry, s: 'SELECTED' }, admin);
      expect(skip.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'MOVE_NOT_ALLOWED',
        allowedMoves: ['SUBMITTED', 'WITHDRAWN'],
      });
      await api.ok(MOVE, { id: entry, s: 'SUBMITTED' }, admin);
      await api.ok(MOVE, { id: entry, s: 'NOT_SELECTED' }, admin);
      const back = await api.gql(MOVE, { id: entry, s: 'SELECTED' }, admin);
      expect(back.errors?.[0].message).toContain('nothing: it is final');
    });

    it('allows one entry per film and edition', async () => {
      const editionId = await edition(2021);
      await enter(filmB, editionId);
      const twice = await api.gql(ENTER, { f: filmB, e: editionId }, admin);
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ENTRY_EXISTS' });
    });

    it('gives awards only to selected entries, and shows them in the film’s festival life', async () => {
      const entry = await enter(filmA, await edition(2022));
      const award = 'mutation ($id: ID!) { recordAward(entryId: $id, name: "Premier prix", category: "Documentaire") { id name } }';
      const early = await api.gql(award, { id: entry }, admin);
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AWARD_NEEDS_SELECTION' });
      await api.ok(MOVE, { id: entry, s: 'SUBMITTED' }, admin);
      await api.ok(MOVE, { id: entry, s: 'SELECTED' }, admin);
      await api.ok(award, { id: entry }, admin);
      const life = await api.ok<{
        film: { festivalEntries: { id: string; edition: { year: number; festival: { name: string } }; awards: { name: string }[] }[] };
      }>(
        'query ($id: ID!) { film(id: $id) { festivalEntries { id edition { year festival { name } } awards { name } } } }',
        { id: filmA },
        admin,
      );
      const awarded = life.film.festivalEntries.find((e) => e.id === entry)!;
      expect(awarded).toMatchObject({ edition: { year: 2022, festival: { name: 'Clap Ivoire' } }, awards: [{ name: 'Premier prix' }] });
      expect(life.film.festivalEntries.length).toBeGreaterThan(5);
    });
  });

  describe('screenings', () => {
    it('refuses to programme a film without a READY final cut', async () => {
      const unfinished = await draftFilm(api, people, 'Pas encore montée');
      const refused = await api.gql(
        SCREEN,
        {
          input: {
            title: 'Tôt',
            type: 'ONLINE',
            startsAt: '2021-11-01T18:00:00Z',
            endsAt: '2021-11-01T20:00:00Z',
            filmIds: [filmA, unfinished],
          },
        },
        admin,
      );
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILM_NOT_READY' });
      expect(refused.errors?.[0].message).toContain('Pas encore montée');
    });

    it('refuses to schedule a venue already taken by an overlapping screening, naming it', async () => {
      const venueId = await venue();
      const first = await screening({ title: 'Première', venueId, startsAt: '2021-11-10T16:00:00Z', endsAt: '2021-11-11T20:00:00Z' });
      await api.ok('mutation ($id: ID!) { scheduleScreening(id: $id) { id } }', { id: first }, admin);
      const second = await screening({ title: 'Seconde', venueId, startsAt: '2021-11-11T18:00:00Z', endsAt: '2021-11-11T22:00:00Z' });
      const taken = await api.gql('mutation ($id: ID!) { scheduleScreening(id: $id) { id } }', { id: second }, admin);
      expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VENUE_TAKEN', conflictingScreeningId: first });
      expect(taken.errors?.[0].message).toContain('Première');
    });

    it('sums the attendance of a two-day screening-debate, flags a day over capacity, and refuses inconsistent counts', async () => {
      const id = await screening({
        venueId: await venue(250),
        startsAt: '2021-12-04T09:00:00Z',
        endsAt: '2021-12-05T18:00:00Z',
        filmIds: [filmA, filmB],
        hosts: ['MINUSMA'],
      });
      const early = await api.gql(
        ATTEND,
        { input: { screeningId: id, day: '2021-12-04', total: 10, idempotencyKey: randomUUID() } },
        admin,
      );
      expect(early.errors?.[0].extensions.reason).toBe('NOT_HELD');
      await held(id);
      await api.ok(
        ATTEND,
        { input: { screeningId: id, day: '2021-12-04', total: 180, female: 95, male: 80, under18: 40, idempotencyKey: randomUUID() } },
        admin,
      );
      await api.ok(
        ATTEND,
        { input: { screeningId: id, day: '2021-12-05', total: 260, female: 130, male: 120, under18: 70, idempotencyKey: randomUUID() } },
        admin,
      );
      const totals = await api.ok<Totals>(TOTALS, { id }, admin);
      expect(totals.screening.attendance).toEqual({ total: 440, female: 225, male: 200, under18: 110 });
      expect(totals.screening.attendanceByDay.map((d) => [d.day, d.count.total, d.overCapacity])).toEqual([
        ['2021-12-04', 180, false],
        ['2021-12-05', 260, true],
      ]);

      const tooMany = await api.gql(
        ATTEND,
        { input: { screeningId: id, day: '2021-12-04', total: 100, female: 60, male: 50, idempotencyKey: randomUUID() } },
        admin,
      );
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INCONSISTENT_COUNTS' });
      const children = await api.gql(
        ATTEND,
        { input: { screeningId: id, day: '2021-12-04', total: 100, under18: 101, idempotencyKey: randomUUID() } },
        admin,
      );
      expect(children.errors?.[0].extensions.reason).toBe('INCONSISTENT_COUNTS');
      const outside = await api.gql(
        ATTEND,
        { input: { screeningId: id, day: '2021-12-06', total: 5, idempotencyKey: randomUUID() } },
        admin,
      );
      expect(outside.errors?.[0].extensions.reason).toBe('DAY_OUTSIDE_SCREENING');
      expect((await api.ok<Totals>(TOTALS, { id }, admin)).screening.attendance.total).toBe(440);
    });

    it('counts a submission sent twice with one key once; a new submission replaces the day and both stay on record', async () => {
      const id = await screening({ venueId: await venue(), startsAt: '2021-12-10T09:00:00Z', endsAt: '2021-12-10T12:00:00Z' });
      await held(id);
      const key = randomUUID();
      const input = { screeningId: id, day: '2021-12-10', total: 75, female: 40, male: 35, idempotencyKey: key };
      await api.ok(ATTEND, { input }, admin);
      await api.ok(ATTEND, { input: { ...input, total: 750 } }, admin); // a retry with the same key changes nothing
      expect((await api.ok<Totals>(TOTALS, { id }, admin)).screening.attendance.total).toBe(75);
      await api.ok(ATTEND, { input: { ...input, total: 80, idempotencyKey: randomUUID() } }, admin);
      expect((await api.ok<Totals>(TOTALS, { id }, admin)).screening.attendance.total).toBe(80);
      const trail = await api.app
        .get(DataSource)
        .query('SELECT total FROM attendance_submission WHERE screening_id = $1 ORDER BY submitted_at', [id]);
      expect(trail.map((r: { total: number }) => r.total)).toEqual([75, 80]);
    });

    it('keeps 100 concurrent submissions for 100 days exactly', async () => {
      const start = new Date('2022-01-01T08:00:00Z');
      const id = await screening({
        type: 'ONLINE',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 99 * 86_400_000 + 3600_000).toISOString(),
      });
      await held(id);
      const days = Array.from({ length: 100 }, (_, i) => new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10));
      const results = await Promise.all(
        days.map((day, i) =>
          api.gql(
            ATTEND,
            { input: { screeningId: id, day, total: i + 1, female: i, male: 1, under18: 0, idempotencyKey: randomUUID() } },
            admin,
          ),
        ),
      );
      expect(results.filter((r) => r.errors)).toEqual([]);
      const totals = await api.ok<Totals>(TOTALS, { id }, admin);
      expect(totals.screening.attendanceByDay).toHaveLength(100);
      expect(totals.screening.attendanceByDay.map((d) => d.count.total)).toEqual(days.map((_, i) => i + 1));
      expect(totals.screening.attendance).toEqual({ total: 5050, female: 4950, male: 100, under18: 0 });
    });

    it('lists screenings by period, region, status and film, in as many SQL statements for 50 as for 5', async () => {
      const venueId = await venue();
      for (let i = 0; i < 50; i += 1) {
        const day = new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10);
        await screening({
          title: `Tournée ${i}`,
          venueId,
          startsAt: `${day}T18:00:00Z`,
          endsAt: `${day}T20:00:00Z`,
          filmIds: [filmA, filmB],
        });
      }
      const query =
        'query ($n: Int!) { screenings(first: $n, filter: { from: "2030-01-01T00:00:00Z", to: "2031-01-01T00:00:00Z", region: "tombouctou", status: DRAFT, filmId: "' +
        filmB +
        '" }) { totalCount nodes { title venue { name region } films { title } attendance { total } } } }';
      const statementsFor = async (n: number): Promise<number> => {
        const before = SqlStatementCounter.count;
        const data = await api.ok<{ screenings: { totalCount: number; nodes: { films: unknown[]; venue: { region: string } }[] } }>(
          query,
          { n },
          admin,
        );
        expect(data.screenings.totalCount).toBe(50);
        expect(data.screenings.nodes).toHaveLength(n);
        expect(data.screenings.nodes.every((s) => s.films.length === 2 && s.venue.region === 'Tombouctou')).toBe(true);
        return SqlStatementCounter.count - before;
      };
      expect(await statementsFor(50)).toBe(await statementsFor(5));
    });
  });

  describe('attendance sheets', () => {
    const IMPORT = 'mutation ($csv: String!) { importScreeningAttendance(csv: $csv) { recorded unchanged errors { line reason } } }';

    it('stores a sheet all or nothing, naming bad rows, and changes nothing when the same sheet comes again', async () => {
      const id = await screening({ venueId: await venue(), startsAt: '2021-12-20T09:00:00Z', endsAt: '2021-12-21T18:00:00Z' });
      await held(id);
      const sheet = (rows: string[]) => ['Projection;Jour;Total;Femmes;Hommes;Moins de 18 ans', ...rows].join('\n');
      const bad = await api.ok<{ importScreeningAttendance: { recorded: number; errors: { line: number; reason: string }[] } }>(
        IMPORT,
        { csv: sheet([`${id};2021-12-20;120;60;50;30`, `${id};2021-12-21;100;70;50;20`, `${id};2021-12-22;10;;;`]) },
        admin,
      );
      expect(bad.importScreeningAttendance.recorded).toBe(0);
      expect(bad.importScreeningAttendance.errors).toEqual([
        { line: 3, reason: expect.stringContaining('female (70) + male (50) is more than total (100)') },
        { line: 4, reason: expect.stringContaining('2021-12-22 is not a day of this screening') },
      ]);
      expect((await api.ok<Totals>(TOTALS, { id }, admin)).screening.attendance.total).toBe(0);

      const good = sheet([`${id};2021-12-20;120;60;50;30`, `${id};2021-12-21;100;50;50;20`]);
      const first = await api.ok<{ importScreeningAttendance: Record<string, unknown> }>(IMPORT, { csv: good }, admin);
      expect(first.importScreeningAttendance).toEqual({ recorded: 2, unchanged: 0, errors: [] });
      const again = await api.ok<{ importScreeningAttendance: Record<string, unknown> }>(IMPORT, { csv: good }, admin);
      expect(again.importScreeningAttendance).toEqual({ recorded: 0, unchanged: 2, errors: [] });
      expect((await api.ok<Totals>(TOTALS, { id }, admin)).screening.attendance).toEqual({
        total: 220,
        female: 110,
        male: 100,
        under18: 50,
      });
    });

    it('refuses figures no screening reaches and a file whose accents are not UTF-8, storing nothing', async () => {
      const id = await screening({ venueId: await venue(), startsAt: '2021-12-22T09:00:00Z', endsAt: '2021-12-22T18:00:00Z' });
      await held(id);
      // A typing slip as large as PostgreSQL's integers: stored, every sum of this screening would overflow.
      const huge = await api.gql(
        ATTEND,
        { input: { screeningId: id, day: '2021-12-22', total: 2_147_483_647, idempotencyKey: randomUUID() } },
        admin,
      );
      expect(huge.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const sheet = (rows: string[]) => ['Projection;Jour;Total', ...rows].join('\n');
      const hugeRow = await api.ok<{ importScreeningAttendance: { recorded: number; errors: { line: number; reason: string }[] } }>(
        IMPORT,
        { csv: sheet([`${id};2021-12-22;99999999999`]) },
        admin,
      );
      expect(hugeRow.importScreeningAttendance).toMatchObject({
        recorded: 0,
        errors: [{ line: 2, reason: 'total (99999999999) is more than 100000 spectators in a day' }],
      });
      // "Ségou" saved as Latin-1 and read as UTF-8: the é became U+FFFD.
      const latin1 = new TextDecoder().decode(Buffer.from(`Projection;Jour;Total;Lieu\n${id};2021-12-22;120;S\xe9gou\n`, 'latin1'));
      const garbled = await api.ok<{ importScreeningAttendance: { recorded: number; errors: { line: number; reason: string }[] } }>(
        IMPORT,
        { csv: latin1 },
        admin,
      );
      expect(garbled.importScreeningAttendance).toMatchObject({
        recorded: 0,
        errors: [{ line: 2, reason: expect.stringContaining('CSV UTF-8') }],
      });
      const totals = await api.ok<Totals>(TOTALS, { id }, admin);
      expect(totals.screening.attendance.total).toBe(0);
    });
  });

  describe('reminders and calendar', () => {
    it('notifies managers once of screenings starting tomorrow and of past ones still without attendance', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const soon = await screening({
        title: 'Demain à Ségou',
        venueId: await venue(),
        startsAt: `${tomorrow}T12:00:00Z`,
        endsAt: `${tomorrow}T14:00:00Z`,
      });
      await api.ok('mutation ($id: ID!) { scheduleScreening(id: $id) { id } }', { id: soon }, admin);
      const past = new Date(Date.now() - 4 * 86_400_000).toISOString().slice(0, 10);
      const forgotten = await screening({
        title: 'Sans chiffres',
        type: 'ONLINE',
        startsAt: `${past}T12:00:00Z`,
        endsAt: `${past}T14:00:00Z`,
      });
      await held(forgotten);
      const manager = await people.account('PROGRAMME_MANAGER');

      const queue = worker.get(JobQueue);
      for (let run = 0; run < 2; run += 1) {
        const jobId = await queue.add('screenings.send-reminders', {});
        await expect((await queue.getJob('screenings.send-reminders', jobId))!.finished()).resolves.toMatchObject({ status: 'done' });
      }
      type Note = { id: string; kind: string; subjectId: string; message: string };
      const list = 'query { notifications { id kind subjectId message } }';
      const notes = (await api.ok<{ notifications: Note[] }>(list, {}, manager.token)).notifications.filter((n) =>
        [soon, forgotten].includes(n.subjectId),
      );
      expect(notes.map((n) => [n.kind, n.subjectId]).sort()).toEqual(
        [
          ['SCREENING_ATTENDANCE_MISSING', forgotten],
          ['SCREENING_TOMORROW', soon],
        ].sort(),
      );
      await api.ok('mutation ($id: ID!) { dismissNotification(id: $id) { dismissedAt } }', { id: notes[0].id }, manager.token);
      const left = (await api.ok<{ notifications: Note[] }>(list, {}, manager.token)).notifications.filter((n) =>
        [soon, forgotten].includes(n.subjectId),
      );
      expect(left).toHaveLength(1);
      const fellow = await people.account('TRAINER');
      expect(await api.errorCode('mutation ($id: ID!) { dismissNotification(id: $id) { id } }', { id: notes[1].id }, fellow.token)).toBe(
        'NOT_FOUND',
      );
    });

    it('puts scheduled screenings in the calendar feeds of the films’ directors and managers', async () => {
      const director = await api.ok<{ film: { directors: { id: string }[] } }>(
        'query ($id: ID!) { film(id: $id) { directors { id } } }',
        { id: filmB },
        admin,
      );
      const account = await people.account('FELLOW', director.film.directors[0].id);
      const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const shown = await screening({
        title: 'Lecture publique',
        type: 'ONLINE',
        startsAt: `${day}T18:00:00Z`,
        endsAt: `${day}T20:00:00Z`,
        filmIds: [filmB],
      });
      await api.ok('mutation ($id: ID!) { scheduleScreening(id: $id) { id } }', { id: shown }, admin);
      const draft = await screening({
        title: 'Brouillon',
        type: 'ONLINE',
        startsAt: `${day}T21:00:00Z`,
        endsAt: `${day}T22:00:00Z`,
        filmIds: [filmB],
      });

      const uids = async (token: string): Promise<string[]> => {
        const { issueCalendarFeed } = await api.ok<{ issueCalendarFeed: string }>('mutation { issueCalendarFeed }', {}, token);
        const text = await (await fetch(`${api.url}${new URL(issueCalendarFeed).pathname}`)).text();
        return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')));
      };
      const directorFeed = await uids(account.token);
      expect(directorFeed).toContain(`${shown}@filmschool`);
      expect(directorFeed).not.toContain(`${draft}@filmschool`);
      expect(await uids(admin)).toContain(`${shown}@filmschool`);
      const outsider = await people.account('FELLOW', await people.fellow());
      expect(await uids(outsider.token)).not.toContain(`${shown}@filmschool`);
    });
  });
});
