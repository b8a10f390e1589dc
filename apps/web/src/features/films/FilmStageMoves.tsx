import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { apiProblem } from '../../i18n/errors';
import { fr } from '../../i18n/fr';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Alert, Button, SelectField, TextArea } from '../../ui/ui';
import { SetFilmStageMutation, type FilmStage } from './operations';

const NOTE_MAX = 2000;
const isKey = (key: string): key is MessageKey => Object.hasOwn(fr, key);

/**
 * The moves the API allows for this film, for those who may make them (its directors, its cohort's trainers,
 * managers: the API sends the lists empty to others): a button per next stage, and going back to an earlier stage
 * with the note saying why. A refusal (the page was stale) is shown with the moves the API names.
 */
export function FilmStageMoves({
  filmId,
  nextStages,
  previousStages,
  onChanged,
}: {
  filmId: string;
  nextStages: readonly FilmStage[];
  previousStages: readonly FilmStage[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [{ fetching }, setFilmStage] = useMutation(SetFilmStageMutation);
  const [error, setError] = useState<{ field: 'form' | 'note'; message: string }>();
  if (nextStages.length === 0 && previousStages.length === 0) return null;

  const move = async (stage: FilmStage, note: string | null, fromBackForm = false): Promise<boolean> => {
    setError(undefined);
    const result = await setFilmStage({ filmId, stage, note });
    if (!result.error) {
      onChanged();
      return true;
    }
    const problem = apiProblem(result.error);
    const allowed = result.error.graphQLErrors[0]?.extensions?.allowedStages;
    const names = Array.isArray(allowed)
      ? allowed.map((name) => (isKey(`stage.${name}`) ? t(`stage.${name}` as MessageKey) : String(name)))
      : [];
    const byReason = `stages.error.${problem.reason}`;
    const message = problem.reason && isKey(byReason) ? t(byReason, { allowed: names.join(', ') }) : t(problem.message);
    setError({ field: fromBackForm && problem.reason === 'NOTE_REQUIRED' ? 'note' : 'form', message });
    return false;
  };

  const goBack = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const stage = String(data.get('stage') ?? '') as FilmStage;
    const note = String(data.get('note') ?? '').trim();
    if (!note) return setError({ field: 'note', message: t('stages.noteRequired') });
    if (await move(stage, note, true)) form.reset();
  };

  return (
    <section aria-labelledby="stage-moves">
      <h2 id="stage-moves">{t('stages.title')}</h2>
      {error?.field === 'form' && <Alert>{error.message}</Alert>}
      {nextStages.length > 0 && (
        <div className="actions">
          {nextStages.map((stage) => (
            <Button key={stage} disabled={fetching} onClick={() => void move(stage, null)}>
              {t('stages.moveTo', { stage: t(`stage.${stage}`) })}
            </Button>
          ))}
        </div>
      )}
      {previousStages.length > 0 && (
        <form className="form" onSubmit={goBack} noValidate>
          <h3>{t('stages.backTitle')}</h3>
          <SelectField
            label={t('stages.backTo')}
            name="stage"
            options={previousStages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
          />
          <TextArea
            label={t('stages.note')}
            name="note"
            required
            maxLength={NOTE_MAX}
            error={error?.field === 'note' ? error.message : undefined}
          />
          <div>
            <Button type="submit" variant="quiet" disabled={fetching}>
              {t('stages.back')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
