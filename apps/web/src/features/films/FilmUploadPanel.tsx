import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { blobSource, FilmUploader, UploadError, type UploadProgress } from '#upload-client';
import { getToken } from '../../app/session';
import { formatPercent, formatSpeed, formatTimeLeft } from '../../i18n/format';
import { fr } from '../../i18n/fr';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Alert, Button, Field, List, SelectField } from '../../ui/ui';
import { AbortFilmUploadMutation, MyUnfinishedUploadsQuery, type AssetKind, type UnfinishedUpload } from './operations';

const KINDS: readonly AssetKind[] = ['FINAL_CUT', 'ROUGH_CUT', 'TRAILER'];
const STORAGE_PREFIX = 'filmschool.upload:';
/** Speed is measured over the last seconds only: a phone moving between cells changes speed often. */
const SPEED_WINDOW_MS = 20_000;
/** Browsers give no type to some video files (.mkv on several): the API wants one, the worker checks the bytes. */
const TYPE_OF_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  avi: 'video/x-msvideo',
};

/** Where this browser remembers the upload of a file: the same file (name, size, date) finds its upload again. */
const storageKey = (filmId: string, file: File) => `${STORAGE_PREFIX}${filmId}:${file.name}:${file.size}:${file.lastModified}`;

function forgetUpload(uploadId: string): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(STORAGE_PREFIX) && localStorage.getItem(key) === uploadId) localStorage.removeItem(key);
  }
}

/** Bytes of an upload already in the store: every recorded part is full but the last. */
function bytesDone(upload: UnfinishedUpload): number {
  const last = upload.asset.byteSize - (upload.partCount - 1) * upload.partSize;
  return upload.uploadedParts.reduce((sum, part) => sum + (part.partNumber === upload.partCount ? last : upload.partSize), 0);
}

const isKey = (key: string): key is MessageKey => Object.hasOwn(fr, key);

type Phase = 'idle' | 'sending' | 'paused' | 'done' | 'failed';

interface Progress {
  sentBytes: number;
  totalBytes: number;
  bytesPerSecond?: number;
}

interface FilmUploadPanelProps {
  filmId: string;
  /** The film's files changed (an upload started, finished or was abandoned): the page fetches them again. */
  onChanged(): void;
}

/**
 * A director uploads a cut of her film from her phone: the file goes part by part straight to the store, with
 * progress, speed and time left, Pause and Resume, and it keeps retrying while the connection is down. An upload
 * cut short (lost network, closed tab, reload, another browser) is listed from the API: choosing the same file
 * again sends only the missing parts.
 */
export function FilmUploadPanel({ filmId, onChanged }: FilmUploadPanelProps) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const [{ data: unfinishedData }, refetchUnfinished] = useQuery({
    query: MyUnfinishedUploadsQuery,
    variables: { filmId },
    requestPolicy: 'cache-and-network',
  });
  const [, abortUpload] = useMutation(AbortFilmUploadMutation);
  const [kind, setKind] = useState<AssetKind>('FINAL_CUT');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<MessageKey | undefined>();
  const [fileError, setFileError] = useState<MessageKey | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  /** Uploads finished or abandoned here: no longer listed, even before the API's list is fetched again. */
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const forget = (id: string) => {
    forgetUpload(id);
    setGone((before) => new Set(before).add(id));
  };
  const uploadId = useRef<string | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);
  const samples = useRef<{ at: number; bytes: number }[]>([]);
  const [sendingKind, setSendingKind] = useState<AssetKind>('FINAL_CUT');

  // Leaving the page pauses the upload; its parts stay recorded for a later resume.
  useEffect(() => () => controller.current?.abort(), []);

  const unfinished = (unfinishedData?.myUnfinishedUploads ?? []).filter((upload) => !gone.has(upload.id));
  const refresh = useCallback(() => refetchUnfinished({ requestPolicy: 'network-only' }), [refetchUnfinished]);

  const matchOf = (chosen: File): UnfinishedUpload | undefined => {
    const remembered = localStorage.getItem(storageKey(filmId, chosen));
    return (
      unfinished.find((upload) => upload.id === remembered) ??
      unfinished.find((upload) => upload.asset.fileName === chosen.name && upload.asset.byteSize === chosen.size)
    );
  };

  const onProgress = (report: UploadProgress) => {
    const now = performance.now();
    samples.current = [...samples.current.filter((sample) => now - sample.at < SPEED_WINDOW_MS), { at: now, bytes: report.sentBytes }];
    const first = samples.current[0]!;
    const seconds = (now - first.at) / 1000;
    const bytesPerSecond = seconds >= 0.5 && report.sentBytes > first.bytes ? (report.sentBytes - first.bytes) / seconds : undefined;
    setProgress({ sentBytes: report.sentBytes, totalBytes: report.totalBytes, bytesPerSecond });
    setRetrying(false);
  };

  const send = async (chosen: File, resumeId: string | undefined, chosenKind: AssetKind) => {
    controller.current?.abort();
    const signal = new AbortController();
    controller.current = signal;
    samples.current = [];
    uploadId.current = resumeId;
    setSendingKind(chosenKind);
    setPhase('sending');
    setError(undefined);
    setRetrying(false);
    setNotice(undefined);
    const uploader = new FilmUploader({
      graphqlUrl: '/graphql',
      accessToken: getToken() ?? '',
      signal: signal.signal,
      // On a phone the network comes back: keep trying (every 10 s at most) rather than give up, until paused.
      maxAttempts: Number.POSITIVE_INFINITY,
      retryBaseMs: 1000,
      maxRetryDelayMs: 10_000,
      onProgress,
      onRetry: () => setRetrying(true),
    });
    try {
      if (resumeId) {
        await uploader.resume(resumeId, blobSource(chosen));
      } else {
        const extension = chosen.name.split('.').pop()?.toLowerCase() ?? '';
        const contentType = chosen.type || TYPE_OF_EXTENSION[extension] || 'application/octet-stream';
        await uploader.upload(blobSource(chosen), { filmId, kind: chosenKind, fileName: chosen.name, contentType }, (id) => {
          uploadId.current = id;
          localStorage.setItem(storageKey(filmId, chosen), id);
          onChanged();
        });
      }
      if (uploadId.current) forget(uploadId.current);
      setPhase('done');
      setFile(null);
      refresh();
      onChanged();
    } catch (failure) {
      const code = failure instanceof UploadError ? failure.code : undefined;
      if (code === 'ABORTED') {
        if (controller.current === signal) setPhase('paused');
        return;
      }
      if (controller.current !== signal) return;
      const reason = failure instanceof UploadError ? (failure.reason ?? code) : undefined;
      // An upload that can no longer take parts is forgotten: choosing the file again starts a new one.
      if (uploadId.current && (reason === 'UPLOAD_CLOSED' || reason === 'UPLOAD_NOT_FOUND' || code === 'NOT_FOUND')) {
        forget(uploadId.current);
      }
      const key = `upload.error.${reason}`;
      setError(isKey(key) ? key : 'upload.error.other');
      setPhase('failed');
      refresh();
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setFile(chosen);
    setFileError(undefined);
    setError(undefined);
    setNotice(undefined);
    if (!chosen) return;
    const match = matchOf(chosen);
    // The same file as an interrupted upload: go on at once, sending only what is missing.
    if (match) void send(chosen, match.id, match.asset.kind);
  };

  const start = () => {
    if (!file) return setFileError('upload.fileRequired');
    const match = matchOf(file);
    void send(file, match?.id, match?.asset.kind ?? kind);
  };

  const pause = () => {
    controller.current?.abort();
    setPhase('paused');
    setRetrying(false);
  };

  const resume = () => {
    if (file) void send(file, uploadId.current, sendingKind);
  };

  const abandon = async (upload: UnfinishedUpload) => {
    const result = await abortUpload({ uploadId: upload.id });
    setConfirming(undefined);
    if (result.error) {
      setError('upload.error.other');
      return;
    }
    forget(upload.id);
    setNotice(t('upload.abandoned', { fileName: upload.asset.fileName }));
    refresh();
    onChanged();
  };

  const active = phase === 'sending' || phase === 'paused';
  const listed = unfinished.filter((upload) => !(active && upload.id === uploadId.current));
  const chosenMatches = file && !active ? matchOf(file) : undefined;
  const percent = progress && progress.totalBytes > 0 ? progress.sentBytes / progress.totalBytes : 0;
  const status =
    phase === 'sending' && retrying
      ? t('upload.retrying')
      : phase === 'paused'
        ? t('upload.paused')
        : phase === 'done'
          ? t('upload.done')
          : (notice ?? '');

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('upload.title')}</h2>
      <p className="muted">{t('upload.intro')}</p>

      {listed.length > 0 && (
        <>
          <h3>{t('upload.interruptedTitle')}</h3>
          <List
            items={listed}
            empty=""
            label={t('upload.interruptedTitle')}
            render={(upload) => (
              <>
                <p>
                  {t('upload.interrupted', {
                    fileName: upload.asset.fileName,
                    percent: formatPercent(locale, bytesDone(upload) / upload.asset.byteSize),
                  })}
                </p>
                {confirming === upload.id ? (
                  <div className="actions">
                    <p>{t('upload.confirmQuestion')}</p>
                    <Button onClick={() => void abandon(upload)}>{t('upload.confirmAbandon', { fileName: upload.asset.fileName })}</Button>
                    <Button variant="quiet" onClick={() => setConfirming(undefined)}>
                      {t('upload.keep')}
                    </Button>
                  </div>
                ) : (
                  <div className="actions">
                    <Button
                      variant="quiet"
                      aria-label={t('upload.abandonLabel', { fileName: upload.asset.fileName })}
                      onClick={() => setConfirming(upload.id)}
                      disabled={active}
                    >
                      {t('upload.abandon')}
                    </Button>
                  </div>
                )}
              </>
            )}
          />
        </>
      )}

      {active && progress && (
        <div className="progress">
          <p>{t('upload.sending', { fileName: file?.name ?? '', kind: t(`assetKind.${sendingKind}`) })}</p>
          <progress max={1} value={percent} aria-label={t('upload.progressLabel', { fileName: file?.name ?? '' })} />
          <p>
            {formatPercent(locale, percent)}
            {phase === 'sending' && !retrying && (
              <>
                {' · '}
                {progress.bytesPerSecond
                  ? `${formatSpeed(locale, progress.bytesPerSecond)} · ${t('upload.timeLeft', {
                      duration: formatTimeLeft(locale, (progress.totalBytes - progress.sentBytes) / progress.bytesPerSecond),
                    })}`
                  : t('upload.estimating')}
              </>
            )}
          </p>
        </div>
      )}
      <p role="status" className={retrying && phase === 'sending' ? 'notice' : undefined}>
        {status}
      </p>
      {active && (
        <div className="actions">
          {phase === 'sending' ? (
            <Button variant="quiet" onClick={pause}>
              {t('upload.pause')}
            </Button>
          ) : (
            <Button onClick={resume}>{t('upload.resume')}</Button>
          )}
        </div>
      )}

      {error && <Alert>{t(error)}</Alert>}

      {!active && (
        <div className="form">
          <SelectField
            label={t('upload.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as AssetKind)}
            options={KINDS.map((value) => ({ value, label: t(`assetKind.${value}`) }))}
          />
          <Field
            label={t('upload.file')}
            type="file"
            accept="video/*,.mkv,.mov"
            onChange={onFile}
            error={fileError && t(fileError)}
            hint={file && listed.length > 0 ? t(chosenMatches ? 'upload.matches' : 'upload.noMatch') : undefined}
          />
          <div>
            <Button onClick={start}>{t('upload.start')}</Button>
          </div>
        </div>
      )}
    </section>
  );
}
