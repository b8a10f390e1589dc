import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { usePerCohort } from '../../app/per-cohort';
import type { ResultOf } from '../../graphql';
import { apiProblem } from '../../i18n/errors';
import { formatDateTime, formatTime, zoneCity } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Alert, Badge, List, Loading } from '../../ui/ui';
import { CalendarCohortsQuery, TrainerCohortDigestQuery } from '../training/operations';

/** Roll calls are asked for over the last two weeks; older ones are the cohort page's business. */
const ROLL_CALL_DAYS = 14;
const UPCOMING_COUNT = 5;
const DAY_MS = 86_400_000;

type Cohort = ResultOf<typeof CalendarCohortsQuery>['cohorts']['nodes'][number];
type Session = ResultOf<typeof TrainerCohortDigestQuery>['trainingSessions'][number] & { cohort: Cohort };
interface Digest {
  sessions: Session[];
  atRisk: { cohort: Cohort; count: number }[];
}

/**
 * A trainer's home: across her cohorts that are running or planned, the roll calls she still has to take, her next
 * sessions (each at its cohort's local time, the zone named) and how many fellows are at risk in each cohort.
 */
export function TrainerHome() {
  const { t, locale } = useI18n();
  // One instant for the whole page: what has started and what is to come are told from it.
  const [now] = useState(() => Date.now());
  const [{ data, error }] = useQuery({ query: CalendarCohortsQuery });
  const since = now - ROLL_CALL_DAYS * DAY_MS;
  const cohorts = data?.cohorts.nodes.filter((cohort) => followed(cohort, since));
  const digest = useDigest(cohorts, since);
  const problem = error ?? digest.error;

  if (problem) return <Alert>{t(apiProblem(problem).message)}</Alert>;
  if (!cohorts || !digest.data) return <Loading label={t('app.loading')} />;

  const scheduled = digest.data.sessions.filter((session) => session.status === 'SCHEDULED');
  const rollCalls = scheduled.filter((session) => {
    const start = Date.parse(session.startsAt);
    return start <= now && start >= since;
  });
  const upcoming = scheduled.filter((session) => Date.parse(session.startsAt) > now).slice(0, UPCOMING_COUNT);

  const renderSession = (session: Session) => (
    <>
      <Link className="card-title" to={`/sessions/${session.id}`}>
        {session.title}
      </Link>
      <p>
        {t('trainerHome.when', {
          start: formatDateTime(locale, session.startsAt, session.cohort.timeZone),
          end: formatTime(locale, session.endsAt, session.cohort.timeZone),
          zone: zoneCity(session.cohort.timeZone),
        })}
      </p>
      <p className="muted">
        {session.cohort.name}
        {session.location && <> · {session.location}</>}
      </p>
    </>
  );

  return (
    <>
      <section aria-labelledby="trainer-home-roll-calls">
        <h2 id="trainer-home-roll-calls">{t('trainerHome.rollCalls')}</h2>
        <List items={rollCalls} label={t('trainerHome.rollCalls')} empty={t('trainerHome.noRollCall')} render={renderSession} />
      </section>
      <section aria-labelledby="trainer-home-upcoming">
        <h2 id="trainer-home-upcoming">{t('trainerHome.upcoming')}</h2>
        <List items={upcoming} label={t('trainerHome.upcoming')} empty={t('trainerHome.noUpcoming')} render={renderSession} />
        <p className="actions">
          <Link className="action-link" to="/sessions">
            {t('trainerHome.calendar')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="trainer-home-follow-up">
        <h2 id="trainer-home-follow-up">{t('trainerHome.followUp')}</h2>
        <List
          items={digest.data.atRisk.map((line) => ({ ...line, id: line.cohort.id }))}
          label={t('trainerHome.followUp')}
          empty={t('trainerHome.noCohort')}
          render={({ cohort, count }) => (
            <>
              <Link className="card-title" to={`/cohorts/${cohort.id}`}>
                {cohort.name}
              </Link>
              <p>
                {count > 0 ? (
                  <Badge tone="bad">{t('trainerHome.atRisk', { count })}</Badge>
                ) : (
                  <span className="muted">{t('trainerHome.noneAtRisk')}</span>
                )}
              </p>
            </>
          )}
        />
      </section>
    </>
  );
}

/** Running or planned, not archived, and not over before the roll-call window opened. */
function followed(cohort: Cohort, since: number): boolean {
  const sinceDay = new Date(since).toISOString().slice(0, 10);
  return !cohort.archivedAt && cohort.status !== 'COMPLETED' && (!cohort.endDate || cohort.endDate >= sinceDay);
}

/**
 * Its sessions since `since` and its progress lines, per cohort. The sessions of all cohorts are merged and sorted
 * by start; the at-risk count is kept per cohort, in the cohorts' order.
 */
function useDigest(cohorts: readonly Cohort[] | undefined, since: number): { data?: Digest; error?: CombinedError } {
  const from = new Date(since).toISOString();
  const { results, error } = usePerCohort(cohorts, from, TrainerCohortDigestQuery, (cohort) => ({ cohortId: cohort.id, from }));
  if (!results) return { error };
  const sessions = results
    .flatMap(({ cohort, data }) => (data?.trainingSessions ?? []).map((session) => ({ ...session, cohort })))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const atRisk = results.map(({ cohort, data }) => ({ cohort, count: (data?.cohortProgress ?? []).filter((line) => line.atRisk).length }));
  return { data: { sessions, atRisk }, error };
}
