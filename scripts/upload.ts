/**
 * npm run upload -- --film <filmId> [--kind FINAL_CUT|ROUGH_CUT|TRAILER] [--resume <uploadId>] [--give-up-after <minutes>] <file>
 *
 * Uploads a film through the resumable protocol, with a progress bar. FILMSCHOOL_TOKEN holds an access token
 * (from `login`); FILMSCHOOL_API the GraphQL URL (default http://localhost:3000/graphql).
 *
 * The upload id is printed as soon as the upload starts and kept in a state file (FILMSCHOOL_UPLOAD_STATE,
 * default ~/.filmschool-uploads.json) under the film, kind and file: if the command is cut off (a lost
 * connection, Ctrl-C, a closed laptop), the same command run again resumes and sends only what is left.
 * --resume <uploadId> still resumes a given upload, e.g. one started on another machine.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileSource, FilmUploader, UploadError } from '#upload-client';

const TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/x-m4v',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.webm': 'video/webm',
  '.avi': 'video/x-msvideo',
  '.mpg': 'video/mpeg',
  '.mpeg': 'video/mpeg',
  '.ts': 'video/mp2t',
  '.3gp': 'video/3gpp',
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    film: { type: 'string' },
    kind: { type: 'string', default: 'FINAL_CUT' },
    resume: { type: 'string' },
    type: { type: 'string' },
    'give-up-after': { type: 'string', default: '15' },
  },
});
const path = positionals[0];
const token = process.env.FILMSCHOOL_TOKEN;
if (!path || (!values.film && !values.resume) || !token) {
  console.error('Usage: FILMSCHOOL_TOKEN=<token> npm run upload -- --film <filmId> [--kind FINAL_CUT] [--resume <uploadId>] <file>');
  process.exit(2);
}

const source = await fileSource(path);
const started = Date.now();
const giveUpMinutes = Number(values['give-up-after']);
if (!Number.isFinite(giveUpMinutes) || giveUpMinutes <= 0) {
  console.error('--give-up-after takes a number of minutes, e.g. 30');
  process.exit(2);
}
const uploader = new FilmUploader({
  graphqlUrl: process.env.FILMSCHOOL_API ?? 'http://localhost:3000/graphql',
  accessToken: token,
  // While the network is away the command keeps trying, with growing waits, for this long before giving up.
  giveUpAfterMs: giveUpMinutes * 60_000,
  onProgress: ({ sentBytes, totalBytes, partsDone, partCount }) => {
    const ratio = totalBytes ? sentBytes / totalBytes : 1;
    const bar = '#'.repeat(Math.round(ratio * 30)).padEnd(30, '.');
    const rate = sentBytes / Math.max(1, (Date.now() - started) / 1000) / 1024 / 1024;
    process.stderr.write(`\r[${bar}] ${(ratio * 100).toFixed(1)}%  ${partsDone}/${partCount} parts  ${rate.toFixed(2)} MiB/s `);
  },
});
const stateFile = process.env.FILMSCHOOL_UPLOAD_STATE ?? join(homedir(), '.filmschool-uploads.json');
const { size, mtimeMs } = statSync(path);
/** The same film, kind and file (path, size, modification time): what a run again should resume. */
const stateKey = [values.film ?? '', values.kind, resolve(path), size, Math.round(mtimeMs)].join('|');
const readState = (): Record<string, string> => {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
};
const remember = (id: string | null) => {
  const state = readState();
  if (id) state[stateKey] = id;
  else delete state[stateKey];
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
};

let uploadId = values.resume ?? (values.film ? readState()[stateKey] : undefined);
const start = () =>
  uploader.upload(
    source,
    {
      filmId: values.film!,
      kind: values.kind as 'FINAL_CUT',
      fileName: basename(path),
      contentType: values.type ?? TYPES[extname(path).toLowerCase()] ?? 'video/mp4',
    },
    (id) => {
      uploadId = id;
      remember(id);
      console.error(`Upload ${id} started. Cut off? Run the same command again to resume.`);
    },
  );
try {
  let asset;
  if (uploadId) {
    console.error(`Resuming upload ${uploadId}: only the parts not yet received are sent.`);
    try {
      asset = await uploader.resume(uploadId, source);
    } catch (error) {
      // An upload that expired, was abandoned or is not this person's: a remembered one starts again instead.
      const gone =
        error instanceof UploadError && ['NOT_FOUND', 'UPLOAD_CLOSED', 'UPLOAD_NOT_FOUND'].includes(error.reason ?? error.code ?? '');
      if (values.resume || !gone) throw error;
      console.error(`Upload ${uploadId} can no longer be resumed (${error.message}): starting again.`);
      asset = await start();
    }
  } else {
    asset = await start();
  }
  remember(null);
  process.stderr.write('\n');
  console.log(`Uploaded: asset ${asset.id}, ${asset.byteSize} bytes, now ${asset.status}`);
} catch (error) {
  process.stderr.write('\n');
  console.error(error instanceof UploadError ? `Upload failed: ${error.message}` : error);
  if (uploadId) console.error(`Run the same command again to resume upload ${uploadId}.`);
  process.exitCode = 1;
} finally {
  await source.close();
}
