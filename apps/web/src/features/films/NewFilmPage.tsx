import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../app/me';
import { apiProblem } from '../../i18n/errors';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { fr } from '../../i18n/fr';
import { Alert, Button, Field, Loading, Page, SelectField } from '../../ui/ui';
import { CreateFilmMutation, NewFilmCohortsQuery } from './operations';

const GENRES = ['FICTION', 'DOCUMENTARY', 'ANIMATION', 'EXPERIMENTAL'] as const;
const TITLE_MAX = 200;
const LOGLINE_MAX = 500;

type FieldName = 'title' | 'genre' | 'cohort' | 'logline';
type Errors = Partial<Record<FieldName | 'form', { key: MessageKey; values?: Record<string, number> }>>;

/** The field an API refusal concerns: by the domain's reason, or by the input property a validation names. */
const FIELD_OF_REASON: Record<string, FieldName> = { DIRECTOR_NOT_ENROLLED: 'cohort', ARCHIVED: 'cohort', COHORT_NOT_FOUND: 'cohort' };
const FIELD_OF_PROPERTY: Record<string, FieldName> = { title: 'title', genre: 'genre', cohortId: 'cohort', logline: 'logline' };

const isKey = (key: string): key is MessageKey => Object.hasOwn(fr, key);

/**
 * A fellow creates a film she directs, in one of her cohorts (chosen for her when she has one). The API checks
 * that she directs it and is enrolled in the cohort; its refusals are shown next to the field they concern.
 */
export function NewFilmPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: NewFilmCohortsQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching }, createFilm] = useMutation(CreateFilmMutation);
  const [errors, setErrors] = useState<Errors>({});

  if (error) return <Alert>{t(apiProblem(error).message)}</Alert>;
  if (!data) return <Loading label={t('app.loading')} />;
  const fellowId = data.me.fellow?.id ?? me.fellow?.id;
  const cohorts = (data.me.fellow?.cohorts ?? []).filter((cohort) => !cohort.archivedAt);
  if (!fellowId || cohorts.length === 0) return <Page title={t('newFilm.title')} intro={t('newFilm.noCohort')} />;

  const message = (name: FieldName | 'form') => {
    const problem = errors[name];
    return problem && t(problem.key, problem.values);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const genre = String(form.get('genre') ?? '');
    const cohortId = String(form.get('cohort') ?? '');
    const logline = String(form.get('logline') ?? '').trim();
    const found: Errors = {};
    if (!title) found.title = { key: 'newFilm.required' };
    else if (title.length > TITLE_MAX) found.title = { key: 'newFilm.tooLong', values: { max: TITLE_MAX } };
    if (!genre) found.genre = { key: 'newFilm.required' };
    if (!cohortId) found.cohort = { key: 'newFilm.required' };
    if (logline.length > LOGLINE_MAX) found.logline = { key: 'newFilm.tooLong', values: { max: LOGLINE_MAX } };
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    const result = await createFilm({
      input: { title, genre: genre as (typeof GENRES)[number], cohortId, directorIds: [fellowId], logline: logline || null },
    });
    if (result.data) return navigate(`/films/${result.data.createFilm.id}`);
    if (!result.error) return;
    const problem = apiProblem(result.error);
    const byReason = `newFilm.error.${problem.reason}`;
    const key = problem.reason && isKey(byReason) ? byReason : problem.message;
    const problems = result.error.graphQLErrors[0]?.extensions?.problems;
    const property = Array.isArray(problems) && typeof problems[0] === 'string' ? problems[0].split(' ')[0] : undefined;
    const field = (problem.reason && FIELD_OF_REASON[problem.reason]) || (property && FIELD_OF_PROPERTY[property]) || 'form';
    setErrors({ [field]: { key } });
  };

  return (
    <Page title={t('newFilm.title')} intro={t('newFilm.intro')}>
      {errors.form && <Alert>{message('form')}</Alert>}
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('newFilm.fieldTitle')} name="title" autoComplete="off" maxLength={TITLE_MAX} required error={message('title')} />
        <SelectField
          label={t('newFilm.genre')}
          name="genre"
          required
          placeholder={t('newFilm.choose')}
          options={GENRES.map((genre) => ({ value: genre, label: t(`newFilm.genre.${genre}`) }))}
          error={message('genre')}
        />
        <SelectField
          label={t('newFilm.cohort')}
          name="cohort"
          required
          defaultValue={cohorts.length === 1 ? cohorts[0]!.id : ''}
          placeholder={cohorts.length === 1 ? undefined : t('newFilm.choose')}
          options={cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
          error={message('cohort')}
        />
        <Field label={t('newFilm.logline')} hint={t('newFilm.loglineHint')} name="logline" autoComplete="off" error={message('logline')} />
        <div>
          <Button type="submit" disabled={fetching}>
            {fetching ? t('newFilm.submitting') : t('newFilm.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
