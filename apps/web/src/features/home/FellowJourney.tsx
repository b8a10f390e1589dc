import { useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery } from 'urql';
import type { ResultOf } from '../../graphql';
import { apiProblem } from '../../i18n/errors';
import { formatDate, formatDateTime, formatDayOf, formatPercent, formatTime, zoneCity } from '../../i18n/format';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Alert, Badge, Button, List, Loading } from '../../ui/ui';
import { CertificateLinksQuery, FellowJourneyQuery, MyCohortTrainingQuery } from './operations';

type Journey = ResultOf<typeof FellowJourneyQuery>;
type Cohort = NonNullable<Journey['fellow']>['cohorts'][number];
type Training = ResultOf<typeof MyCohortTrainingQuery>;
type Session = Training['trainingSessions'][number];

const MARK_TONE = { PRESENT: 'good', LATE: 'busy', ABSENT: 'bad', EXCUSED: 'neutral' } as const;
const STATUS_ORDER = { ACTIVE: 0, PLANNED: 1, COMPLETED: 2 } as const;
/** How many coming sessions are listed; the past ones follow, newest first. */
const UPCOMING = 5;

/**
 * A fellow's home: where she stands in her training (her attendance, and a plain word when it puts her at
 * risk), her coming sessions and her mark at each past one, the notes her trainers shared with her, and her
 * certificate once she has graduated. All of it is hers only: the API returns nothing of the others.
 */
export function FellowJourney({ fellowId }: { fellowId: string }) {
  const { t, locale } = useI18n();
  const [{ data, error }] = useQuery({ query: FellowJourneyQuery, variables: { fellowId }, requestPolicy: 'cache-and-network' });

  if (error) return <Alert>{t(apiProblem(error).message)}</Alert>;
  if (!data) return <Loading label={t('app.loading')} />;
  // The cohort running now first, then those to come, then finished ones; the latest first within each.
  const cohorts = [...(data.fellow?.cohorts ?? [])].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (b.startDate ?? '').localeCompare(a.startDate ?? ''),
  );
  // Notes are dated in her current cohort's time: that is where she is.
  const zone = cohorts[0]?.timeZone ?? 'UTC';

  return (
    <>
      {cohorts.length === 0 && <p>{t('journey.noCohort')}</p>}
      {cohorts.map((cohort) => (
        <CohortTraining key={cohort.id} cohort={cohort} fellowId={fellowId} />
      ))}

      <h2>{t('journey.notes')}</h2>
      <List
        items={data.feedbackNotes}
        empty={t('journey.noNotes')}
        label={t('journey.notes')}
        render={(note) => (
          <>
            <p className="note-body">{note.body}</p>
            <p className="muted">
              {t('journey.noteBy', {
                name: note.author?.fullName ?? t('journey.someone'),
                date: formatDayOf(locale, note.createdAt, zone),
              })}
            </p>
          </>
        )}
      />

      <h2>{t('journey.certificates')}</h2>
      <Certificates fellowId={fellowId} certificates={data.certificates} />
    </>
  );
}

/** One cohort: her attendance and its sessions, at the cohort's own time. */
function CohortTraining({ cohort, fellowId }: { cohort: Cohort; fellowId: string }) {
  const { t, locale } = useI18n();
  const [{ data, error }] = useQuery({
    query: MyCohortTrainingQuery,
    variables: { cohortId: cohort.id },
    requestPolicy: 'cache-and-network',
  });
  const headingId = `cohort-${cohort.id}`;
  const mine = data?.cohortProgress.find((line) => line.fellow.id === fellowId);
  const [upcoming, past] = data ? splitSessions(data.trainingSessions) : [[], []];

  const renderSession = (session: Session) => {
    const mark = session.attendance.find((record) => record.fellow.id === fellowId)?.status;
    return (
      <>
        <span className="card-title">{session.title}</span>{' '}
        {session.status === 'CANCELLED' ? (
          <Badge>{t('sessionStatus.CANCELLED')}</Badge>
        ) : mark ? (
          <Badge tone={MARK_TONE[mark]}>{t(`attendance.${mark}`)}</Badge>
        ) : (
          session.status === 'HELD' && <Badge>{t('journey.noMark')}</Badge>
        )}
        <p>
          {formatDateTime(locale, session.startsAt, cohort.timeZone)} – {formatTime(locale, session.endsAt, cohort.timeZone)}
          {session.location && <span className="muted"> · {session.location}</span>}
        </p>
      </>
    );
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
      </h2>
      <p className="muted">
        {cohort.programme.name} · {t(`cohortStatus.${cohort.status}`)}
        {cohort.startDate && cohort.endDate && (
          <> · {t('cohorts.dates', { start: formatDate(locale, cohort.startDate), end: formatDate(locale, cohort.endDate) })}</>
        )}
      </p>
      {error && <Alert>{t(apiProblem(error).message)}</Alert>}
      {!data && !error && <Loading label={t('app.loading')} />}
      {data && (
        <>
          {mine && mine.sessionsHeld > 0 ? (
            <p className={mine.atRisk ? 'notice notice-bad' : undefined}>
              {t('journey.attendance', {
                rate: formatPercent(locale, mine.attendanceRate),
                attended: mine.sessionsAttended,
                held: mine.sessionsHeld,
              })}
              {mine.atRisk && (
                <>
                  {' '}
                  <strong>{t('journey.atRisk')}</strong>
                </>
              )}
            </p>
          ) : (
            <p className="muted">{t('journey.noneHeld')}</p>
          )}
          <h3>{t('journey.upcoming')}</h3>
          <List items={upcoming} empty={t('journey.noUpcoming')} label={t('journey.upcoming')} render={renderSession} />
          <h3>{t('journey.past')}</h3>
          <List items={past} empty={t('journey.noPast')} label={t('journey.past')} render={renderSession} />
          <p className="muted">{t('cohort.timeZone', { zone: zoneCity(cohort.timeZone) })}</p>
        </>
      )}
    </section>
  );
}

/** Coming sessions, soonest first (a handful), then those that have started, newest first. */
function splitSessions(sessions: readonly Session[]): [Session[], Session[]] {
  const now = Date.now();
  const upcoming = sessions
    .filter((session) => Date.parse(session.endsAt) >= now && session.status === 'SCHEDULED')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, UPCOMING);
  const past = sessions
    .filter((session) => !upcoming.includes(session) && Date.parse(session.startsAt) < now)
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return [upcoming, past];
}

/**
 * Her certificates. A download link is signed for 15 minutes, so it is asked for at the moment she taps,
 * not when the page was opened (a phone left on the page for an hour still downloads).
 */
function Certificates({ fellowId, certificates }: { fellowId: string; certificates: Journey['certificates'] }) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const download = async (id: string) => {
    setBusy(id);
    setProblem(null);
    const result = await client.query(CertificateLinksQuery, { fellowId }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(null);
    const url = result.data?.certificates.find((certificate) => certificate.id === id)?.downloadUrl;
    if (result.error) setProblem(apiProblem(result.error).message);
    else if (!url) setProblem('journey.certificateMissing');
    else window.location.assign(url);
  };

  if (certificates.length === 0) return <p className="muted">{t('journey.noCertificate')}</p>;
  return (
    <>
      <List
        items={certificates}
        empty=""
        label={t('journey.certificates')}
        render={(certificate) => (
          <>
            <p>
              <span className="card-title">{t('journey.certificateOf', { cohort: certificate.cohortName })}</span>
              <br />
              {certificate.programmeName} · {t('journey.completedOn', { date: formatDate(locale, certificate.completedOn) })}
            </p>
            <p className="muted">{t('journey.certificateCode', { code: certificate.code })}</p>
            <Button onClick={() => void download(certificate.id)} disabled={busy !== null} aria-busy={busy === certificate.id}>
              {busy === certificate.id ? t('journey.downloading') : t('journey.download')}
            </Button>
          </>
        )}
      />
      {problem && <Alert>{t(problem)}</Alert>}
    </>
  );
}
