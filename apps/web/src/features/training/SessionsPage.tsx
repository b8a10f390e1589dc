import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { usePerCohort } from '../../app/per-cohort';
import { useMe } from '../../app/me';
import type { ResultOf } from '../../graphql';
import { apiProblem } from '../../i18n/errors';
import { formatDay, formatTime, zoneCity } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Alert, Badge, Loading, Page } from '../../ui/ui';
import { CalendarCohortsQuery, CalendarSessionsQuery } from './operations';
import { addDays, localDay } from './zonedTime';

const SESSION_TONE = { SCHEDULED: 'neutral', HELD: 'good', CANCELLED: 'bad' } as const;
/** The calendar shows four weeks at a time, from today unless the address says otherwise. */
const PERIOD_DAYS = 28;

type Cohort = ResultOf<typeof CalendarCohortsQuery>['cohorts']['nodes'][number];
type Session = ResultOf<typeof CalendarSessionsQuery>['trainingSessions'][number] & { cohort: Cohort; day: string };

const today = (): string => localDay(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The sessions of all the cohorts one plans (a trainer's own, every cohort for managers), day by day, each at its
 * cohort's local time with the zone named. Upcoming first; earlier and later periods are addresses (?from=…).
 */
export function SessionsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [params] = useSearchParams();
  const requested = params.get('from');
  const start = isDay(requested) ? requested : today();
  const end = addDays(start, PERIOD_DAYS);
  const [{ data, error }] = useQuery({ query: CalendarCohortsQuery });
  const cohorts = data?.cohorts.nodes;
  const period = useCohortSessions(cohorts, start, end);

  // Sessions can be planned in cohorts that are not over: neither completed, archived nor past their last day.
  const plannable = (me.role === 'FELLOW' ? [] : (cohorts ?? [])).filter(
    (cohort) => !cohort.archivedAt && cohort.status !== 'COMPLETED' && (!cohort.endDate || cohort.endDate >= today()),
  );
  const days = new Map<string, Session[]>();
  for (const session of period.sessions) days.set(session.day, [...(days.get(session.day) ?? []), session]);
  const problem = error ?? period.error;

  return (
    <Page
      title={t('sessions.title')}
      intro={t('sessions.period', { start: formatDay(locale, start), end: formatDay(locale, addDays(end, -1)) })}
    >
      <nav className="actions" aria-label={t('sessions.periods')}>
        <Link className="action-link" to={`/sessions?from=${addDays(start, -PERIOD_DAYS)}`}>
          {t('sessions.earlier')}
        </Link>
        {start !== today() && (
          <Link className="action-link" to="/sessions">
            {t('sessions.today')}
          </Link>
        )}
        <Link className="action-link" to={`/sessions?from=${end}`}>
          {t('sessions.later')}
        </Link>
      </nav>
      {plannable.length > 0 && (
        <>
          <h2>{t('sessions.plan')}</h2>
          <ul className="actions">
            {plannable.map((cohort) => (
              <li key={cohort.id}>
                <Link className="action-link" to={`/cohorts/${cohort.id}/sessions/new`}>
                  {t('sessions.planIn', { cohort: cohort.name })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem ? (
        <Alert>{t(apiProblem(problem).message)}</Alert>
      ) : !data || period.loading ? (
        <Loading label={t('app.loading')} />
      ) : days.size === 0 ? (
        <p className="list-empty">{t('sessions.empty')}</p>
      ) : (
        [...days].map(([day, sessions]) => (
          <section key={day} className="agenda-day" aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>{formatDay(locale, day)}</h2>
            <ul className="list">
              {sessions.map((session) => (
                <li key={session.id} className="list-item">
                  <Link className="card-title" to={`/sessions/${session.id}`}>
                    {session.title}
                  </Link>{' '}
                  <Badge tone={SESSION_TONE[session.status]}>{t(`sessionStatus.${session.status}`)}</Badge>
                  <p>
                    {t('sessions.time', {
                      start: formatTime(locale, session.startsAt, session.cohort.timeZone),
                      end: formatTime(locale, session.endsAt, session.cohort.timeZone),
                      zone: zoneCity(session.cohort.timeZone),
                    })}
                  </p>
                  <p className="muted">
                    <Link to={`/cohorts/${session.cohort.id}`}>{session.cohort.name}</Link>
                    {session.location && <> · {session.location}</>}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Page>
  );
}

/**
 * The sessions of the period, one request per cohort whose dates meet it (a trainer has a few cohorts), sorted by
 * start and given their local day in their cohort's zone.
 */
function useCohortSessions(cohorts: readonly Cohort[] | undefined, start: string, end: string) {
  const inPeriod = cohorts?.filter((c) => (!c.startDate || c.startDate < end) && (!c.endDate || c.endDate >= start));
  // A day longer on each side: a zone east of UTC starts its day the evening before. Each session is then kept
  // by its local day in its own cohort's zone.
  const from = `${addDays(start, -1)}T00:00:00Z`;
  const to = `${addDays(end, 1)}T00:00:00Z`;
  const { results, error } = usePerCohort(inPeriod, `${start}|${end}`, CalendarSessionsQuery, (cohort) => ({
    cohortId: cohort.id,
    from,
    to,
  }));
  const sessions: Session[] = (results ?? [])
    .flatMap(({ cohort, data }) =>
      (data?.trainingSessions ?? []).map((session) => ({ ...session, cohort, day: localDay(session.startsAt, cohort.timeZone) })),
    )
    .filter((session) => session.day >= start && session.day < end)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return { loading: !results, sessions, error };
}
