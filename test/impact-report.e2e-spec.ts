import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { parseCsv } from '#core';
import { JobQueue } from '#queue';
import { DatasetExportService } from '#reports';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { TestApi } from './support/api.js';
import { uploadFinalCut, walkFilmTo } from './support/films.js';
import { PeopleFactory } from './support/people.js';
import { createSession, RECORD } from './support/training.js';

const REPORT = `query ($from: Date!, $to: Date!, $p: ID) { impactReport(from: $from, to: $to, programmeId: $p) {
  from to fellows fellowsByGender { key count } fellowsByRegion { key count } trainingSessionsHeld trainingAttendanceRate
  films filmsCompleted festivalEntries festivalSelections festivalsWithSelections awards
  screeningsHeld screeningsByRegion { key count } screeningAttendance { total female male under18 } } }`;

/**
 * A year of activity built through the API (2019: no other test file writes events in that year, and the
 * whole-organisation figures read the whole shared test database), with events on both sides of the period and in another
 * programme; every figure of the report is checked against values counted by hand below.
 */
describe('impact report', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let people: PeopleFactory;
  let admin: string;
  let programmeP: string;
  let screenedFilm: string;

  const gql = <T>(query: string, variables: Record<string, unknown>) => api.ok<T>(query, variables, admin);
  const film = async (cohortId: string, director: string, title: string, stage: string): Promise<string> => {
    const { createFilm } = await gql<{ createFilm: { id: string } }>(
      'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
      {
        input: { cohortId, title, genre: 'DOCUMENTARY', directorIds: [director] },
      },
    );
    await walkFilmTo(api, admin, createFilm.id, stage);
    return createFilm.id;
  };
  const edition = async (name: string, year: number, start: string, end: string): Promise<string> => {
    const { createFestival } = await gql<{ createFestival: { id: string } }>(
      'mutation ($n: String!) { createFestival(input: { name: $n, country: "ML" }) { id } }',
      { n: name },
    );
    const { createFestivalEdition } = await gql<{ createFestivalEdition: { id: string } }>(
      'mutation ($f: ID!, $y: Int!, $s: Date, $e: Date) { createFestivalEdition(input: { festivalId: $f, year: $y, startDate: $s, endDate: $e }) { id } }',
      { f: createFestival.id, y: year, s: start, e: end },
    );
    return createFestivalEdition.id;
  };
  const entry = async (filmId: string, editionId: string, moves: string[]): Promise<string> => {
    const { createFestivalEntry } = await gql<{ createFestivalEntry: { id: string } }>(
      'mutation ($f: ID!, $e: ID!) { createFestivalEntry(input: { filmId: $f, editionId: $e }) { id } }',
      {
        f: filmId,
        e: editionId,
      },
    );
    for (const s of moves)
      await gql('mutation ($id: ID!, $s: EntryStatus!) { changeEntryStatus(entryId: $id, status: $s) { id } }', {
        id: createFestivalEntry.id,
        s,
      });
    return createFestivalEntry.id;
  };
  const venue = async (region: string): Promise<string> =>
    (
      await gql<{ createVenue: { id: string } }>(
        'mutation ($r: String) { createVenue(input: { name: "Salle", city: "Ville", region: $r, country: "ML", capacity: 500 }) { id } }',
        { r: region },
      )
    ).createVenue.id;
  const heldScreening = async (
    input: Record<string, unknown>,
    days: [string, number, number, number, number][] = [],
    held = true,
  ): Promise<void> => {
    const { createScreening } = await gql<{ createScreening: { id: string } }>(
      'mutation ($input: CreateScreeningInput!) { createScreening(input: $input) { id } }',
      {
        input: { title: 'Projection', type: 'COMMUNITY', ...input },
      },
    );
    const id = createScreening.id;
    await gql('mutation ($id: ID!) { scheduleScreening(id: $id) { id } }', { id });
    if (!held) return;
    await gql('mutation ($id: ID!) { markScreeningHeld(id: $id) { id } }', { id });
    for (const [day, total, female, male, under18] of days) {
      await gql('mutation ($input: ScreeningAttendanceInput!) { recordScreeningAttendance(input: $input) { id } }', {
        input: { screeningId: id, day, total, female, male, under18, idempotencyKey: randomUUID() },
      });
    }
  };

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    people = new PeopleFactory(api);
    admin = await people.admin();

    programmeP = await people.programme('Jeunes femmes cinéastes');
    const programmeQ = await people.programme('Redevabilité');
    const cohortA = await people.cohort(programmeP, { startDate: '2019-02-01', endDate: '2019-07-31' });
    const cohortB = await people.cohort(programmeP, { startDate: '2018-01-01', endDate: '2018-06-30' });
    const cohortC = await people.cohort(programmeQ, { startDate: '2019-09-01', endDate: '2020-03-31' });
    const f1 = await people.fellow({ gender: 'FEMALE', region: 'Ségou' });
    const f2 = await people.fellow({ gender: 'FEMALE', region: 'Mopti' });
    const f3 = await people.fellow({ gender: 'MALE', region: 'Ségou' });
    const f4 = await people.fellow({ gender: 'FEMALE', region: 'Gao' });
    const f5 = await people.fellow({ gender: 'MALE', region: 'Kayes' });
    const f6 = await people.fellow({ gender: 'FEMALE', region: 'Tombouctou' });
    for (const f of [f1, f2, f3, f4]) await people.enroll(cohortA, f);
    await gql('mutation ($c: ID!, $f: ID!) { setEnrollmentStatus(cohortId: $c, fellowId: $f, status: WITHDRAWN) { id } }', {
      c: cohortA,
      f: f4,
    });
    for (const f of [f1, f5]) await people.enroll(cohortB, f);
    for (const f of [f6, f3]) await people.enroll(cohortC, f);

    const roll = async (cohortId: string, day: string, marks: [string, string][]) => {
      const s = await createSession(api, admin, { cohortId, day });
      await gql(RECORD, { s, r: marks.map(([fellowId, status]) => ({ fellowId, status })) });
    };
    await roll(cohortA, '2019-03-01', [
      [f1, 'PRESENT'],
      [f2, 'LATE'],
      [f3, 'ABSENT'],
    ]);
    await roll(cohortA, '2019-03-02', [
      [f1, 'PRESENT'],
      [f2, 'EXCUSED'],
      [f3, 'PRESENT'],
    ]);
    await createSession(api, admin, { cohortId: cohortA, day: '2019-03-03' }); // planned, never held
    await roll(cohortC, '2019-09-10', [
      [f6, 'PRESENT'],
      [f3, 'ABSENT'],
    ]);
    await roll(cohortB, '2018-03-01', [[f1, 'PRESENT']]); // before the period

    const fa1 = await film(cohortA, f1, 'Femmes artistes', 'FINAL_CUT');
    const fa2 = await film(cohortA, f2, 'Au bord du fleuve', 'EDITING');
    const fc1 = await film(cohortC, f6, 'Filles des sables', 'FINAL_CUT');
    const fb1 = await film(cohortB, f5, 'Orpaillage', 'FINAL_CUT');
    screenedFilm = fa1;
    await uploadFinalCut(api, worker, admin, fa1);
    await uploadFinalCut(api, worker, admin, fc1);

    const ecrans = await edition('Écrans de Timbuktu', 2019, '2019-11-01', '2019-11-05');
    const clap = await edition('Clap Ivoire', 2019, '2019-06-10', '2019-06-15');
    const older = await edition('Festival au Désert', 2018, '2018-01-10', '2018-01-12');
    const awarded = await entry(fa1, ecrans, ['SUBMITTED', 'SELECTED']);
    await gql('mutation ($id: ID!) { recordAward(entryId: $id, name: "Premier prix") { id } }', { id: awarded });
    await entry(fa2, ecrans, []); // still a draft
    await entry(fc1, clap, ['SUBMITTED', 'NOT_SELECTED']);
    await entry(fa1, clap, ['SUBMITTED', 'SELECTED']);
    await entry(fb1, older, ['SUBMITTED', 'SELECTED']);

    const tombouctou = await venue('Tombouctou');
    const segou = await venue('Ségou');
    await heldScreening({ venueId: tombouctou, startsAt: '2019-11-20T09:00:00Z', endsAt: '2019-11-21T18:00:00Z', filmIds: [fa1] }, [
      ['2019-11-20', 100, 60, 40, 30],
      ['2019-11-21', 150, 70, 80, 50],
    ]);
    await heldScreening({ venueId: segou, startsAt: '2019-05-05T18:00:00Z', endsAt: '2019-05-05T20:00:00Z', filmIds: [fc1] }, [
      ['2019-05-05', 40, 20, 20, 10],
    ]);
    await heldScreening({ type: 'ONLINE', startsAt: '2019-06-01T18:00:00Z', endsAt: '2019-06-01T20:00:00Z', filmIds: [fa1] });
    await heldScreening({ venueId: segou, startsAt: '2019-07-01T18:00:00Z', endsAt: '2019-07-01T20:00:00Z', filmIds: [fa1] }, [], false);
    await heldScreening({ venueId: segou, startsAt: '2018-12-30T18:00:00Z', endsAt: '2018-12-30T20:00:00Z', filmIds: [fa1] }, [
      ['2018-12-30', 999, 0, 0, 0],
    ]);
  }, 120_000);

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('counts the whole organisation’s year by the dates of the events', async () => {
    const { impactReport } = await gql<{ impactReport: Record<string, unknown> }>(REPORT, { from: '2019-01-01', to: '2019-12-31' });
    expect(impactReport).toEqual({
      from: '2019-01-01',
      to: '2019-12-31',
      fellows: 4,
      fellowsByGender: [
        { key: 'FEMALE', count: 3 },
        { key: 'MALE', count: 1 },
      ],
      fellowsByRegion: [
        { key: 'Ségou', count: 2 },
        { key: 'Mopti', count: 1 },
        { key: 'Tombouctou', count: 1 },
      ],
      trainingSessionsHeld: 3,
      trainingAttendanceRate: 5 / 8,
      films: 3,
      filmsCompleted: 2,
      festivalEntries: 3,
      festivalSelections: 2,
      festivalsWithSelections: ['Clap Ivoire', 'Écrans de Timbuktu'],
      awards: 1,
      screeningsHeld: 3,
      screeningsByRegion: [
        { key: 'ONLINE', count: 1 },
        { key: 'Ségou', count: 1 },
        { key: 'Tombouctou', count: 1 },
      ],
      screeningAttendance: { total: 290, female: 150, male: 140, under18: 90 },
    });
  });

  it('counts one programme’s cohorts and their films only', async () => {
    const { impactReport } = await gql<{ impactReport: Record<string, unknown> }>(REPORT, {
      from: '2019-01-01',
      to: '2019-12-31',
      p: programmeP,
    });
    expect(impactReport).toMatchObject({
      fellows: 3,
      fellowsByGender: [
        { key: 'FEMALE', count: 2 },
        { key: 'MALE', count: 1 },
      ],
      fellowsByRegion: [
        { key: 'Ségou', count: 2 },
        { key: 'Mopti', count: 1 },
      ],
      trainingSessionsHeld: 2,
      films: 2,
      filmsCompleted: 1,
      festivalEntries: 2,
      festivalSelections: 2,
      awards: 1,
      screeningsHeld: 2,
      screeningsByRegion: [
        { key: 'ONLINE', count: 1 },
        { key: 'Tombouctou', count: 1 },
      ],
      screeningAttendance: { total: 250, female: 130, male: 120, under18: 80 },
    });
    expect(impactReport.trainingAttendanceRate).toBeCloseTo(4 / 6);
  });

  it('sums the grants active in the period per funder and currency, and lists reports coming due', async () => {
    const funder = async (name: string, kind: string) =>
      (
        await gql<{ createFunder: { id: string } }>(
          'mutation ($n: String!, $k: FunderKind!) { createFunder(input: { name: $n, kind: $k }) { id } }',
          { n: name, k: kind },
        )
      ).createFunder.id;
    const grant = (input: Record<string, unknown>) =>
      gql('mutation ($input: CreateGrantInput!) { createGrant(input: $input) { id } }', { input });
    const embassy = await funder(`Ambassade ${randomUUID().slice(0, 4)}`, 'EMBASSY');
    const foundation = await funder(`Fondation ${randomUUID().slice(0, 4)}`, 'FOUNDATION');
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await grant({
      funderId: embassy,
      title: 'Films de femmes',
      amount: 25_000_000,
      startDate: '2019-01-01',
      endDate: '2019-12-31',
      programmeIds: [programmeP],
      reportingDueDates: [soon],
    });
    await grant({ funderId: embassy, title: 'Tournée', amount: 5_000_001, startDate: '2019-06-01', endDate: '2020-05-31' });
    await grant({
      funderId: foundation,
      title: 'Redevabilité',
      amount: 40_000.25,
      currency: 'EUR',
      startDate: '2018-07-01',
      endDate: '2019-06-30',
    });
    await grant({
      funderId: foundation,
      title: 'Plus tard',
      amount: 10_000,
      currency: 'EUR',
      startDate: '2020-01-01',
      endDate: '2020-12-31',
    });

    const report =
      'query ($p: ID) { impactReport(from: "2019-01-01", to: "2019-12-31", programmeId: $p) { grantsByFunder { funder currency amount amountText grants } } }';
    const all = await gql<{ impactReport: { grantsByFunder: { funder: string }[] } }>(report, {});
    const mine = all.impactReport.grantsByFunder.filter((g) => g.funder.startsWith('Ambassade') || g.funder.startsWith('Fondation'));
    expect(mine).toEqual(
      expect.arrayContaining([
        { funder: expect.stringMatching(/^Ambassade/), currency: 'XOF', amount: 30_000_001, amountText: '30000001', grants: 2 },
        { funder: expect.stringMatching(/^Fondation/), currency: 'EUR', amount: 40_000.25, amountText: '40000.25', grants: 1 },
      ]),
    );
    expect(mine).toHaveLength(2);
    const forP = await gql<{ impactReport: { grantsByFunder: { amount: number }[] } }>(report, { p: programmeP });
    expect(forP.impactReport.grantsByFunder).toEqual([
      { funder: expect.stringMatching(/^Ambassade/), currency: 'XOF', amount: 25_000_000, amountText: '25000000', grants: 1 },
    ]);

    const due = await gql<{ upcomingReporting: { dueOn: string; grant: { title: string; funder: { kind: string } } }[] }>(
      'query { upcomingReporting(days: 30) { dueOn grant { title funder { kind } } } }',
      {},
    );
    expect(due.upcomingReporting).toContainEqual({ dueOn: soon, grant: { title: 'Films de femmes', funder: { kind: 'EMBASSY' } } });
  });

  it('renders the report as a PDF holding the headline figures and as a workbook with one sheet per dataset', async () => {
    const request =
      'mutation ($f: DocumentFormat!, $l: DocumentLanguage!) { requestImpactReportDocument(from: "2019-01-01", to: "2019-12-31", format: $f, language: $l) { id status } }';
    const rendered = async (format: string, language: string): Promise<Buffer> => {
      const { requestImpactReportDocument } = await gql<{ requestImpactReportDocument: { id: string; status: string } }>(request, {
        f: format,
        l: language,
      });
      expect(requestImpactReportDocument.status).toBe('PENDING');
      const job = await worker.get(JobQueue).getJob('reports.render-document', `report:${requestImpactReportDocument.id}`);
      await expect(job!.finished()).resolves.toMatchObject({ status: 'done' });
      const { reportDocument } = await gql<{ reportDocument: { status: string; progress: number; downloadUrl: string } }>(
        'query ($id: ID!) { reportDocument(id: $id) { status progress downloadUrl } }',
        { id: requestImpactReportDocument.id },
      );
      expect(reportDocument).toMatchObject({ status: 'READY', progress: 100 });
      return Buffer.from(await (await fetch(reportDocument.downloadUrl)).arrayBuffer());
    };

    const pdf = await rendered('PDF', 'FR');
    const { text } = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    expect(text).toContain('Rapport d’activités');
    expect(text).toContain('Boursiers et boursières: 4');
    expect(text).toContain('Projections tenues: 3');
    expect(text).toContain('Spectateurs: 290');
    expect(text).toContain('Femmes artistes — Écrans de Timbuktu 2019 : Premier prix');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await rendered('XLSX', 'EN')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Headline figures',
      'Fellows',
      'Region',
      'Screenings held',
      'Selections and awards by film',
      'Funders',
    ]);
    expect(book.getWorksheet('Screenings held')!.rowCount).toBe(1 + 3);
    expect(book.getWorksheet('Selections and awards by film')!.rowCount).toBe(1 + 2);
  });

  it('exports datasets of the period as CSV and XLSX', async () => {
    const exportQuery =
      'mutation ($d: ExportDataset!, $f: ExportFormat!) { exportDataset(dataset: $d, format: $f, from: "2019-01-01", to: "2019-12-31") { fileName url rows } }';
    const screeningsCsv = await gql<{ exportDataset: { fileName: string; url: string; rows: number } }>(exportQuery, {
      d: 'SCREENINGS',
      f: 'CSV',
    });
    expect(screeningsCsv.exportDataset).toMatchObject({ fileName: 'screenings-2019-01-01-2019-12-31.csv', rows: 4 });
    const text = await (await fetch(screeningsCsv.exportDataset.url)).text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'title,type,status,venue,region,startsAt,endsAt,films,total,female,male,under18',
    );
    expect(text).toContain(',HELD,Salle,Tombouctou,2019-11-20T09:00Z,2019-11-21T18:00Z,Femmes artistes,250,130,120,80');

    const entries = await gql<{ exportDataset: { url: string; rows: number } }>(exportQuery, { d: 'FESTIVAL_ENTRIES', f: 'XLSX' });
    expect(entries.exportDataset.rows).toBe(4);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await fetch(entries.exportDataset.url)).arrayBuffer()) as ArrayBuffer);
    expect(book.getWorksheet('FESTIVAL_ENTRIES')!.rowCount).toBe(5);
  });

  it('is for managers, and refuses a period that ends before it starts', async () => {
    const trainer = await people.account('TRAINER');
    expect(await api.errorCode(REPORT, { from: '2019-01-01', to: '2019-12-31' }, trainer.token)).toBe('FORBIDDEN');
    expect(await api.errorCode(REPORT, { from: '2019-12-31', to: '2019-01-01' }, admin)).toBe('BAD_USER_INPUT');
  });
  describe('a screening around midnight at a venue east of UTC (Niamey, UTC+1)', () => {
    // 2017 and January 2018: no other test file holds screenings in those months.
    const titles = (csv: string): string[] =>
      parseCsv(csv)
        .rows.filter((row) => row.values.status === 'HELD')
        .map((row) => row.values.title)
        .sort();
    const exportedTitles = async (from: string, to: string): Promise<string[]> => {
      const { exportDataset } = await gql<{ exportDataset: { url: string } }>(
        'mutation ($from: Date, $to: Date) { exportDataset(dataset: SCREENINGS, format: CSV, from: $from, to: $to) { url } }',
        { from, to },
      );
      return titles(await (await fetch(exportDataset.url)).text());
    };
    const screeningsHeld = async (from: string, to: string): Promise<number> =>
      (await gql<{ impactReport: { screeningsHeld: number } }>(REPORT, { from, to })).impactReport.screeningsHeld;

    beforeAll(async () => {
      // A venue per screening: two of them overlap in time.
      const at = async (title: string, startsAt: string, endsAt: string) => {
        const { createVenue } = await gql<{ createVenue: { id: string; timeZone: string } }>(
          'mutation { createVenue(input: { name: "Centre culturel", city: "Niamey", region: "Niamey", country: "NE" }) { id timeZone } }',
          {},
        );
        expect(createVenue.timeZone).toBe('Africa/Niamey');
        await heldScreening({ title, venueId: createVenue.id, startsAt, endsAt, filmIds: [screenedFilm] });
      };
      // 21:00 on 31 December 2016 in Niamey, running past midnight: a 2016 screening, although it ends in 2017.
      await at('Saint-Sylvestre', '2016-12-31T20:00:00Z', '2017-01-01T02:00:00Z');
      // 00:30 on 1 January 2017 in Niamey, still 2016 in UTC.
      await at('Réveillon', '2016-12-31T23:30:00Z', '2017-01-01T01:30:00Z');
      // 23:30 on 31 December 2017 in Niamey: late on the last day of the period.
      await at('Veillée', '2017-12-31T22:30:00Z', '2018-01-01T00:30:00Z');
      // 00:30 on 1 January 2018 in Niamey, still 2017 in UTC: not in 2017.
      await at('Minuit', '2017-12-31T23:30:00Z', '2018-01-01T01:30:00Z');
    });

    it('is counted by the local day it starts on, the same by the report and by the export', async () => {
      expect(await exportedTitles('2017-01-01', '2017-12-31')).toEqual(['Réveillon', 'Veillée']);
      expect(await screeningsHeld('2017-01-01', '2017-12-31')).toBe(2);
      expect(await exportedTitles('2018-01-01', '2018-01-31')).toEqual(['Minuit']);
      expect(await screeningsHeld('2018-01-01', '2018-01-31')).toBe(1);
      expect(await exportedTitles('2017-12-31', '2017-12-31')).toEqual(['Veillée']);
      expect(await screeningsHeld('2017-12-31', '2017-12-31')).toBe(1);
    });

    it('renders a dataset export in the worker, once, with its rows and a download link', async () => {
      const request =
        'mutation ($d: ExportDataset!, $f: ExportFormat!, $from: Date!, $to: Date!, $p: ID) { requestDatasetExport(dataset: $d, format: $f, from: $from, to: $to, programmeId: $p) { id kind dataset format status } }';
      const rendered = async (variables: Record<string, unknown>): Promise<{ rowCount: number; body: Buffer }> => {
        const { requestDatasetExport } = await gql<{ requestDatasetExport: { id: string; status: string; kind: string } }>(
          request,
          variables,
        );
        expect(requestDatasetExport).toMatchObject({ status: 'PENDING', kind: 'DATASET_EXPORT' });
        const job = await worker.get(JobQueue).getJob('reports.render-export', `export:${requestDatasetExport.id}`);
        await expect(job!.finished()).resolves.toMatchObject({ status: 'done' });
        const { reportDocument } = await gql<{ reportDocument: { status: string; rowCount: number; downloadUrl: string } }>(
          'query ($id: ID!) { reportDocument(id: $id) { status progress rowCount downloadUrl } }',
          { id: requestDatasetExport.id },
        );
        expect(reportDocument).toMatchObject({ status: 'READY', progress: 100 });
        // A second run of the same job (a retry after a crash) finds the file made and leaves it.
        await expect(worker.get(DatasetExportService).render(requestDatasetExport.id, async () => {})).resolves.toEqual({
          status: 'skipped',
          reason: 'already rendered',
        });
        const download = await fetch(reportDocument.downloadUrl);
        expect(download.headers.get('content-disposition')).toContain(`${String(variables.d).toLowerCase().replace(/_/g, '-')}-`);
        return { rowCount: reportDocument.rowCount, body: Buffer.from(await download.arrayBuffer()) };
      };

      const screenings = await rendered({ d: 'SCREENINGS', f: 'CSV', from: '2017-01-01', to: '2017-12-31' });
      expect(screenings.rowCount).toBe(2);
      expect(titles(screenings.body.toString('utf8'))).toEqual(['Réveillon', 'Veillée']);

      // One programme's films only: the other programme's entry at Clap Ivoire is left out.
      const entries = await rendered({ d: 'FESTIVAL_ENTRIES', f: 'XLSX', from: '2019-01-01', to: '2019-12-31', p: programmeP });
      expect(entries.rowCount).toBe(3);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(entries.body as unknown as ArrayBuffer);
      expect(book.getWorksheet('FESTIVAL_ENTRIES')!.rowCount).toBe(1 + 3);
    });

    it('ends an export FAILED, with its error kept, when its last try fails', async () => {
      const db = api.app.get(DataSource);
      // The programme was deleted between the request and the rendering.
      const [{ id }] = await db.query(
        `INSERT INTO report_document (kind, dataset, format, language, period_from, period_to, programme_id)
         VALUES ('DATASET_EXPORT', 'FILMS', 'CSV', 'EN', '2017-01-01', '2017-12-31', gen_random_uuid()) RETURNING id`,
      );
      const queue = worker.get(JobQueue);
      const jobId = await queue.add('reports.render-export', { documentId: id }, { jobId: `export:${id}`, attempts: 1 });
      expect(jobId).toBe(`export:${id}`);
      await expect((await queue.getJob('reports.render-export', jobId))!.finished()).rejects.toThrow('No programme');
      // The final-failure hook runs on the queue's failed event, just after the job settles.
      const status = async () => (await db.query('SELECT status, failure_reason FROM report_document WHERE id = $1', [id]))[0];
      for (let i = 0; i < 50 && (await status()).status === 'PENDING'; i += 1) await new Promise((r) => setTimeout(r, 50));
      expect(await status()).toEqual({ status: 'FAILED', failure_reason: expect.stringContaining('No programme') });
    });

    it('refuses a CSV impact report, an export period that ends before it starts and callers other than managers', async () => {
      const impactCsv = 'mutation { requestImpactReportDocument(from: "2017-01-01", to: "2017-12-31", format: CSV) { id } }';
      expect(await api.errorCode(impactCsv, {}, admin)).toBe('BAD_USER_INPUT');
      const backwards = 'mutation { requestDatasetExport(dataset: FILMS, format: CSV, from: "2017-12-31", to: "2017-01-01") { id } }';
      expect(await api.errorCode(backwards, {}, admin)).toBe('BAD_USER_INPUT');
      const unknownProgramme = `mutation { requestDatasetExport(dataset: FILMS, format: CSV, from: "2017-01-01", to: "2017-12-31", programmeId: "${randomUUID()}") { id } }`;
      expect(await api.errorCode(unknownProgramme, {}, admin)).toBe('NOT_FOUND');
      const trainer = await people.account('TRAINER');
      const fine = 'mutation { requestDatasetExport(dataset: FILMS, format: CSV, from: "2017-01-01", to: "2017-12-31") { id } }';
      expect(await api.errorCode(fine, {}, trainer.token)).toBe('FORBIDDEN');
    });
  });
});
