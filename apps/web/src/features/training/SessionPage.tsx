import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { isId, ProblemPage } from '../../app/ProblemPage';
import { useMe } from '../../app/me';
import { apiProblem } from '../../i18n/errors';
import { formatDateTime, formatTime, zoneCity } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Alert, Badge, Button, Field, List, Loading, Page } from '../../ui/ui';
import { RecordAttendanceMutation, SessionQuery } from './operations';

const STATUSES = ['PRESENT', 'ABSENT', 'LATE', 'EXCUSED'] as const;
type Status = (typeof STATUSES)[number];
const SESSION_TONE = { SCHEDULED: 'neutral', HELD: 'good', CANCELLED: 'bad' } as const;
const MARK_TONE = { PRESENT: 'good', ABSENT: 'bad', LATE: 'busy', EXCUSED: 'neutral' } as const;
/** The roll call opens this long before the session starts, as the API allows (a trainer in the room early). */
const ROLL_CALL_OPENS_BEFORE_MS = 30 * 60_000;

interface Mark {
  status: Status;
  note: string;
}

/** The fellows an API error names (e.g. NOT_ENROLLED), so the message is shown next to each of them. */
function fellowsConcerned(error: CombinedError | undefined): string[] {
  const ids = error?.graphQLErrors[0]?.extensions?.fellowIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** A training session and its roll call: trainers and managers mark every fellow; a fellow sees her own mark. */
export function SessionPage() {
  const { sessionId } = useParams();
  if (!isId(sessionId)) return <ProblemPage notFound="session.notFound" />;
  // A new session, a new roll: nothing typed for one session carries over to the next.
  return <SessionRoll key={sessionId} sessionId={sessionId} />;
}

function SessionRoll({ sessionId }: { sessionId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const [{ data, error }] = useQuery({ query: SessionQuery, variables: { id: sessionId } });
  const [saving, record] = useMutation(RecordAttendanceMutation);
  // What the trainer changed since the last save, by fellow; everything else shows what is recorded.
  const [draft, setDraft] = useState<Record<string, Mark>>({});
  const [saved, setSaved] = useState(false);

  if (error) return <ProblemPage error={error} notFound="session.notFound" />;
  if (!data) return <Loading label={t('app.loading')} />;
  const session = data.trainingSession;
  if (!session) return <ProblemPage notFound="session.notFound" />;
  const zone = session.cohort.timeZone;
  const recorded = new Map(session.attendance.map((mark) => [mark.fellow.id, mark]));
  const names = new Map(session.cohort.fellows.map((fellow) => [fellow.id, fellow.fullName]));
  for (const mark of session.attendance) names.set(mark.fellow.id, mark.fellow.fullName);
  const markOf = (fellowId: string): Mark =>
    draft[fellowId] ?? { status: recorded.get(fellowId)?.status ?? 'PRESENT', note: recorded.get(fellowId)?.note ?? '' };
  const change = (fellowId: string, next: Partial<Mark>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [fellowId]: { ...markOf(fellowId), ...next } }));
  };
  const canRecord = me.role !== 'FELLOW' && session.status !== 'CANCELLED';
  // Marks taken ahead would count everyone as present or absent at a session that has not happened.
  const notYet = Date.now() < Date.parse(session.startsAt) - ROLL_CALL_OPENS_BEFORE_MS;
  const problem = saving.error ? apiProblem(saving.error) : undefined;
  const concerned = fellowsConcerned(saving.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const records = session.cohort.fellows.map((fellow) => {
      const mark = markOf(fellow.id);
      return { fellowId: fellow.id, status: mark.status, note: mark.note.trim() || null };
    });
    const result = await record({ sessionId: session.id, records });
    if (!result.error) {
      setDraft({});
      setSaved(true);
    }
  };

  return (
    <Page
      title={session.title}
      intro={
        <>
          <Link to={`/cohorts/${session.cohort.id}`}>{session.cohort.name}</Link> ·{' '}
          <Badge tone={SESSION_TONE[session.status]}>{t(`sessionStatus.${session.status}`)}</Badge> ·{' '}
          {formatDateTime(locale, session.startsAt, zone)} – {formatTime(locale, session.endsAt, zone)}
          {session.location && <> · {session.location}</>}
        </>
      }
    >
      <p className="muted">{t('cohort.timeZone', { zone: zoneCity(zone) })}</p>
      <h2>{t('session.roll')}</h2>
      {canRecord && notYet ? (
        <p className="notice">{t('session.notYet', { date: formatDateTime(locale, session.startsAt, zone) })}</p>
      ) : canRecord ? (
        <form onSubmit={submit} noValidate>
          {session.cohort.fellows.length === 0 && <p className="list-empty">{t('cohort.noFellows')}</p>}
          <ul className="list">
            {session.cohort.fellows.map((fellow) => {
              const mark = markOf(fellow.id);
              const before = recorded.get(fellow.id);
              return (
                <li key={fellow.id} className="list-item roll-item">
                  <fieldset className="segmented">
                    <legend className="card-title">{fellow.fullName}</legend>
                    {STATUSES.map((status) => (
                      <label key={status}>
                        <input
                          type="radio"
                          name={`status-${fellow.id}`}
                          value={status}
                          checked={mark.status === status}
                          onChange={() => change(fellow.id, { status })}
                        />
                        <span>{t(`attendance.${status}`)}</span>
                      </label>
                    ))}
                  </fieldset>
                  <p className="muted">
                    {before ? t('session.recorded', { status: t(`attendance.${before.status}`) }) : t('session.notRecorded')}
                  </p>
                  <Field
                    label={t('session.note', { name: fellow.fullName })}
                    value={mark.note}
                    maxLength={1000}
                    onChange={(event) => change(fellow.id, { note: event.target.value })}
                    error={problem && concerned.includes(fellow.id) ? t(problem.message) : undefined}
                  />
                </li>
              );
            })}
          </ul>
          {problem && concerned.length === 0 && <Alert>{t(problem.message)}</Alert>}
          {/* Always in the page, so that screen readers announce the confirmation when it appears. */}
          <div role="status">{saved && <p className="notice">{t('session.saved')}</p>}</div>
          <Button type="submit" disabled={saving.fetching || session.cohort.fellows.length === 0}>
            {saving.fetching ? t('session.saving') : t('session.save')}
          </Button>
        </form>
      ) : (
        <List
          items={session.attendance.map((mark) => ({ ...mark, id: mark.fellow.id }))}
          empty={t('session.noMark')}
          render={(mark) => (
            <>
              <span className="card-title">{mark.fellow.fullName}</span>{' '}
              <Badge tone={MARK_TONE[mark.status]}>{t(`attendance.${mark.status}`)}</Badge>
              {mark.note && <p>{mark.note}</p>}
            </>
          )}
        />
      )}
      <h2>{t('session.history')}</h2>
      <List
        label={t('session.history')}
        items={[...session.attendanceHistory].reverse()}
        empty={t('session.noHistory')}
        render={(line) => (
          <>
            <span className="card-title">{names.get(line.fellowId) ?? '—'}</span>
            <p>
              {t('session.historyChange', {
                from: line.fromStatus ? t(`attendance.${line.fromStatus}`) : '—',
                to: line.toStatus ? t(`attendance.${line.toStatus}`) : t('session.removed'),
              })}
              {line.toNote && <> · {line.toNote}</>}
            </p>
            <p className="muted">
              {t('session.historyBy', {
                date: formatDateTime(locale, line.changedAt, zone),
                name: line.changedBy?.fullName ?? '—',
              })}
            </p>
          </>
        )}
      />
    </Page>
  );
}
