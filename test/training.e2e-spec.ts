import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import ICAL from 'ical.js';
import { JobQueue } from '#queue';
import { StorageService } from '#storage';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';
import { createSession, CREATE_SESSION, RECORD } from './support/training.js';

type Mark = { fellow: { id: string }; status: string; note: string | null };
type History = { fellowId: string; fromStatus: string | null; toStatus: string | null; changedBy: { id: string } };
type Recorded = { recordAttendance: { status: string; attendance: Mark[]; attendanceHistory: History[] } };

describe('training', () => {
  let api: TestApi;
  let people: PeopleFactory;
  let admin: string;
  let cohortId: string;
  let trainer: { id: string; token: string };
  let fellows: string[];

  beforeAll(async () => {
    api = await TestApi.start();
    people = new PeopleFactory(api);
    admin = await people.admin();
    cohortId = await people.cohort(await people.programme(), { startDate: '2021-02-01', endDate: '2021-07-31', timeZone: 'Africa/Bamako' });
    trainer = await people.account('TRAINER');
    await people.assignTrainer(cohortId, trainer.id);
    fellows = [];
    for (const name of ['Awa', 'Binta', 'Coumba', 'Djeneba']) {
      const id = await people.fellow({ fullName: name });
      await people.enroll(cohortId, id);
      fellows.push(id);
    }
  });

  afterAll(async () => {
    await api.close();
  });

  describe('sessions', () => {
    it('refuses an end before the start and a session outside the cohort dates', async () => {
      const base = { cohortId, title: 'Camera', trainerIds: [trainer.id] };
      const backwards = await api.gql(
        CREATE_SESSION,
        { input: { ...base, startsAt: '2021-03-01T12:00:00Z', endsAt: '2021-03-01T09:00:00Z' } },
        trainer.token,
      );
      expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TIMES' });
      // 23:30 UTC on 31 July is still 31 July in Bamako (UTC+0), but a session running past midnight is not.
      const late = await api.gql(
        CREATE_SESSION,
        { input: { ...base, startsAt: '2021-07-31T22:00:00Z', endsAt: '2021-08-01T01:00:00Z' } },
        trainer.token,
      );
      expect(late.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'OUTSIDE_COHORT_DATES',
        cohortStartDate: '2021-02-01',
        cohortEndDate: '2021-07-31',
      });
    });

    it('refuses to book a trainer in two overlapping sessions', async () => {
      const first = await createSession(api, trainer.token, {
        cohortId,
        day: '2021-03-10',
        from: '09:00',
        to: '12:00',
        title: 'Camera moves',
      });
      const overlap = await api.gql(
        CREATE_SESSION,
        { input: { cohortId, title: 'Sound', startsAt: '2021-03-10T11:00:00Z', endsAt: '2021-03-10T13:00:00Z', trainerIds: [trainer.id] } },
        trainer.token,
      );
      // The refusal names the session in the way, with its times and zone, so a form can say it next to the time.
      expect(overlap.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'TRAINER_DOUBLE_BOOKED',
        conflictingSessionId: first,
        conflictingSessionTitle: 'Camera moves',
        conflictingStartsAt: '2021-03-10T09:00:00.000Z',
        conflictingEndsAt: '2021-03-10T12:00:00.000Z',
        conflictingTimeZone: 'Africa/Bamako',
        trainerName: 'Test TRAINER',
      });
      // Back to back is fine.
      await expect(createSession(api, trainer.token, { cohortId, day: '2021-03-10', from: '12:00', to: '14:00' })).resolves.toEqual(
        expect.any(String),
      );
    });

    it('lets only the cohort’s trainers and managers plan its sessions', async () => {
      const outsider = await people.account('TRAINER');
      const refused = await api.gql(
        CREATE_SESSION,
        { input: { cohortId, title: 'Editing', startsAt: '2021-03-11T09:00:00Z', endsAt: '2021-03-11T10:00:00Z' } },
        outsider.token,
      );
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('attendance', () => {
    it('records a roll call, changes nothing when it is sent again, and keeps the history of a correction', async () => {
      const sessionId = await createSession(api, trainer.token, { cohortId, day: '2021-04-01' });
      const rollCall = [
        { fellowId: fellows[0], status: 'PRESENT' },
        { fellowId: fellows[1], status: 'LATE', note: 'bus from Kati' },
        { fellowId: fellows[2], status: 'ABSENT' },
      ];
      const first = await api.ok<Recorded>(RECORD, { s: sessionId, r: rollCall }, trainer.token);
      expect(first.recordAttendance.status).toBe('HELD');
      expect(first.recordAttendance.attendance).toHaveLength(3);
      expect(first.recordAttendance.attendanceHistory).toHaveLength(3);

      const replay = await api.ok<Recorded>(RECORD, { s: sessionId, r: rollCall }, trainer.token);
      expect(replay.recordAttendance.attendanceHistory).toHaveLength(3);
      expect(replay.recordAttendance.attendance).toEqual(first.recordAttendance.attendance);

      const corrected = [...rollCall.slice(0, 2), { fellowId: fellows[2], status: 'EXCUSED', note: 'sick' }];
      const after = await api.ok<Recorded>(RECORD, { s: sessionId, r: corrected }, admin);
      const mark = after.recordAttendance.attendance.find((m) => m.fellow.id === fellows[2]);
      expect(mark).toMatchObject({ status: 'EXCUSED', note: 'sick' });
      const history = after.recordAttendance.attendanceHistory.filter((h) => h.fellowId === fellows[2]);
      expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
        [null, 'ABSENT'],
        ['ABSENT', 'EXCUSED'],
      ]);
      expect(history[1].changedBy.id).not.toBe(trainer.id);
    });

    it('keeps the history in the order the marks were made when 20 roll calls of one session come at once', async () => {
      const sessionId = await createSession(api, trainer.token, { cohortId, day: '2021-04-06' });
      const statuses = ['PRESENT', 'ABSENT', 'LATE', 'EXCUSED'];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.ok(RECORD, { s: sessionId, r: [{ fellowId: fellows[0], status: statuses[i % 4] }] }, trainer.token),
        ),
      );
      const { trainingSession } = await api.ok<{
        trainingSession: { attendance: { status: string }[]; attendanceHistory: { fromStatus: string | null; toStatus: string }[] };
      }>(
        'query ($s: ID!) { trainingSession(id: $s) { attendance { status } attendanceHistory { fromStatus toStatus } } }',
        { s: sessionId },
        admin,
      );
      const history = trainingSession.attendanceHistory;
      // Listed oldest first, each change starts from the mark the one before it left, and the last is the mark kept.
      expect(history[0].fromStatus).toBeNull();
      const broken = history.slice(1).filter((change, i) => change.fromStatus !== history[i].toStatus);
      expect(broken).toEqual([]);
      expect(history.at(-1)!.toStatus).toBe(trainingSession.attendance[0].status);
    });

    it('opens the roll call when the session starts: one taken ahead is refused and the session stays SCHEDULED', async () => {
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const running = await people.cohort(await people.programme(), { startDate: day(-10), endDate: day(60), timeZone: 'Africa/Niamey' });
      await people.assignTrainer(running, trainer.id);
      const fellowId = await people.fellow();
      await people.enroll(running, fellowId);
      const later = await createSession(api, trainer.token, { cohortId: running, day: day(3) });
      const ahead = await api.gql(RECORD, { s: later, r: [{ fellowId, status: 'PRESENT' }] }, trainer.token);
      expect(ahead.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SESSION_NOT_STARTED' });
      const { trainingSession } = await api.ok<{ trainingSession: { status: string; attendance: unknown[] } }>(
        'query ($s: ID!) { trainingSession(id: $s) { status attendance { status } } }',
        { s: later },
        admin,
      );
      expect(trainingSession).toEqual({ status: 'SCHEDULED', attendance: [] });

      // Twenty minutes before the start, the trainer in the room may take it.
      const soon = new Date(Date.now() + 20 * 60_000);
      const { createTrainingSession } = await api.ok<{ createTrainingSession: { id: string } }>(
        CREATE_SESSION,
        {
          input: {
            cohortId: running,
            title: 'Son direct',
            startsAt: soon.toISOString(),
            endsAt: new Date(soon.getTime() + 2 * 3_600_000).toISOString(),
            trainerIds: [trainer.id],
          },
        },
        trainer.token,
      );
      const early = await api.ok<Recorded>(RECORD, { s: createTrainingSession.id, r: [{ fellowId, status: 'PRESENT' }] }, trainer.token);
      expect(early.recordAttendance.status).toBe('HELD');
    });

    it('refuses marks for fellows outside the cohort and duplicate marks, storing nothing', async () => {
      const sessionId = await createSession(api, trainer.token, { cohortId, day: '2021-04-02' });
      const stranger = await people.fellow();
      const outsider = await api.gql(
        RECORD,
        {
          s: sessionId,
          r: [
            { fellowId: fellows[0], status: 'PRESENT' },
            { fellowId: stranger, status: 'PRESENT' },
          ],
        },
        trainer.token,
      );
      expect(outsider.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ENROLLED' });
      const twice = await api.gql(
        RECORD,
        {
          s: sessionId,
          r: [
            { fellowId: fellows[0], status: 'PRESENT' },
            { fellowId: fellows[0], status: 'LATE' },
          ],
        },
        trainer.token,
      );
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DUPLICATE_MARK' });
      const db = api.app.get(DataSource);
      const [{ count }] = await db.query('SELECT count(*)::int AS count FROM attendance_record WHERE session_id = $1', [sessionId]);
      expect(count).toBe(0);
    });

    it('lets a fellow read their own attendance and nobody else’s', async () => {
      const sessionId = await createSession(api, trainer.token, { cohortId, day: '2021-04-03' });
      await api.ok(RECORD, { s: sessionId, r: fellows.map((fellowId) => ({ fellowId, status: 'PRESENT' })) }, trainer.token);
      const awa = await people.account('FELLOW', fellows[0]);
      const seen = await api.ok<{ trainingSession: { attendance: Mark[]; attendanceHistory: History[] } }>(
        'query ($id: ID!) { trainingSession(id: $id) { attendance { fellow { id } status } attendanceHistory { fellowId } } }',
        { id: sessionId },
        awa.token,
      );
      expect(seen.trainingSession.attendance.map((m) => m.fellow.id)).toEqual([fellows[0]]);
      expect(seen.trainingSession.attendanceHistory.map((h) => h.fellowId)).toEqual([fellows[0]]);
      const progress = await api.ok<{ cohortProgress: { fellow: { id: string } }[] }>(
        'query ($c: ID!) { cohortProgress(cohortId: $c) { fellow { id } } }',
        { c: cohortId },
        awa.token,
      );
      expect(progress.cohortProgress.map((p) => p.fellow.id)).toEqual([fellows[0]]);
    });
  });

  describe('progress', () => {
    it('computes attendance rate and atRisk over the held sessions of a cohort', async () => {
      const cohort = await people.cohort(await people.programme(), { startDate: '2021-02-01', endDate: '2021-07-31' });
      await people.assignTrainer(cohort, trainer.id);
      const [regular, late, absent] = [
        await people.fellow({ fullName: 'Regular' }),
        await people.fellow({ fullName: 'Late' }),
        await people.fellow({ fullName: 'Absent' }),
      ];
      for (const id of [regular, late, absent]) await people.enroll(cohort, id);
      // Four held sessions: Regular present at all, Late late at three and excused once, Absent present once.
      for (let i = 0; i < 4; i += 1) {
        const sessionId = await createSession(api, trainer.token, { cohortId: cohort, day: `2021-05-0${i + 1}` });
        await api.ok(
          RECORD,
          {
            s: sessionId,
            r: [
              { fellowId: regular, status: 'PRESENT' },
              { fellowId: late, status: i === 3 ? 'EXCUSED' : 'LATE' },
              { fellowId: absent, status: i === 0 ? 'PRESENT' : 'ABSENT' },
            ],
          },
          trainer.token,
        );
      }
      // A planned and a cancelled session do not count as held.
      await createSession(api, trainer.token, { cohortId: cohort, day: '2021-05-20' });
      const cancelled = await createSession(api, trainer.token, { cohortId: cohort, day: '2021-05-21' });
      await api.ok('mutation ($id: ID!) { cancelTrainingSession(id: $id, reason: "rain") { status } }', { id: cancelled }, trainer.token);

      const data = await api.ok<{
        cohortProgress: {
          fellow: { fullName: string };
          sessionsHeld: number;
          sessionsAttended: number;
          attendanceRate: number;
          atRisk: boolean;
        }[];
      }>(
        'query ($c: ID!) { cohortProgress(cohortId: $c) { fellow { fullName } sessionsHeld sessionsAttended attendanceRate atRisk } }',
        { c: cohort },
        trainer.token,
      );
      expect(data.cohortProgress).toEqual([
        { fellow: { fullName: 'Absent' }, sessionsHeld: 4, sessionsAttended: 1, attendanceRate: 0.25, atRisk: true },
        { fellow: { fullName: 'Late' }, sessionsHeld: 4, sessionsAttended: 3, attendanceRate: 0.75, atRisk: false },
        { fellow: { fullName: 'Regular' }, sessionsHeld: 4, sessionsAttended: 4, attendanceRate: 1, atRisk: false },
      ]);
    });

    it('shows a fellow only the feedback shared with them', async () => {
      const note = 'mutation ($input: AddFeedbackNoteInput!) { addFeedbackNote(input: $input) { id } }';
      await api.ok(
        note,
        { input: { fellowId: fellows[1], cohortId, body: 'Strong framing in the rushes', visibility: 'SHARED' } },
        trainer.token,
      );
      await api.ok(
        note,
        { input: { fellowId: fellows[1], cohortId, body: 'Check in about family pressure', visibility: 'PRIVATE' } },
        trainer.token,
      );
      const binta = await people.account('FELLOW', fellows[1]);
      const list = 'query ($f: ID!) { feedbackNotes(fellowId: $f) { body visibility author { id } } }';
      const own = await api.ok<{ feedbackNotes: { body: string }[] }>(list, { f: fellows[1] }, binta.token);
      expect(own.feedbackNotes.map((n) => n.body)).toEqual(['Strong framing in the rushes']);
      const all = await api.ok<{ feedbackNotes: { body: string }[] }>(list, { f: fellows[1] }, trainer.token);
      expect(all.feedbackNotes).toHaveLength(2);
      expect(await api.errorCode(list, { f: fellows[0] }, binta.token)).toBe('FORBIDDEN');
    });
  });

  describe('certificates', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
      await worker.init();
    });

    afterAll(async () => {
      await worker.close();
    });

    it('makes one certificate per graduation, downloadable by the fellow and verifiable by its code', async () => {
      const fellowId = await people.fellow({ fullName: 'Fatoumata Graduate' });
      await people.enroll(cohortId, fellowId);
      const graduate = 'mutation ($c: ID!, $f: ID!) { setEnrollmentStatus(cohortId: $c, fellowId: $f, status: GRADUATED) { id status } }';
      const { setEnrollmentStatus } = await api.ok<{ setEnrollmentStatus: { id: string } }>(graduate, { c: cohortId, f: fellowId }, admin);

      const queue = worker.get(JobQueue);
      const job = await queue.getJob('training.issue-certificate', `certificate:${setEnrollmentStatus.id}`);
      await expect(job!.finished()).resolves.toEqual({ status: 'done', detail: { code: expect.any(String) } });
      // A second run of the same job (a retry after a crash) and a second graduation make nothing new.
      const rerun = await queue.add('training.issue-certificate', { enrollmentId: setEnrollmentStatus.id });
      await expect((await queue.getJob('training.issue-certificate', rerun))!.finished()).resolves.toMatchObject({ status: 'skipped' });
      await api.ok(graduate, { c: cohortId, f: fellowId }, admin);
      const db = api.app.get(DataSource);
      const rows: { code: string; object_key: string }[] = await db.query(
        'SELECT code, object_key FROM certificate WHERE enrollment_id = $1',
        [setEnrollmentStatus.id],
      );
      expect(rows).toHaveLength(1);
      const pdf = await api.app.get(StorageService).read(rows[0].object_key);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      const account = await people.account('FELLOW', fellowId);
      const mine = await api.ok<{ certificates: { code: string; downloadUrl: string }[] }>(
        'query ($f: ID!) { certificates(fellowId: $f) { code downloadUrl } }',
        { f: fellowId },
        account.token,
      );
      expect(mine.certificates).toEqual([{ code: rows[0].code, downloadUrl: expect.stringContaining('X-Amz-Signature') }]);
      const download = await fetch(mine.certificates[0].downloadUrl);
      expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

      const verify = 'query ($code: String!) { verifyCertificate(code: $code) { fellowName programmeName cohortName completedOn } }';
      const verified = await api.ok<{ verifyCertificate: { fellowName: string; completedOn: string } }>(verify, {
        code: rows[0].code.toLowerCase(),
      });
      expect(verified.verifyCertificate).toMatchObject({ fellowName: 'Fatoumata Graduate', completedOn: '2021-07-31' });
      expect((await api.ok<{ verifyCertificate: null }>(verify, { code: 'FS-XXXXX-XXXXX' })).verifyCertificate).toBeNull();
    });
  });

  describe('certificate reconciliation', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
      await worker.init();
    });

    afterAll(async () => {
      await worker.close();
    });

    it('makes the certificate of a graduation whose job was lost', async () => {
      const fellowId = await people.fellow({ fullName: 'Lost Job' });
      await people.enroll(cohortId, fellowId);
      const db = api.app.get(DataSource);
      // A graduation committed without its job, as if Redis had been unreachable at that moment.
      const [enrollment] = await db.query("UPDATE enrollment SET status = 'GRADUATED' WHERE fellow_id = $1 RETURNING id", [fellowId]);
      const queue = worker.get(JobQueue);
      const reconcile = await queue.add('training.reconcile-certificates', {});
      await expect((await queue.getJob('training.reconcile-certificates', reconcile))!.finished()).resolves.toMatchObject({
        status: 'done',
      });
      await expect(
        (await queue.getJob('training.issue-certificate', `certificate:${enrollment[0].id}`))!.finished(),
      ).resolves.toMatchObject({ status: 'done' });
      const rows = await db.query('SELECT code FROM certificate WHERE enrollment_id = $1', [enrollment[0].id]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('calendar', () => {
    it('gives each user a private feed of their sessions, with cancelled ones marked, that a calendar library reads', async () => {
      const other = await people.cohort(await people.programme(), { startDate: '2021-01-01', endDate: '2031-12-31' });
      const own = await people.cohort(await people.programme(), { startDate: '2021-01-01', endDate: '2031-12-31' });
      const fellowId = await people.fellow();
      await people.enroll(own, fellowId);
      const soon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      const kept = await createSession(api, admin, { cohortId: own, day: soon, title: 'Montage' });
      const dropped = await createSession(api, admin, { cohortId: own, day: soon, from: '14:00', to: '16:00', title: 'Son' });
      await api.ok('mutation ($id: ID!) { cancelTrainingSession(id: $id) { id } }', { id: dropped }, admin);
      await createSession(api, admin, { cohortId: other, day: soon, title: 'Not hers' });

      const account = await people.account('FELLOW', fellowId);
      const { issueCalendarFeed: url } = await api.ok<{ issueCalendarFeed: string }>('mutation { issueCalendarFeed }', {}, account.token);
      const path = new URL(url).pathname;
      const response = await fetch(`${api.url}${path}`);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      const events = calendar.getAllSubcomponents('vevent').map((event) => ({
        uid: event.getFirstPropertyValue('uid'),
        summary: String(event.getFirstPropertyValue('summary')),
        status: event.getFirstPropertyValue('status'),
      }));
      expect(events).toEqual([
        { uid: `${kept}@filmschool`, summary: expect.stringContaining('Montage'), status: 'CONFIRMED' },
        { uid: `${dropped}@filmschool`, summary: expect.stringContaining('Son'), status: 'CANCELLED' },
      ]);

      await api.ok('mutation { issueCalendarFeed }', {}, account.token);
      expect((await fetch(`${api.url}${path}`)).status).toBe(404);
    });
  });
});
