import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { isId, ProblemPage } from '../../app/ProblemPage';
import { useMe } from '../../app/me';
import type { ResultOf } from '../../graphql';
import { apiProblem } from '../../i18n/errors';
import { formatDate, formatDateTime, formatTime, zoneCity } from '../../i18n/format';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { Locale } from '../../i18n/locale';
import { Alert, Button, Choices, Field, Loading, Page } from '../../ui/ui';
import { CreateSessionMutation, NewSessionCohortQuery } from './operations';
import { zonedInstant } from './zonedTime';

type Where = 'title' | 'date' | 'time' | 'trainers' | 'form';
interface Problem {
  where: Where;
  message: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Which field an API refusal concerns, and what to tell there, with the facts the API gives (the other session…). */
function problemOf(error: CombinedError, t: Translate, locale: Locale): Problem {
  const { message, reason } = apiProblem(error);
  const facts = error.graphQLErrors[0]?.extensions ?? {};
  if (reason === 'TRAINER_DOUBLE_BOOKED') {
    const title = text(facts.conflictingSessionTitle);
    const startsAt = text(facts.conflictingStartsAt);
    const endsAt = text(facts.conflictingEndsAt);
    const zone = text(facts.conflictingTimeZone);
    if (title && startsAt && endsAt && zone) {
      return {
        where: 'time',
        message: t('newSession.doubleBooked', {
          trainer: text(facts.trainerName) ?? '—',
          title,
          start: formatDateTime(locale, startsAt, zone),
          end: formatTime(locale, endsAt, zone),
          zone: zoneCity(zone),
        }),
      };
    }
    return { where: 'time', message: t(message) };
  }
  if (reason === 'OUTSIDE_COHORT_DATES') {
    const start = text(facts.cohortStartDate);
    const end = text(facts.cohortEndDate);
    return {
      where: 'date',
      message: start && end ? t('newSession.outsideDates', { start: formatDate(locale, start), end: formatDate(locale, end) }) : t(message),
    };
  }
  if (reason === 'INVALID_TIMES') return { where: 'time', message: t('newSession.endBeforeStart') };
  if (reason === 'TRAINER_NOT_ASSIGNED') return { where: 'trainers', message: t(message) };
  return { where: 'form', message: t(message) };
}

/** Plans a session of a cohort: times are typed at the cohort's local time, whatever the browser's zone. */
export function NewSessionPage() {
  const { cohortId = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  // Fellows do not plan sessions (the API refuses them too): no form to fill in vain.
  const valid = isId(cohortId);
  const [{ data, error }] = useQuery({ query: NewSessionCohortQuery, variables: { id: cohortId }, pause: me.role === 'FELLOW' || !valid });
  if (me.role === 'FELLOW') return <Page title={t('app.forbidden.title')} intro={t('newSession.notAllowed')} />;
  if (!valid || error) return <ProblemPage error={error} notFound="cohort.notFound" />;
  if (!data) return <Loading label={t('app.loading')} />;
  if (!data.cohort || data.cohort.archivedAt) return <ProblemPage notFound="cohort.notFound" />;
  return <NewSessionForm cohort={data.cohort} />;
}

type Cohort = NonNullable<ResultOf<typeof NewSessionCohortQuery>['cohort']>;

function NewSessionForm({ cohort }: { cohort: Cohort }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [creating, create] = useMutation(CreateSessionMutation);
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState('');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [location, setLocation] = useState('');
  // She leads what she plans, unless she unticks herself; a manager picks the trainers.
  const [trainerIds, setTrainerIds] = useState<string[]>(cohort.trainers.some((tr) => tr.id === me.id) ? [me.id] : []);
  const [problems, setProblems] = useState<Problem[]>([]);
  const zone = cohort.timeZone;
  const at = (where: Where) => problems.find((problem) => problem.where === where)?.message;
  const timeProblem = at('time');
  const timeErrorId = useId();

  const toggle = (id: string, checked: boolean) =>
    setTrainerIds((current) => (checked ? [...current, id] : current.filter((other) => other !== id)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!title.trim()) found.push({ where: 'title', message: t('newSession.required') });
    if (!date) found.push({ where: 'date', message: t('newSession.required') });
    if (!start || !end) found.push({ where: 'time', message: t('newSession.timesRequired') });
    else if (end <= start) found.push({ where: 'time', message: t('newSession.endBeforeStart') });
    setProblems(found);
    if (found.length > 0) return;
    const result = await create({
      input: {
        cohortId: cohort.id,
        title: title.trim(),
        topic: topic.trim() || null,
        startsAt: zonedInstant(date, start, zone).toISOString(),
        endsAt: zonedInstant(date, end, zone).toISOString(),
        location: location.trim() || null,
        trainerIds,
      },
    });
    if (result.error) setProblems([problemOf(result.error, t, locale)]);
    else if (result.data) navigate(`/sessions/${result.data.createTrainingSession.id}`);
  };

  return (
    <Page
      title={t('newSession.title')}
      intro={
        <>
          <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
          {cohort.startDate && cohort.endDate && (
            <> · {t('cohorts.dates', { start: formatDate(locale, cohort.startDate), end: formatDate(locale, cohort.endDate) })}</>
          )}
        </>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        <Field
          label={t('newSession.titleField')}
          value={title}
          maxLength={200}
          required
          onChange={(e) => setTitle(e.target.value)}
          error={at('title')}
        />
        <Field
          label={t('newSession.topic')}
          hint={t('newSession.topicHint')}
          value={topic}
          maxLength={120}
          onChange={(e) => setTopic(e.target.value)}
        />
        <Field
          label={t('newSession.date')}
          type="date"
          value={date}
          min={cohort.startDate ?? undefined}
          max={cohort.endDate ?? undefined}
          required
          onChange={(e) => setDate(e.target.value)}
          error={at('date')}
        />
        <p className="notice">{t('newSession.zone', { city: zoneCity(zone), zone })}</p>
        {/* One message for both times (a clash concerns the slot), read out with each of them. */}
        <div className="inline-fields">
          <Field
            label={t('newSession.start', { city: zoneCity(zone) })}
            type="time"
            value={start}
            required
            onChange={(e) => setStart(e.target.value)}
            aria-invalid={timeProblem ? true : undefined}
            aria-describedby={timeProblem ? timeErrorId : undefined}
          />
          <Field
            label={t('newSession.end', { city: zoneCity(zone) })}
            type="time"
            value={end}
            required
            onChange={(e) => setEnd(e.target.value)}
            aria-invalid={timeProblem ? true : undefined}
            aria-describedby={timeProblem ? timeErrorId : undefined}
          />
        </div>
        {timeProblem && (
          <p className="field-error" id={timeErrorId} role="alert">
            {timeProblem}
          </p>
        )}
        <Field label={t('newSession.location')} value={location} maxLength={300} onChange={(e) => setLocation(e.target.value)} />
        <Choices legend={t('newSession.trainers')} error={at('trainers')}>
          {cohort.trainers.length === 0 && <p className="muted">{t('newSession.noTrainers')}</p>}
          {cohort.trainers.map((trainer) => (
            <label key={trainer.id}>
              <input type="checkbox" checked={trainerIds.includes(trainer.id)} onChange={(e) => toggle(trainer.id, e.target.checked)} />
              <span>{trainer.id === me.id ? t('newSession.me', { name: trainer.fullName }) : trainer.fullName}</span>
            </label>
          ))}
        </Choices>
        {at('form') && <Alert>{at('form')}</Alert>}
        <Button type="submit" disabled={creating.fetching}>
          {creating.fetching ? t('newSession.creating') : t('newSession.create')}
        </Button>
      </form>
    </Page>
  );
}
