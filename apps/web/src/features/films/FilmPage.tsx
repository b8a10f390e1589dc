import { useCallback, useEffect } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { isId, ProblemPage } from '../../app/ProblemPage';
import { useMe } from '../../app/me';
import { apiProblem } from '../../i18n/errors';
import { formatBytes, formatDateTime, formatDuration } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, List, Loading, Page } from '../../ui/ui';
import { FilmStageMoves } from './FilmStageMoves';
import { FilmUploadPanel } from './FilmUploadPanel';
import { FilmQuery, type FilmStage } from './operations';

/** The stages in the order a film goes through them (the schema lists them alphabetically). */
const STAGES: readonly FilmStage[] = ['IDEA', 'SYNOPSIS', 'SCRIPT', 'PRE_PRODUCTION', 'SHOOTING', 'EDITING', 'FINAL_CUT'];

const STATUS_TONE = { READY: 'good', PROCESSING: 'busy', UPLOADING: 'busy', REJECTED: 'bad', FAILED: 'bad', EXPIRED: 'neutral' } as const;
/**
 * How often the page asks again while the worker processes a file. Only PROCESSING is waited for: an upload left
 * unfinished stays UPLOADING for days, and polling for it would spend a phone's data for nothing.
 */
const POLL_MS = 3000;

/** One film: where it stands among its stages, its files and their processing, its poster and preview. */
export function FilmPage() {
  const { filmId = '' } = useParams();
  const { t, locale } = useI18n();
  const me = useMe();
  const valid = isId(filmId);
  const [{ data, error }, reexecute] = useQuery({
    query: FilmQuery,
    variables: { id: filmId },
    requestPolicy: 'cache-and-network',
    pause: !valid,
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const processing = data?.film?.assets.some((asset) => asset.status === 'PROCESSING') ?? false;
  useEffect(() => {
    if (!processing) return;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [processing, refresh]);

  const problem = error && apiProblem(error);
  // A film one may not see is told like one that does not exist: its title is not for her either.
  // A failed refresh (a poll while the phone is offline) keeps the page, and an upload running on it, in place.
  if (!valid || (error && !data?.film)) return <ProblemPage error={error} notFound="film.notFound" />;
  if (!data && !problem) return <Loading label={t('app.loading')} />;
  const film = data?.film;
  if (!film) return <ProblemPage notFound="film.notFound" />;

  const current = STAGES.indexOf(film.stage);
  const ready = film.assets.find((asset) => asset.status === 'READY' && (asset.previewUrl || asset.posterUrl));
  const timeZone = film.cohort.timeZone;
  const directs = me.fellow != null && film.directors.some((director) => director.id === me.fellow?.id);

  return (
    <Page title={film.title} intro={t('film.cohort', { name: film.cohort.name })}>
      {ready && (
        <div className="media">
          {ready.previewUrl ? (
            <video controls preload="none" poster={ready.posterUrl ?? undefined} src={ready.previewUrl} aria-label={t('film.preview')} />
          ) : (
            ready.posterUrl && <img src={ready.posterUrl} alt={t('films.poster', { title: film.title })} />
          )}
        </div>
      )}
      {film.runtimeSeconds != null && <p>{t('film.runtime', { duration: formatDuration(locale, film.runtimeSeconds) })}</p>}
      {film.logline && (
        <>
          <h2>{t('film.logline')}</h2>
          <p>{film.logline}</p>
        </>
      )}
      {film.synopsis && (
        <>
          <h2>{t('film.synopsis')}</h2>
          <p>{film.synopsis}</p>
        </>
      )}

      <h2>{t('film.stages')}</h2>
      <ol className="stages">
        {STAGES.map((stage, index) => (
          <li key={stage} aria-current={index === current ? 'step' : undefined} className={index < current ? 'stage-done' : undefined}>
            {t(`stage.${stage}`)}
            {index === current && <span className="visually-hidden"> ({t('film.currentStage')})</span>}
            {index < current && <span className="visually-hidden"> ({t('film.done')})</span>}
          </li>
        ))}
      </ol>
      <FilmStageMoves
        key={`${film.id}:${film.stage}`}
        filmId={film.id}
        nextStages={film.nextStages}
        previousStages={film.previousStages}
        onChanged={refresh}
      />

      {directs && <FilmUploadPanel key={film.id} filmId={film.id} onChanged={refresh} />}

      <h2>{t('film.assets')}</h2>
      {processing && <p className="notice">{t('upload.processing')}</p>}
      <List
        items={film.assets}
        empty={t('film.noAssets')}
        render={(asset) => (
          <>
            <p>
              {t('asset.line', { kind: t(`assetKind.${asset.kind}`), fileName: asset.fileName, size: formatBytes(locale, asset.byteSize) })}{' '}
              <Badge tone={STATUS_TONE[asset.status]}>{t(`assetStatus.${asset.status}`)}</Badge>
            </p>
            <p className="muted">{t('asset.sentOn', { date: formatDateTime(locale, asset.createdAt, timeZone) })}</p>
            {(asset.status === 'REJECTED' || asset.status === 'FAILED') && (asset.failureReason || asset.rejectionReason) && (
              <p className="muted">{t('upload.reason', { reason: asset.rejectionReason ?? asset.failureReason ?? '' })}</p>
            )}
          </>
        )}
      />

      {film.stageHistory.length > 0 && (
        <>
          <h2>{t('film.history')}</h2>
          <List
            items={film.stageHistory}
            empty=""
            render={(change) => (
              <>
                {t('film.historyLine', { date: formatDateTime(locale, change.changedAt, timeZone), stage: t(`stage.${change.toStage}`) })}
                {change.note && <p className="muted">{t('stages.historyNote', { note: change.note })}</p>}
              </>
            )}
          />
        </>
      )}
    </Page>
  );
}
