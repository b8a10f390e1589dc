import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '#access';
import { localDate, paginate, type Connection } from '#core';
import { AssetKind, AssetStatus, Film, MediaAsset } from '#films';
import { NotificationsService } from '#people';
import type { JobOutcome } from '#queue';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  CreateScreeningInput,
  CreateVenueInput,
  MAX_DAILY_SPECTATORS,
  ScreeningAttendanceInput,
  ScreeningsArgs,
} from './dto/screenings.inputs.js';
import { AttendanceSubmission, Screening, ScreeningFilm, ScreeningStatus, ScreeningType, Venue } from './entities/index.js';
import { screeningsError } from './screenings.errors.js';

const ZONES: Record<string, string> = {
  ML: 'Africa/Bamako',
  NE: 'Africa/Niamey',
  BF: 'Africa/Ouagadougou',
  CI: 'Africa/Abidjan',
  SN: 'Africa/Dakar',
};

/** The moves of a screening; CANCELLED comes with a reason. */
const MOVES: Readonly<Record<ScreeningStatus, readonly ScreeningStatus[]>> = {
  [ScreeningStatus.DRAFT]: [ScreeningStatus.SCHEDULED, ScreeningStatus.CANCELLED],
  [ScreeningStatus.SCHEDULED]: [ScreeningStatus.HELD, ScreeningStatus.CANCELLED],
  [ScreeningStatus.HELD]: [],
  [ScreeningStatus.CANCELLED]: [],
};

/** Every calendar day from one date to another, inclusive, as YYYY-MM-DD. */
function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); day.toISOString().slice(0, 10) <= last; day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

const counts = (input: ScreeningAttendanceInput) => ({ female: input.female ?? 0, male: input.male ?? 0, under18: input.under18 ?? 0 });

/** Venues and screenings: a programme of films shown somewhere, on one or several days, with exact attendance. */
@Injectable()
export class ScreeningsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  listVenues(): Promise<Venue[]> {
    return this.dataSource.getRepository(Venue).find({ order: { country: 'ASC', city: 'ASC', name: 'ASC' } });
  }

  createVenue(input: CreateVenueInput): Promise<Venue> {
    const venues = this.dataSource.getRepository(Venue);
    return venues.save(
      venues.create({ ...input, region: input.region ?? null, capacity: input.capacity ?? null, timeZone: ZONES[input.country] ?? 'UTC' }),
    );
  }

  /** Scheduled, held and cancelled screenings for everyone; drafts for managers only. */
  list(ctx: RequestContext, { filter, ...page }: ScreeningsArgs): Promise<Connection<Screening>> {
    const query = this.dataSource.getRepository(Screening).createQueryBuilder('screening');
    if (filter?.from) query.andWhere('screening.startsAt >= :from', { from: filter.from });
    if (filter?.to) query.andWhere('screening.startsAt < :to', { to: filter.to });
    if (filter?.status) query.andWhere('screening.status = :status', { status: filter.status });
    if (filter?.region) {
      query.andWhere('screening.venue_id IN (SELECT v.id FROM venue v WHERE lower(v.region) = lower(:region))', { region: filter.region });
    }
    if (filter?.filmId) {
      query.andWhere('screening.id IN (SELECT sf.screening_id FROM screening_film sf WHERE sf.film_id = :filmId)', {
        filmId: filter.filmId,
      });
    }
    return paginate(ctx.restrict('screening.read', query), page);
  }

  /** The screening, or null when none has this id or it is a draft the caller may not see. */
  async get(ctx: RequestContext, id: string): Promise<Screening | null> {
    const screening = await this.dataSource.getRepository(Screening).findOneBy({ id });
    return screening && (await ctx.can('screening.read', id)) ? screening : null;
  }

  /** A DRAFT screening; only films with a READY final cut can be programmed. */
  async create(input: CreateScreeningInput): Promise<Screening> {
    if (input.endsAt <= input.startsAt) throw screeningsError('INVALID_TIMES', 'A screening ends after it starts');
    if (input.type !== ScreeningType.ONLINE && !input.venueId)
      throw screeningsError('VENUE_REQUIRED', `A ${input.type} screening takes place at a venue: give venueId`);
    if (input.venueId && !(await this.dataSource.getRepository(Venue).existsBy({ id: input.venueId }))) {
      throw screeningsError('VENUE_NOT_FOUND', `No venue with id ${input.venueId}`);
    }
    const filmIds = [...new Set(input.filmIds)];
    const films = await this.dataSource.getRepository(Film).findBy({ id: In(filmIds) });
    const unknown = filmIds.filter((id) => !films.some((f) => f.id === id));
    if (unknown.length) throw screeningsError('FILM_NOT_FOUND', `No film with id ${unknown.join(', ')}`);
    const ready = await this.dataSource
      .getRepository(MediaAsset)
      .findBy({ filmId: In(filmIds), kind: AssetKind.FINAL_CUT, status: AssetStatus.READY });
    const notReady = films.filter((film) => !ready.some((asset) => asset.filmId === film.id));
    if (notReady.length) {
      throw screeningsError(
        'FILM_NOT_READY',
        `Only films with a READY final cut can be screened; not ready: ${notReady.map((f) => f.title).join(', ')}`,
        {
          filmIds: notReady.map((f) => f.id),
        },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const screening = await manager.save(
        manager.create(Screening, {
          title: input.title,
          type: input.type,
          venueId: input.venueId ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          hosts: (input.hosts ?? []).map((h) => h.trim()).filter(Boolean),
          cancellationReason: null,
        }),
      );
      await manager.insert(
        ScreeningFilm,
        filmIds.map((filmId, position) => ({ screeningId: screening.id, filmId, position })),
      );
      return screening;
    });
  }

  /** DRAFT -> SCHEDULED, refused when an overlapping scheduled screening holds the venue. */
  schedule(id: string): Promise<Screening> {
    return this.move(id, ScreeningStatus.SCHEDULED, async (manager, screening) => {
      if (!screening.venueId) return;
      // One scheduling at a time per venue, so two overlapping screenings cannot both pass the check.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`venue:${screening.venueId}`]);
      const other = await manager
        .getRepository(Screening)
        .createQueryBuilder('other')
        .where('other.venueId = :venueId', { venueId: screening.venueId })
        .andWhere('other.id <> :id', { id: screening.id })
        .andWhere('other.status IN (:...taken)', { taken: [ScreeningStatus.SCHEDULED, ScreeningStatus.HELD] })
        .andWhere('other.startsAt < :endsAt AND other.endsAt > :startsAt', { startsAt: screening.startsAt, endsAt: screening.endsAt })
        .getOne();
      if (other) {
        throw screeningsError(
          'VENUE_TAKEN',
          `The venue is taken by "${other.title}" (${other.startsAt.toISOString()} to ${other.endsAt.toISOString()})`,
          {
            conflictingScreeningId: other.id,
          },
        );
      }
    });
  }

  markHeld(id: string): Promise<Screening> {
    return this.move(id, ScreeningStatus.HELD);
  }

  cancel(id: string, reason: string | null): Promise<Screening> {
    return this.move(id, ScreeningStatus.CANCELLED, async (_, screening) => {
      screening.cancellationReason = reason?.trim() || null;
    });
  }

  /**
   * Records one day's attendance of a HELD screening. The same idempotency key again changes nothing; a new
   * submission for a day replaces that day's figures, the earlier ones staying in the submissions trail.
   */
  async recordAttendance(ctx: RequestContext, input: ScreeningAttendanceInput): Promise<Screening> {
    const screening = await this.checkAttendance(input);
    await this.dataSource.transaction((manager) => this.storeAttendance(manager, ctx, input));
    return screening;
  }

  /** Refuses figures that cannot be right: counts that do not add up, a screening not HELD, a day not of it. */
  async checkAttendance(input: ScreeningAttendanceInput): Promise<Screening> {
    const { female, male, under18 } = counts(input);
    // A figure no screening reaches is a typing slip; stored, it would also overflow every sum of that screening.
    for (const [name, value] of Object.entries({ total: input.total, female, male, under18 })) {
      if (value > MAX_DAILY_SPECTATORS)
        throw screeningsError('ATTENDANCE_TOO_LARGE', `${name} (${value}) is more than ${MAX_DAILY_SPECTATORS} spectators in a day`);
    }
    if (female + male > input.total)
      throw screeningsError('INCONSISTENT_COUNTS', `female (${female}) + male (${male}) is more than total (${input.total})`);
    if (under18 > input.total) throw screeningsError('INCONSISTENT_COUNTS', `under18 (${under18}) is more than total (${input.total})`);
    const screening = await this.dataSource.getRepository(Screening).findOneBy({ id: input.screeningId });
    if (!screening) throw screeningsError('SCREENING_NOT_FOUND', `No screening with id ${input.screeningId}`);
    if (screening.status !== ScreeningStatus.HELD)
      throw screeningsError('NOT_HELD', `Attendance is recorded once a screening is HELD; this one is ${screening.status}`);
    const zone = screening.venueId
      ? (await this.dataSource.getRepository(Venue).findOneByOrFail({ id: screening.venueId })).timeZone
      : 'Africa/Bamako';
    const days = daysBetween(localDate(screening.startsAt, zone), localDate(screening.endsAt, zone));
    if (!days.includes(input.day))
      throw screeningsError('DAY_OUTSIDE_SCREENING', `${input.day} is not a day of this screening (${days[0]} to ${days.at(-1)})`);
    return screening;
  }

  /** Stores checked figures; a submission whose idempotency key is known changes nothing. */
  async storeAttendance(manager: EntityManager, ctx: RequestContext, input: ScreeningAttendanceInput): Promise<boolean> {
    const { female, male, under18 } = counts(input);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(AttendanceSubmission)
      .values({
        idempotencyKey: input.idempotencyKey,
        screeningId: input.screeningId,
        day: input.day,
        total: input.total,
        female,
        male,
        under18,
        submittedById: ctx.actor.id,
      })
      .orIgnore()
      .returning(['id', 'submitted_at'])
      .execute();
    const row = (inserted.raw as { id: string; submitted_at: Date }[])[0];
    if (!row) return false; // this submission was already recorded
    // The latest submission of a day wins, whatever order concurrent ones commit in.
    await manager.query(
      `INSERT INTO screening_day (screening_id, day, total, female, male, under18, submission_id, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (screening_id, day) DO UPDATE SET
         total = EXCLUDED.total, female = EXCLUDED.female, male = EXCLUDED.male, under18 = EXCLUDED.under18,
         submission_id = EXCLUDED.submission_id, submitted_at = EXCLUDED.submitted_at
       WHERE screening_day.submitted_at <= EXCLUDED.submitted_at`,
      [input.screeningId, input.day, input.total, female, male, under18, row.id, row.submitted_at],
    );
    return true;
  }

  /**
   * The daily reminders to managers: screenings that start tomorrow (in their venue's time zone), and screenings
   * that ended two or more days ago with no attendance recorded. Each is raised once per screening and reason.
   */
  async sendReminders(now = new Date()): Promise<JobOutcome> {
    const tomorrow: { id: string; title: string; starts_at: Date }[] = await this.dataSource.query(
      `SELECT s.id, s.title, s.starts_at FROM screening s LEFT JOIN venue v ON v.id = s.venue_id
        WHERE s.status = 'SCHEDULED'
          AND (s.starts_at AT TIME ZONE coalesce(v.time_zone, 'Africa/Bamako'))::date
            = ($1::timestamptz AT TIME ZONE coalesce(v.time_zone, 'Africa/Bamako'))::date + 1`,
      [now],
    );
    const missing: { id: string; title: string; ends_at: Date }[] = await this.dataSource.query(
      `SELECT s.id, s.title, s.ends_at FROM screening s
        WHERE s.status IN ('SCHEDULED', 'HELD') AND s.ends_at <= $1::timestamptz - interval '2 days'
          AND NOT EXISTS (SELECT 1 FROM screening_day d WHERE d.screening_id = s.id)`,
      [now],
    );
    let sent = 0;
    for (const s of tomorrow) {
      sent += await this.notifications.notifyManagers(
        'SCREENING_TOMORROW',
        s.id,
        `"${s.title}" starts tomorrow (${new Date(s.starts_at).toISOString()})`,
      );
    }
    for (const s of missing) {
      sent += await this.notifications.notifyManagers(
        'SCREENING_ATTENDANCE_MISSING',
        s.id,
        `"${s.title}" ended on ${new Date(s.ends_at).toISOString().slice(0, 10)} and has no attendance recorded yet`,
      );
    }
    return { status: 'done', detail: { startingTomorrow: tomorrow.length, missingAttendance: missing.length, notificationsSent: sent } };
  }

  private async move(
    id: string,
    to: ScreeningStatus,
    check?: (manager: EntityManager, screening: Screening) => Promise<void>,
  ): Promise<Screening> {
    return this.dataSource.transaction(async (manager) => {
      const screening = await manager.findOne(Screening, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!screening) throw screeningsError('SCREENING_NOT_FOUND', `No screening with id ${id}`);
      const allowed = MOVES[screening.status];
      if (!allowed.includes(to)) {
        throw screeningsError(
          'MOVE_NOT_ALLOWED',
          `A ${screening.status} screening cannot become ${to}; it can move to ${allowed.join(' or ') || 'nothing: it is final'}`,
        );
      }
      await check?.(manager, screening);
      screening.status = to;
      return manager.save(screening);
    });
  }
}
