import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { isId } from '../../app/ProblemPage';
import { useMe } from '../../app/me';
import type { ResultOf } from '../../graphql';
import { apiProblem } from '../../i18n/errors';
import { formatDayOf, formatPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Alert, Badge, Button, Choices, List, Loading, Page, TextArea } from '../../ui/ui';
import { AddFeedbackNoteMutation, FellowProgressQuery, FellowQuery } from './operations';

type Fellow = NonNullable<ResultOf<typeof FellowQuery>['fellow']>;
type Note = ResultOf<typeof FellowQuery>['feedbackNotes'][number];
type Visibility = Note['visibility'];

// A note added here must show in the list even when it was empty (no FeedbackNote in the cached result yet).
const CONTEXT = { additionalTypenames: ['FeedbackNote'] };
/** The API's refusals that mean "not one of yours" or "no such fellow": told as such, not as a failure. */
const NOT_FOR_YOU = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

/** A fellow as her trainers see her: cohorts, attendance, films, and the trainers' notes (private or shared). */
export function FellowPage() {
  const { fellowId = '' } = useParams();
  const { t } = useI18n();
  const valid = isId(fellowId);
  const [{ data, error }] = useQuery({ query: FellowQuery, variables: { id: fellowId }, context: CONTEXT, pause: !valid });
  if (!valid) return <NotHers />;

  if (error) {
    const problem = apiProblem(error);
    if (problem.code && NOT_FOR_YOU.has(problem.code)) return <NotHers />;
    return <Alert>{t(problem.message)}</Alert>;
  }
  if (!data) return <Loading label={t('app.loading')} />;
  if (!data.fellow) return <NotHers />;
  return <FellowView key={fellowId} fellow={data.fellow} notes={data.feedbackNotes} />;
}

function NotHers() {
  const { t } = useI18n();
  return (
    <Page title={t('fellowPage.notFoundTitle')} intro={t('fellowPage.notFound')}>
      <Link to="/cohorts">{t('fellowPage.backToCohorts')}</Link>
    </Page>
  );
}

function FellowView({ fellow, notes }: { fellow: Fellow; notes: readonly Note[] }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const zone = fellow.cohorts[0]?.timeZone ?? 'UTC';
  return (
    <Page
      title={fellow.fullName}
      intro={
        <>
          {fellow.cohorts.map((cohort, index) => (
            <span key={cohort.id}>
              {index > 0 && ', '}
              <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
            </span>
          ))}
          {fellow.city && <> · {fellow.city}</>}
        </>
      }
    >
      <h2>{t('fellowPage.progress')}</h2>
      {fellow.cohorts.length === 0 ? (
        <p className="list-empty">{t('fellowPage.noCohort')}</p>
      ) : (
        <ul className="list">
          {fellow.cohorts.map((cohort) => (
            <li key={cohort.id} className="list-item">
              <span className="card-title">{cohort.name}</span>
              <ProgressLine cohortId={cohort.id} fellowId={fellow.id} />
            </li>
          ))}
        </ul>
      )}

      <h2>{t('fellowPage.films')}</h2>
      <List
        items={fellow.films}
        empty={t('fellowPage.noFilms')}
        render={(film) => (
          <>
            <Link className="card-title" to={`/films/${film.id}`}>
              {film.title}
            </Link>
            <p>{t('films.stage', { stage: t(`stage.${film.stage}`) })}</p>
          </>
        )}
      />

      <h2>{t('notes.title')}</h2>
      {me.role !== 'FELLOW' && <p className="muted">{t('notes.intro')}</p>}
      <List
        label={t('notes.title')}
        items={notes}
        empty={t('notes.empty')}
        render={(note) => (
          <>
            <Badge tone={note.visibility === 'SHARED' ? 'good' : 'neutral'}>{t(`notes.visibility.${note.visibility}`)}</Badge>
            <p className="note-body">{note.body}</p>
            <p className="muted">
              {t('notes.by', {
                name: note.author?.fullName ?? t('notes.unknownAuthor'),
                date: formatDayOf(locale, note.createdAt, zone),
              })}
            </p>
          </>
        )}
      />
      {me.role !== 'FELLOW' && <NoteForm fellow={fellow} />}
    </Page>
  );
}

/** Her line of the cohort's progress: attended over held, the rate, and whether she is at risk (in words). */
function ProgressLine({ cohortId, fellowId }: { cohortId: string; fellowId: string }) {
  const { t, locale } = useI18n();
  const [{ data, error }] = useQuery({ query: FellowProgressQuery, variables: { cohortId } });
  if (error) return <p className="muted">{t(apiProblem(error).message)}</p>;
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  const line = data.cohortProgress.find((progress) => progress.fellow.id === fellowId);
  if (!line) return <p className="muted">{t('fellowPage.notEnrolled')}</p>;
  return (
    <p>
      {line.sessionsHeld === 0
        ? t('fellowPage.noneHeld')
        : t('fellowPage.attendance', {
            attended: line.sessionsAttended,
            held: line.sessionsHeld,
            rate: formatPercent(locale, line.attendanceRate),
          })}{' '}
      {line.atRisk && <Badge tone="bad">{t('progress.atRisk')}</Badge>}
    </p>
  );
}

/** A new note, private by default: sharing it with the fellow is a choice made each time. */
function NoteForm({ fellow }: { fellow: Fellow }) {
  const { t } = useI18n();
  const cohorts = fellow.cohorts.filter((cohort) => !cohort.archivedAt);
  const [adding, add] = useMutation(AddFeedbackNoteMutation);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('PRIVATE');
  const [cohortId, setCohortId] = useState(cohorts[0]?.id ?? '');
  const [bodyError, setBodyError] = useState<string>();
  const [added, setAdded] = useState(false);
  if (cohorts.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    if (!body.trim()) {
      setBodyError(t('notes.required'));
      return;
    }
    setBodyError(undefined);
    const result = await add({ input: { fellowId: fellow.id, cohortId, body: body.trim(), visibility } });
    if (!result.error) {
      setBody('');
      setVisibility('PRIVATE');
      setAdded(true);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h3>{t('notes.add')}</h3>
      <TextArea label={t('notes.body')} value={body} maxLength={2000} onChange={(e) => setBody(e.target.value)} error={bodyError} />
      <Choices legend={t('notes.visibility')}>
        {(['PRIVATE', 'SHARED'] as const).map((choice) => (
          <label key={choice}>
            <input type="radio" name="visibility" value={choice} checked={visibility === choice} onChange={() => setVisibility(choice)} />
            <span>{t(`notes.choice.${choice}`)}</span>
          </label>
        ))}
      </Choices>
      {cohorts.length > 1 && (
        <div className="field">
          <label htmlFor="note-cohort">{t('notes.cohort')}</label>
          <select id="note-cohort" value={cohortId} onChange={(e) => setCohortId(e.target.value)}>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {adding.error && <Alert>{t(apiProblem(adding.error).message)}</Alert>}
      <div role="status">{added && <p className="notice">{t('notes.added')}</p>}</div>
      <Button type="submit" disabled={adding.fetching}>
        {adding.fetching ? t('notes.adding') : t('notes.submit')}
      </Button>
    </form>
  );
}
