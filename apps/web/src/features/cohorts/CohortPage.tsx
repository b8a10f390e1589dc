import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { apiProblem } from '../../i18n/errors';
import { formatDate, formatDateTime, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Alert, Badge, List, Loading, Page } from '../../ui/ui';
import { CohortQuery } from './operations';

const SESSION_TONE = { SCHEDULED: 'neutral', HELD: 'good', CANCELLED: 'bad' } as const;

/** A cohort: its fellows and its sessions, at the cohort's own local time. */
export function CohortPage() {
  const { cohortId = '' } = useParams();
  const { t, locale } = useI18n();
  const [{ data, error }] = useQuery({ query: CohortQuery, variables: { id: cohortId } });

  if (error) return <Alert>{t(apiProblem(error).message)}</Alert>;
  if (!data) return <Loading label={t('app.loading')} />;
  const cohort = data.cohort;
  if (!cohort) return <Page title={t('app.notFound.title')} intro={t('cohort.notFound')} />;
  const zone = cohort.timeZone;

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
      <div className="columns">
        <div>
          <h2>{t('cohort.fellows')}</h2>
          <List
            items={cohort.fellows}
            empty={t('cohort.noFellows')}
            render={(fellow) => (
              <>
                <span className="card-title">{fellow.fullName}</span>
                {fellow.city && <span className="muted"> · {fellow.city}</span>}
              </>
            )}
          />
          <h2>{t('cohort.trainers')}</h2>
          <List items={cohort.trainers} empty="—" render={(trainer) => trainer.fullName} />
        </div>
        <div>
          <h2>{t('cohort.sessions')}</h2>
          <p className="muted">{t('cohort.timeZone', { zone: zone.split('/').pop()!.replace(/_/g, ' ') })}</p>
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
