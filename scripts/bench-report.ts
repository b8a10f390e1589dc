/**
 * The impact report on a large dataset: at least 200 cohorts, 5,000 fellows, 2,000 films, 20,000 screenings with
 * their daily attendance and 1,000,000 training attendance marks, generated in SQL on a scratch database. Prints
 * the time of the whole report for one year beside the time of its single slowest SQL aggregate run alone.
 */
import { randomBytes } from 'node:crypto';
import { dataSourceOptions } from '#core';
import { MIGRATIONS } from '#migrations';
import { IMPACT_QUERIES, ReportsService } from '#reports';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES, postgresServer } from './lib/database.js';
import { createDatabase, dropDatabase } from './lib/services.js';

const GENERATE = `
INSERT INTO programme (name, countries) SELECT 'Programme ' || i, '{ML,NE}' FROM generate_series(1, 10) i;
INSERT INTO cohort (programme_id, name, start_date, end_date, status, time_zone)
  SELECT p.id, 'Cohort ' || i, date '2020-07-01' + (i % 12) * 30, date '2020-07-01' + (i % 12) * 30 + 240, 'ACTIVE',
         CASE WHEN i % 3 = 0 THEN 'Africa/Niamey' ELSE 'Africa/Bamako' END
    FROM generate_series(1, 200) i JOIN LATERAL (SELECT id FROM programme ORDER BY name OFFSET (i % 10) LIMIT 1) p ON true;
INSERT INTO fellow (full_name, gender, region, country)
  SELECT 'Fellow ' || i, (ARRAY['FEMALE','MALE','FEMALE','OTHER'])[1 + i % 4]::gender,
         (ARRAY['Bamako','Ségou','Sikasso','Mopti','Gao','Tombouctou','Kayes','Niamey','Zinder','Tahoua'])[1 + i % 10], 'ML'
    FROM generate_series(1, 5000) i;
INSERT INTO enrollment (cohort_id, fellow_id, status)
  SELECT c.id, f.id, CASE WHEN f.n % 20 = 0 THEN 'WITHDRAWN'::enrollment_status ELSE 'ENROLLED'::enrollment_status END
    FROM (SELECT id, row_number() OVER (ORDER BY full_name) AS n FROM fellow) f
    JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM cohort) c ON c.n = 1 + f.n % 200;
INSERT INTO training_session (cohort_id, title, starts_at, ends_at, status)
  SELECT c.id, 'Session ' || s, c.start_date + (s % 200) + time '09:00', c.start_date + (s % 200) + time '12:00',
         CASE WHEN s % 10 = 0 THEN 'SCHEDULED'::session_status ELSE 'HELD'::session_status END
    FROM cohort c, generate_series(1, 200) s;
INSERT INTO attendance_record (session_id, fellow_id, status, recorded_at)
  SELECT s.id, e.fellow_id, (ARRAY['PRESENT','PRESENT','LATE','ABSENT','EXCUSED'])[1 + (hashtext(s.id::text || e.fellow_id::text) & 4)]::attendance_status, now()
    FROM training_session s JOIN enrollment e ON e.cohort_id = s.cohort_id;
INSERT INTO film (cohort_id, title, genre, stage)
  SELECT c.id, 'Film ' || i, 'DOCUMENTARY', (ARRAY['IDEA','EDITING','FINAL_CUT'])[1 + i % 3]::film_stage FROM cohort c, generate_series(1, 10) i;
INSERT INTO film_director (film_id, fellow_id, position)
  SELECT DISTINCT ON (f.id) f.id, e.fellow_id, 0 FROM film f JOIN enrollment e ON e.cohort_id = f.cohort_id ORDER BY f.id, e.fellow_id;
INSERT INTO festival (name, country) SELECT 'Festival ' || i, 'ML' FROM generate_series(1, 50) i;
INSERT INTO festival_edition (festival_id, year, start_date, end_date)
  SELECT id, y, make_date(y, 1 + (hashtext(id::text) & 11), 10), make_date(y, 1 + (hashtext(id::text) & 11), 15) FROM festival, generate_series(2020, 2022) y;
INSERT INTO festival_entry (film_id, edition_id, status)
  SELECT DISTINCT ON (f.id, ed.id) f.id, ed.id, (ARRAY['SUBMITTED','SELECTED','NOT_SELECTED','DRAFT'])[1 + (hashtext(f.id::text || ed.id::text) & 3)]::entry_status
    FROM film f JOIN festival_edition ed ON hashtext(f.id::text || ed.id::text) % 40 = 0;
INSERT INTO award (entry_id, name) SELECT id, 'Prix' FROM festival_entry WHERE status = 'SELECTED' AND hashtext(id::text) % 4 = 0;
INSERT INTO venue (name, city, region, country, capacity, time_zone)
  SELECT 'Venue ' || i, 'City', (ARRAY['Bamako','Ségou','Sikasso','Mopti','Gao','Tombouctou'])[1 + i % 6], 'ML', 300, 'Africa/Bamako' FROM generate_series(1, 100) i;
INSERT INTO screening (title, type, status, venue_id, starts_at, ends_at)
  SELECT 'Screening ' || i, 'COMMUNITY', (ARRAY['HELD','HELD','HELD','SCHEDULED','CANCELLED'])[1 + i % 5]::screening_status,
         v.id, timestamptz '2020-06-01 18:00Z' + (i % 900) * interval '1 day', timestamptz '2020-06-01 18:00Z' + (i % 900) * interval '1 day' + interval '2 hours' + (i % 2) * interval '1 day'
    FROM generate_series(1, 20000) i JOIN LATERAL (SELECT id FROM venue ORDER BY name OFFSET (i % 100) LIMIT 1) v ON true;
INSERT INTO screening_film (screening_id, film_id, position)
  SELECT s.id, f.id, 0 FROM (SELECT id, row_number() OVER (ORDER BY title) AS n FROM screening) s
    JOIN (SELECT id, row_number() OVER (ORDER BY title) AS n FROM film) f ON f.n = 1 + s.n % 2000;
INSERT INTO attendance_submission (id, idempotency_key, screening_id, day, total, female, male, under18)
  SELECT gen_random_uuid(), s.id::text || d::text, s.id, d::date, 100, 50, 45, 30
    FROM screening s, generate_series((s.starts_at AT TIME ZONE 'Africa/Bamako')::date, (s.ends_at AT TIME ZONE 'Africa/Bamako')::date, interval '1 day') d
   WHERE s.status = 'HELD';
INSERT INTO screening_day (screening_id, day, total, female, male, under18, submission_id, submitted_at)
  SELECT screening_id, day, total, female, male, under18, id, submitted_at FROM attendance_submission;
ANALYZE;`;

const seconds = (start: number): string => `${((performance.now() - start) / 1000).toFixed(3)} s`;

export async function benchReport(): Promise<void> {
  const server = await postgresServer();
  const database = `filmschool_bench_report_${randomBytes(4).toString('hex')}`;
  const source = new DataSource(
    dataSourceOptions(await createDatabase(server.serverUrl, database), { entities: ALL_ENTITIES, migrations: MIGRATIONS }),
  );
  try {
    await source.initialize();
    await source.runMigrations({ transaction: 'each' });
    let started = performance.now();
    await source.query(GENERATE);
    const [counts] = await source.query(`SELECT (SELECT count(*) FROM cohort) AS cohorts, (SELECT count(*) FROM fellow) AS fellows,
      (SELECT count(*) FROM film) AS films, (SELECT count(*) FROM screening) AS screenings, (SELECT count(*) FROM screening_day) AS screening_days,
      (SELECT count(*) FROM attendance_record) AS marks`);
    console.log(
      `\nImpact report benchmark: generated in ${seconds(started)}:`,
      Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', '),
    );

    const reports = new ReportsService(source);
    await reports.impactReport('2021-01-01', '2021-12-31', null); // warm the caches once
    started = performance.now();
    const report = await reports.impactReport('2021-01-01', '2021-12-31', null);
    const whole = seconds(started);
    const alone: [string, number][] = [];
    for (const [name, sql] of Object.entries(IMPACT_QUERIES)) {
      const t = performance.now();
      await source.query(sql, ['2021-01-01', '2021-12-31', null]);
      alone.push([name, performance.now() - t]);
    }
    const [slowest, ms] = alone.sort((a, b) => b[1] - a[1])[0];
    console.log(
      `  impactReport for 2021: ${whole} (${report.fellows} fellows, ${report.trainingSessionsHeld} sessions held, ${report.screeningsHeld} screenings held)`,
    );
    console.log(`  slowest single aggregate alone: ${slowest}, ${(ms / 1000).toFixed(3)} s (the report runs its aggregates concurrently)`);
  } finally {
    if (source.isInitialized) await source.destroy();
    await dropDatabase(server.serverUrl, database);
    await server.stop();
  }
}
