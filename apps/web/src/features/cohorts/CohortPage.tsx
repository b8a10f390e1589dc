import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { isId, ProblemPage } from '../../app/ProblemPage';
import { useMe } from '../../app/me';
import { formatDate, formatDateTime, formatTime, zoneCity } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, List, Loading, Page } from '../../ui/ui';
import { CohortQuery } from './operations';
import { ProgressTable } from './ProgressTable';

const SESSION_TONE = { SCHEDULED: 'neutral', HELD: 'good', CANCELLED: 'bad' } as const;

// The page lists sessions and progress: a session created or a roll call taken elsewhere shows up on return.
const CONTEXT = { additionalTypenames: ['TrainingSession', 'FellowProgress'] };

/** A cohort: its fellows' progress, its people and its sessions, at the cohort's own local time. */
export function CohortPage() {
  const { cohortId = '' } = useParams();
  const { t, locale } = useI18n();
  const me = useMe();
  const valid = isId(cohortId);
  const [{ data, error }] = useQuery({ query: CohortQuery, variables: { id: cohortId }, context: CONTEXT, pause: !valid });

  if (!valid || error) return <ProblemPage error={error} notFound="cohort.notFound" />;
  if (!data) return <Loading label={t('app.loading')} />;
  const cohort = data.cohort;
  if (!cohort) return <ProblemPage notFound="cohort.notFound" />;
  const zone = cohort.timeZone;
  const teaches = me.role !== 'FELLOW' && !cohort.archivedAt;

  return (
    <Page
      title={cohort.name}
      intro={
        <>
          {cohort.programme.name} ·{' '}
          <Badge tone={cohort.status === 'ACTIVE' ? 'good' : 'neutral'}>{t(`cohortStatus.${cohort.status}`)}</Badge>
          {cohort.startDate && cohort.endDate && (
            <> · {t('cohorts.dates', { start: formatDate(locale, cohort.startDate), end: formatDate(locale, cohort.endDate) })}</>
          )}
        </>
      }
    >
      {/* A fellow's own line, alone, would read as the cohort's; her figures are on her home page. */}
      {me.role !== 'FELLOW' && (
        <>
          <h2>{t('progress.title')}</h2>
          <ProgressTable lines={data.cohortProgress} linkFellows />
        </>
      )}
      <div className="columns">
        <div>
          <h2>{t('cohort.fellows')}</h2>
          <List
            items={cohort.fellows}
            empty={t('cohort.noFellows')}
            render={(fellow) => (
              <>
                {me.role === 'FELLOW' ? (
                  <span className="card-title">{fellow.fullName}</span>
                ) : (
                  <Link className="card-title" to={`/fellows/${fellow.id}`}>
                    {fellow.fullName}
                  </Link>
                )}
                {fellow.city && <span className="muted"> · {fellow.city}</span>}
              </>
            )}
          />
          <h2>{t('cohort.trainers')}</h2>
          <List items={cohort.trainers} empty="—" render={(trainer) => trainer.fullName} />
        </div>
        <div>
          <h2>{t('cohort.sessions')}</h2>
          <p className="muted">{t('cohort.timeZone', { zone: zoneCity(zone) })}</p>
          {teaches && (
            <p className="actions">
              <Link className="action-link" to={`/cohorts/${cohort.id}/sessions/new`}>
                {t('newSession.link')}
              </Link>
              <Link className="action-link" to="/sessions">
                {t('sessions.calendarLink')}
              </Link>
            </p>
          )}
          <List
            items={data.trainingSessions}
            empty={t('cohort.noSessions')}
            render={(session) => (
              <>
                <Link className="card-title" to={`/sessions/${session.id}`}>
                  {session.title}
                </Link>{' '}
                <Badge tone={SESSION_TONE[session.status]}>{t(`sessionStatus.${session.status}`)}</Badge>
                <p>
                  {formatDateTime(locale, session.startsAt, zone)} – {formatTime(locale, session.endsAt, zone)}
                </p>
                {session.location && <p className="muted">{session.location}</p>}
              </>
            )}
          />
        </div>
      </div>
    </Page>
  );
}
