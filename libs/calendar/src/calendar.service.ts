import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '#access';
import { isManager, Role, SETTINGS, type Settings } from '#core';
import { Cohort, User } from '#people';
import { Screening, ScreeningStatus, Venue } from '#screenings';
import { SessionStatus, TrainingSession } from '#training';
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DataSource } from 'typeorm';
import { CalendarFeed } from './calendar-feed.entity.js';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const NIL = '00000000-0000-0000-0000-000000000000';

/** How far back a feed reaches: enough to look back on a term, small enough for a phone to sync. */
const FEED_DAYS_BACK = 120;
const FEED_MAX_EVENTS = 2000;

/**
 * Private iCalendar feeds for phone calendars: the training sessions that concern each user and, for managers
 * and the directors of the films shown, the screenings (scheduled, held or cancelled; drafts stay out).
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Issues the caller's feed URL; any earlier URL stops working. The URL is shown once. */
  async issue(ctx: RequestContext): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.dataSource.getRepository(CalendarFeed).upsert({ userId: ctx.actor.id, tokenHash: hashToken(token) }, ['userId']);
    return `${this.settings.publicUrl}/calendar/${token}.ics`;
  }

  async revoke(ctx: RequestContext): Promise<boolean> {
    const result = await this.dataSource.getRepository(CalendarFeed).delete({ userId: ctx.actor.id });
    return (result.affected ?? 0) > 0;
  }

  /** The feed of the token's owner as iCalendar text, or null for an unknown or revoked token. */
  async feed(token: string): Promise<string | null> {
    const feed = await this.dataSource.getRepository(CalendarFeed).findOneBy({ tokenHash: hashToken(token) });
    if (!feed) return null;
    const user = await this.dataSource.getRepository(User).findOneBy({ id: feed.userId });
    if (!user) return null;
    const calendar = ical({
      name: `Filmschool — ${user.fullName}`,
      prodId: { company: 'Filmschool', product: 'calendar', language: 'FR' },
    });
    await this.addSessions(calendar, user);
    await this.addScreenings(calendar, user);
    return calendar.toString();
  }

  private async addSessions(calendar: ICalCalendar, user: User): Promise<void> {
    const query = this.dataSource
      .getRepository(TrainingSession)
      .createQueryBuilder('session')
      .innerJoinAndMapOne('session.cohort', Cohort, 'cohort', 'cohort.id = session.cohort_id')
      .where(`session.startsAt > now() - interval '${FEED_DAYS_BACK} days'`)
      .orderBy('session.startsAt', 'ASC')
      .limit(FEED_MAX_EVENTS);
    if (user.role === Role.FELLOW) {
      query.andWhere(
        "session.cohortId IN (SELECT e.cohort_id FROM enrollment e WHERE e.fellow_id = :fellowId AND e.status <> 'WITHDRAWN')",
        {
          fellowId: user.fellowId ?? NIL,
        },
      );
    } else if (user.role === Role.TRAINER) {
      query.andWhere(
        '(session.id IN (SELECT st.session_id FROM session_trainer st WHERE st.user_id = :userId) OR session.cohortId IN (SELECT ct.cohort_id FROM cohort_trainer ct WHERE ct.user_id = :userId))',
        { userId: user.id },
      );
    }
    for (const session of await query.getMany()) {
      calendar.createEvent({
        id: `${session.id}@filmschool`,
        start: session.startsAt,
        end: session.endsAt,
        stamp: session.updatedAt,
        summary: `${session.title} — ${session.cohort?.name ?? ''}`.trim(),
        description:
          [session.topic, session.cancellationReason && `Annulée / Cancelled: ${session.cancellationReason}`].filter(Boolean).join('\n') ||
          null,
        location: session.location,
        status: session.status === SessionStatus.CANCELLED ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        timezone: session.cohort?.timeZone ?? null,
      });
    }
  }

  private async addScreenings(calendar: ICalCalendar, user: User): Promise<void> {
    const actor = { id: user.id, role: user.role, fellowId: user.fellowId };
    if (!isManager(actor) && !(user.role === Role.FELLOW && user.fellowId)) return;
    const query = this.dataSource
      .getRepository(Screening)
      .createQueryBuilder('screening')
      .leftJoinAndMapOne('screening.venue', Venue, 'venue', 'venue.id = screening.venue_id')
      .where('screening.status <> :draft', { draft: ScreeningStatus.DRAFT })
      .andWhere(`screening.startsAt > now() - interval '${FEED_DAYS_BACK} days'`)
      .orderBy('screening.startsAt', 'ASC')
      .limit(FEED_MAX_EVENTS);
    if (!isManager(actor)) {
      query.andWhere(
        'screening.id IN (SELECT sf.screening_id FROM screening_film sf JOIN film_director fd ON fd.film_id = sf.film_id WHERE fd.fellow_id = :fellowId)',
        { fellowId: user.fellowId },
      );
    }
    for (const screening of await query.getMany()) {
      const venue = screening.venue;
      calendar.createEvent({
        id: `${screening.id}@filmschool`,
        start: screening.startsAt,
        end: screening.endsAt,
        stamp: screening.updatedAt,
        summary: `Projection / Screening: ${screening.title}`,
        description: screening.hosts.length ? `Avec / With: ${screening.hosts.join(', ')}` : null,
        location: venue ? `${venue.name}, ${venue.city}` : 'En ligne / Online',
        status: screening.status === ScreeningStatus.CANCELLED ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        timezone: venue?.timeZone ?? null,
      });
    }
  }
}
