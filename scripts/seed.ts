/**
 * npm run seed: loads a demo shaped on one real year of a film-school organisation in Mali and Niger (2021):
 * a young women's fellowship of 10 fellows, an accountability film school of 6 (4 men, 2 women), ten short
 * films, their festival life (a first prize at Clap Ivoire, five selections at the Écrans de Timbuktu),
 * eleven screenings and five funders. People are invented. Everything goes through the domain services, films included: each
 * final cut is a real (tiny) video uploaded to S3 and processed with ffmpeg. Beside 2021, a cohort running today
 * (dates around the day it runs), so that each demo account finds something to do on a first visit.
 *
 * It does nothing when a programme exists already; `npm run dev` runs it on an empty database. Development only:
 * it prints the demo accounts with their passwords.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccessService, RequestContext } from '#access';
import { DatabaseModule, Role, SETTINGS, SettingsModule, type Actor, type Settings } from '#core';
import { EntryStatus, FestivalsModule, FestivalsService } from '#festivals';
import {
  AssetKind,
  FilmGenre,
  FilmStage,
  FilmsModule,
  FilmsService,
  FilmUploadsService,
  MediaProcessingService,
  resolveBinary,
} from '#films';
import { AccountsService, IdentityApiModule } from '#identity';
import { CohortStatus, CohortsService, EnrollmentStatus, FellowsService, Gender, PeopleModule, ProgrammesService } from '#people';
import { QueueModule } from '#queue';
import { ScreeningsModule, ScreeningsService, ScreeningType } from '#screenings';
import {
  AttendanceService,
  AttendanceStatus,
  FeedbackService,
  FeedbackVisibility,
  TrainingModule,
  TrainingSessionsService,
} from '#training';
import { Currency, FunderKind, FundingApiModule, FundingService } from '#funding';
import { DataSource } from 'typeorm';

@Module({
  imports: [
    SettingsModule,
    DatabaseModule.forRoot({ runMigrations: true }),
    QueueModule,
    PeopleModule,
    IdentityApiModule,
    TrainingModule,
    FilmsModule,
    FestivalsModule,
    ScreeningsModule,
    FundingApiModule,
  ],
})
export class SeedModule {}

const DEMO_PASSWORD = 'filmschool-demo';

export async function seed(app: INestApplicationContext): Promise<boolean> {
  const settings = app.get<Settings>(SETTINGS);
  if (settings.nodeEnv === 'production') throw new Error('The demo data is for development: NODE_ENV is production');
  const db = app.get(DataSource);
  if ((await db.query('SELECT 1 FROM programme LIMIT 1')).length) return false;

  const accounts = app.get(AccountsService);
  const adminEmail = settings.admin?.email ?? 'admin@filmschool.local';
  await accounts.ensureAdmin(adminEmail, settings.admin?.password ?? 'filmschool-admin');
  const [{ id: adminId }] = await db.query('SELECT id FROM user_account WHERE email = $1', [adminEmail]);
  const admin: Actor = { id: adminId, role: Role.ADMIN, fellowId: null };
  const scope = RequestContext.forActor(app.get(AccessService), admin);

  const programmes = app.get(ProgrammesService);
  const cohorts = app.get(CohortsService);
  const fellows = app.get(FellowsService);
  const sessions = app.get(TrainingSessionsService);
  const attendance = app.get(AttendanceService);
  const films = app.get(FilmsService);
  const uploads = app.get(FilmUploadsService);
  const processing = app.get(MediaProcessingService);
  const festivals = app.get(FestivalsService);
  const screenings = app.get(ScreeningsService);

  const signUp = async (role: Role, fullName: string, email: string, fellowId?: string) => {
    const invitation = await accounts.invite(admin, { email, fullName, role, fellowId });
    return (await accounts.accept(invitation.token, DEMO_PASSWORD)).user;
  };

  // Programmes and cohorts
  const women = await programmes.create({
    name: 'École de cinéma des jeunes femmes',
    description: 'Dix jeunes femmes du Mali et du Niger formées à réaliser des courts métrages sur l’égalité de genre.',
    countries: ['ML', 'NE'],
  });
  const accountability = await programmes.create({
    name: 'École de cinéma de la redevabilité',
    description: 'Six jeunes de six villes du Mali formés à filmer la redevabilité publique.',
    countries: ['ML'],
  });
  const womenCohort = await cohorts.create({
    programmeId: women.id,
    name: 'Promotion 2021',
    startDate: '2021-02-01',
    endDate: '2021-09-30',
  });
  const accCohort = await cohorts.create({
    programmeId: accountability.id,
    name: 'Promotion 2021',
    startDate: '2021-03-01',
    endDate: '2021-10-31',
  });
  await cohorts.update(womenCohort.id, { status: CohortStatus.COMPLETED });
  await cohorts.update(accCohort.id, { status: CohortStatus.COMPLETED });

  const womenFellows = await Promise.all(
    [
      ['Aïssata Diarra', 'Bamako', 'Bamako', 'ML'],
      ['Mariam Coulibaly', 'Koutiala', 'Sikasso', 'ML'],
      ['Fatoumata Sangaré', 'Yanfolila', 'Sikasso', 'ML'],
      ['Kadidia Maïga', 'Tombouctou', 'Tombouctou', 'ML'],
      ['Hawa Traoré', 'Ségou', 'Ségou', 'ML'],
      ['Oumou Keïta', 'Kayes', 'Kayes', 'ML'],
      ['Zeinabou Issoufou', 'Niamey', 'Niamey', 'NE'],
      ['Rahila Moussa', 'Zinder', 'Zinder', 'NE'],
      ['Balkissa Hamani', 'Tahoua', 'Tahoua', 'NE'],
      ['Safiatou Abdou', 'Maradi', 'Maradi', 'NE'],
    ].map(([fullName, city, region, country]) => fellows.create({ fullName, city, region, country, gender: Gender.FEMALE })),
  );
  const accFellows = await Promise.all(
    [
      ['Moussa Dembélé', 'Bamako', 'Bamako', Gender.MALE],
      ['Seydou Konaté', 'Sikasso', 'Sikasso', Gender.MALE],
      ['Adama Touré', 'Ségou', 'Ségou', Gender.MALE],
      ['Aminata Guindo', 'Mopti', 'Mopti', Gender.FEMALE],
      ['Ibrahim Ag Mohamed', 'Gao', 'Gao', Gender.MALE],
      ['Fadimata Walet', 'Tombouctou', 'Tombouctou', Gender.FEMALE],
    ].map(([fullName, city, region, gender]) => fellows.create({ fullName, city, region, country: 'ML', gender: gender as Gender })),
  );
  for (const f of womenFellows) await cohorts.enroll(womenCohort.id, f.id);
  for (const f of accFellows) await cohorts.enroll(accCohort.id, f.id);

  const manager = await signUp(Role.PROGRAMME_MANAGER, 'Salimata Demo (manager)', 'manager@filmschool.local');
  const trainer = await signUp(Role.TRAINER, 'Boubacar Demo (trainer)', 'trainer@filmschool.local');
  // The demo fellow directs a film (Lire à Koutiala, below), so that her first look at the web app shows her work.
  await signUp(Role.FELLOW, womenFellows[1].fullName, 'fellow@filmschool.local', womenFellows[1].id);
  await cohorts.assignTrainer(womenCohort.id, trainer.id);
  await cohorts.assignTrainer(accCohort.id, trainer.id);

  // Training: a few sessions per cohort with their roll calls
  const topics = ['scriptwriting', 'directing', 'camera', 'sound', 'editing', 'advocacy'];
  for (const [cohort, group, month] of [
    [womenCohort, womenFellows, '03'],
    [accCohort, accFellows, '04'],
  ] as const) {
    for (const [i, topic] of topics.entries()) {
      const day = `2021-${month}-${String(8 + i).padStart(2, '0')}`;
      const session = await sessions.create(scope, {
        cohortId: cohort.id,
        title: `Atelier ${topic}`,
        topic,
        startsAt: new Date(`${day}T09:00:00Z`),
        endsAt: new Date(`${day}T13:00:00Z`),
        location: 'Bamako',
        trainerIds: [trainer.id],
      });
      await attendance.record(
        scope,
        session.id,
        group.map((f, j) => ({
          fellowId: f.id,
          status: (i + j) % 7 === 0 ? AttendanceStatus.ABSENT : (i + j) % 5 === 0 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT,
          note: null,
        })),
      );
    }
  }

  // Films, each with a real final cut
  const filmSpecs: [string, number, string[], FilmGenre][] = [
    ['Lire à Koutiala', 1, ['alphabétisation des femmes rurales'], FilmGenre.DOCUMENTARY],
    ['L’or ou l’école', 2, ['déscolarisation', 'orpaillage'], FilmGenre.DOCUMENTARY],
    ['Les filles du campement', 3, ['éducation des filles', 'zones nomades'], FilmGenre.DOCUMENTARY],
    ['Bamako propre', 0, ['assainissement'], FilmGenre.DOCUMENTARY],
    ['Femmes artistes', 6, ['femmes artistes'], FilmGenre.DOCUMENTARY],
    ['Le silence brisé', 7, ['violences basées sur le genre'], FilmGenre.FICTION],
    ['Protéger l’enfance', 8, ['protection de l’enfance'], FilmGenre.DOCUMENTARY],
    ['Au marché', 9, ['femmes dans l’économie informelle'], FilmGenre.DOCUMENTARY],
    ['Comme les autres', 4, ['enfants handicapés'], FilmGenre.DOCUMENTARY],
    ['Filles de la rue', 5, ['filles vivant dans la rue'], FilmGenre.DOCUMENTARY],
  ];
  const work = mkdtempSync(join(tmpdir(), 'filmschool-seed-'));
  const video = join(work, 'film.mp4');
  execFileSync(resolveBinary('ffmpeg', settings.films.ffmpegPath), [
    '-y',
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=25',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440',
    '-t',
    '3',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    video,
  ]);
  const bytes = readFileSync(video);
  const made: { id: string; title: string }[] = [];
  for (const [title, directorIndex, themes, genre] of filmSpecs) {
    const cohort = title === 'Bamako propre' ? accCohort : womenCohort;
    const director = title === 'Bamako propre' ? accFellows[0] : womenFellows[directorIndex];
    const film = await films.create(scope, {
      cohortId: cohort.id,
      title,
      genre,
      directorIds: [director.id],
      themes,
      languages: ['bm', 'fr'],
    });
    await films.walkTo(scope, film.id, FilmStage.FINAL_CUT);
    const upload = await uploads.start(scope, {
      filmId: film.id,
      kind: AssetKind.FINAL_CUT,
      fileName: `${title}.mp4`,
      byteSize: bytes.length,
      contentType: 'video/mp4',
    });
    const [part] = await uploads.signParts(scope, upload.id, [1]);
    const put = await fetch(part.url, { method: 'PUT', body: bytes });
    await uploads.recordPart(scope, upload.id, 1, put.headers.get('etag') ?? '');
    const asset = await uploads.complete(scope, upload.id);
    await processing.process(asset.id);
    made.push(film);
  }
  rmSync(work, { recursive: true, force: true });
  const byTitle = (title: string) => made.find((f) => f.title === title)!;

  // Festivals
  const edition = async (name: string, country: string, city: string, startDate: string, endDate: string) => {
    const festival = await festivals.createFestival({ name, country, city, website: null });
    return festivals.createEdition({ festivalId: festival.id, year: 2021, startDate, endDate });
  };
  const move = async (filmTitle: string, editionId: string, path: EntryStatus[]) => {
    const entry = await festivals.createEntry(scope, { filmId: byTitle(filmTitle).id, editionId, category: 'Court métrage' });
    for (const status of path) await festivals.changeStatus(scope, entry.id, status, null);
    return entry;
  };
  const clap = await edition('Clap Ivoire', 'CI', 'Abidjan', '2021-10-18', '2021-10-23');
  const ecrans = await edition('Écrans de Timbuktu', 'ML', 'Tombouctou', '2021-12-02', '2021-12-05');
  const agna = await edition('Festival AGNA', 'ML', 'Bamako', '2021-11-10', '2021-11-13');
  const desert = await edition('Festival au Désert', 'ML', 'Tombouctou', '2021-01-15', '2021-01-17');
  const prize = await move('Femmes artistes', clap.id, [EntryStatus.SUBMITTED, EntryStatus.SELECTED]);
  await festivals.recordAward(prize.id, 'Premier prix', 'Documentaire');
  await move('Le silence brisé', clap.id, [EntryStatus.SUBMITTED, EntryStatus.NOT_SELECTED]);
  for (const title of ['Lire à Koutiala', 'L’or ou l’école', 'Les filles du campement', 'Femmes artistes', 'Bamako propre']) {
    await move(title, ecrans.id, [EntryStatus.SUBMITTED, EntryStatus.SELECTED]);
  }
  await move('Au marché', agna.id, [EntryStatus.SUBMITTED, EntryStatus.SELECTED]);
  await move('Protéger l’enfance', desert.id, [EntryStatus.SUBMITTED]);

  // Screenings: six in the regions, five in Bamako, one of them a two-day screening-debate
  const venue = (name: string, city: string, region: string, capacity: number) =>
    screenings.createVenue({ name, city, region, country: 'ML', capacity });
  const ahmedBaba = await venue('Centre Ahmed Baba', 'Tombouctou', 'Tombouctou', 300);
  const regional = await Promise.all([
    venue('Maison des jeunes', 'Ségou', 'Ségou', 200),
    venue('Centre culturel', 'Mopti', 'Mopti', 250),
    venue('Salle polyvalente', 'Gao', 'Gao', 200),
    venue('Foyer des femmes', 'Koutiala', 'Sikasso', 150),
    venue('Place publique', 'Kayes', 'Kayes', 500),
  ]);
  const bamako = await venue('Institut français', 'Bamako', 'Bamako', 400);
  const held = async (
    title: string,
    type: ScreeningType,
    venueId: string,
    day: string,
    lastDay: string,
    filmTitles: string[],
    hosts: string[],
    counts: number[],
  ) => {
    const s = await screenings.create({
      title,
      type,
      venueId,
      startsAt: new Date(`${day}T16:00:00Z`),
      endsAt: new Date(`${lastDay}T20:00:00Z`),
      hosts,
      filmIds: filmTitles.map((t) => byTitle(t).id),
    });
    await screenings.schedule(s.id);
    await screenings.markHeld(s.id);
    const days = lastDay === day ? [day] : [day, lastDay];
    for (const [i, d] of days.entries()) {
      const total = counts[i];
      await screenings.recordAttendance(
        RequestContext.forActor(app.get(AccessService), { id: manager.id, role: Role.PROGRAMME_MANAGER, fellowId: null }),
        {
          screeningId: s.id,
          day: d,
          total,
          female: Math.round(total * 0.55),
          male: total - Math.round(total * 0.55),
          under18: Math.round(total * 0.3),
          idempotencyKey: `seed-${s.id}-${d}`,
        },
      );
    }
  };
  await held(
    'Projection-débat : filles et école',
    ScreeningType.DEBATE,
    ahmedBaba.id,
    '2021-12-10',
    '2021-12-11',
    ['Les filles du campement', 'Lire à Koutiala'],
    ['MINUSMA'],
    [220, 260],
  );
  const regionalFilms = ['L’or ou l’école', 'Au marché', 'Comme les autres', 'Lire à Koutiala', 'Le silence brisé'];
  for (const [i, v] of regional.entries()) {
    await held(
      `Tournée régionale — ${v.city}`,
      ScreeningType.COMMUNITY,
      v.id,
      `2021-11-${String(2 + i * 3).padStart(2, '0')}`,
      `2021-11-${String(2 + i * 3).padStart(2, '0')}`,
      [regionalFilms[i]],
      [],
      [120 + i * 20],
    );
  }
  for (let i = 0; i < 5; i += 1) {
    const day = `2021-10-${String(4 + i * 5).padStart(2, '0')}`;
    await held(
      `Séance à Bamako n°${i + 1}`,
      i === 2 ? ScreeningType.SCHOOL : ScreeningType.COMMUNITY,
      bamako.id,
      day,
      day,
      [filmSpecs[i][0]],
      [],
      [90 + i * 15],
    );
  }

  // Funders: five, of the kinds such programmes answer to (names invented)
  const funding = app.get(FundingService);
  const grant = async (
    name: string,
    kind: FunderKind,
    title: string,
    amount: number,
    currency: Currency,
    programmeIds: string[],
    due: string[],
  ) => {
    const funder = await funding.createFunder({ name, kind });
    await funding.createGrant({
      funderId: funder.id,
      title,
      amount,
      currency,
      startDate: '2021-01-01',
      endDate: '2021-12-31',
      programmeIds,
      reportingDueDates: due,
    });
  };
  await grant(
    'Ambassade partenaire',
    FunderKind.EMBASSY,
    'Cinéma et égalité de genre',
    45_000_000,
    Currency.XOF,
    [women.id],
    ['2021-07-15', '2022-01-31'],
  );
  await grant(
    'Fondation pour les arts',
    FunderKind.FOUNDATION,
    'Écoles de cinéma',
    60_000,
    Currency.EUR,
    [women.id, accountability.id],
    ['2022-02-28'],
  );
  await grant(
    'Agence des Nations unies',
    FunderKind.UN_AGENCY,
    'Projections-débats',
    30_000,
    Currency.USD,
    [accountability.id],
    ['2021-12-31'],
  );
  await grant(
    'ONG internationale',
    FunderKind.NGO,
    'Redevabilité citoyenne',
    25_000_000,
    Currency.XOF,
    [accountability.id],
    ['2022-03-31'],
  );
  await grant(
    'Coopération régionale',
    FunderKind.GOVERNMENT,
    'Tournée régionale',
    15_000_000,
    Currency.XOF,
    [women.id, accountability.id],
    ['2022-01-15'],
  );

  await yearInProgress();
  return true;

  /**
   * A cohort running today, so that each role has something to do on a first visit: the trainer's coming sessions,
   * a roll call to take and a fellow at risk; the demo fellow's coming sessions, her notes, a film being edited
   * to upload a cut to, and the certificate of her first cohort (2021), which she graduated from.
   */
  async function yearInProgress(): Promise<void> {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const current = await cohorts.create({
      programmeId: women.id,
      name: 'Promotion de perfectionnement (Niamey)',
      timeZone: 'Africa/Niamey',
      startDate: day(-60),
      endDate: day(150),
    });
    await cohorts.update(current.id, { status: CohortStatus.ACTIVE });
    const demoFellow = womenFellows[1];
    const group = [
      demoFellow,
      ...(await Promise.all(
        [
          ['Aïchatou Boubacar', 'Niamey', 'Niamey'],
          ['Hadiza Souley', 'Maradi', 'Maradi'],
          ['Ramatou Idrissa', 'Tahoua', 'Tahoua'],
          ['Nafissa Oumarou', 'Dosso', 'Dosso'],
          ['Zalika Garba', 'Zinder', 'Zinder'],
        ].map(([fullName, city, region]) => fellows.create({ fullName, city, region, country: 'NE', gender: Gender.FEMALE })),
      )),
    ];
    for (const f of group) await cohorts.enroll(current.id, f.id);
    await cohorts.assignTrainer(current.id, trainer.id);
    // Her first cohort ended: she graduated, and the worker makes her certificate when it starts.
    for (const f of womenFellows) await cohorts.setEnrollmentStatus(womenCohort.id, f.id, EnrollmentStatus.GRADUATED);

    // Five held workshops (Zalika missed three: at risk), then four to come; 08:30 to 12:30 in Niamey.
    const trainerScope = RequestContext.forActor(app.get(AccessService), { id: trainer.id, role: Role.TRAINER, fellowId: null });
    const workshops = [
      'Écrire un pitch',
      'Le découpage',
      'Filmer un entretien',
      'Le son direct',
      'Dérusher',
      'Le montage',
      'Mixer le son',
      'Étalonner',
      'Présenter son film',
    ];
    for (const [i, title] of workshops.entries()) {
      const date = day(-35 + i * 7);
      const session = await sessions.create(trainerScope, {
        cohortId: current.id,
        title,
        topic: i < 2 ? 'scriptwriting' : i < 4 ? 'camera' : 'editing',
        startsAt: new Date(`${date}T07:30:00Z`),
        endsAt: new Date(`${date}T11:30:00Z`),
        location: 'Centre culturel, Niamey',
        trainerIds: [trainer.id],
      });
      if (i >= 5) continue;
      await attendance.record(
        trainerScope,
        session.id,
        group.map((f, j) => ({
          fellowId: f.id,
          status: j === 5 && i % 2 === 0 ? AttendanceStatus.ABSENT : i === 3 && j === 1 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT,
          note: null,
        })),
      );
    }

    const feedback = app.get(FeedbackService);
    await feedback.add(trainerScope, {
      cohortId: current.id,
      fellowId: demoFellow.id,
      visibility: FeedbackVisibility.SHARED,
      body: 'Tes entretiens sont justes et bien cadrés. Pour le montage, garde les silences : ils disent beaucoup.',
    });
    await feedback.add(trainerScope, {
      cohortId: current.id,
      fellowId: demoFellow.id,
      visibility: FeedbackVisibility.PRIVATE,
      body: 'À encourager pour la sélection aux festivals de l’an prochain.',
    });
    await feedback.add(trainerScope, {
      cohortId: current.id,
      fellowId: group[5].id,
      visibility: FeedbackVisibility.PRIVATE,
      body: 'Trois absences : appeler sa famille avant la prochaine séance.',
    });

    // Her film of this year, being edited: the first cut is hers to upload from the web app.
    const film = await films.create(scope, {
      cohortId: current.id,
      title: 'Les semences de Koutiala',
      genre: FilmGenre.DOCUMENTARY,
      directorIds: [demoFellow.id],
      themes: ['agriculture', 'femmes rurales'],
      languages: ['bm', 'fr'],
    });
    await films.walkTo(scope, film.id, FilmStage.EDITING);
  }
}

export function printDemoAccounts(settings: Settings): void {
  console.log(`Demo accounts (development only), password "${DEMO_PASSWORD}":`);
  console.log('  manager@filmschool.local (PROGRAMME_MANAGER), trainer@filmschool.local (TRAINER), fellow@filmschool.local (FELLOW)');
  console.log(`  and the administrator ${settings.admin?.email ?? 'admin@filmschool.local'}`);
}

/** The Nest context the seed runs in: the domain services on the configured database, S3 and Redis. */
export async function runSeed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const loaded = await seed(app);
    console.log(loaded ? 'Loaded the demo data' : 'The database already holds programmes: no demo data loaded');
    printDemoAccounts(app.get<Settings>(SETTINGS));
  } finally {
    await app.close();
  }
}
