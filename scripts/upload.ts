/**
 * npm run upload -- --film <filmId> [--kind FINAL_CUT|ROUGH_CUT|TRAILER] [--resume <uploadId>] <file>
 *
 * Uploads a film through the resumable protocol, with a progress bar. FILMSCHOOL_TOKEN holds an access token
 * (from `login`); FILMSCHOOL_API the GraphQL URL (default http://localhost:3000/graphql). If the connection
 * drops for good, the command prints the upload id: run it again with --resume <id> to send only what is left.
 */
import { basename, extname } from 'node:path';
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
const uploader = new FilmUploader({
  graphqlUrl: process.env.FILMSCHOOL_API ?? 'http://localhost:3000/graphql',
  accessToken: token,
  onProgress: ({ sentBytes, totalBytes, partsDone, partCount }) => {
    const ratio = totalBytes ? sentBytes / totalBytes : 1;
    const bar = '#'.repeat(Math.round(ratio * 30)).padEnd(30, '.');
    const rate = sentBytes / Math.max(1, (Date.now() - started) / 1000) / 1024 / 1024;
    process.stderr.write(`\r[${bar}] ${(ratio * 100).toFixed(1)}%  ${partsDone}/${partCount} parts  ${rate.toFixed(2)} MiB/s `);
  },
});
let uploadId = values.resume;
try {
  const asset = values.resume
    ? await uploader.resume(values.resume, source)
    : await uploader.upload(
        source,
        {
          filmId: values.film!,
          kind: values.kind as 'FINAL_CUT',
          fileName: basename(path),
          contentType: values.type ?? TYPES[extname(path).toLowerCase()] ?? 'video/mp4',
        },
        (id) => (uploadId = id),
      );
  process.stderr.write('\n');
  console.log(`Uploaded: asset ${asset.id}, ${asset.byteSize} bytes, now ${asset.status}`);
} catch (error) {
  process.stderr.write('\n');
  console.error(error instanceof UploadError ? `Upload failed: ${error.message}` : error);
  if (uploadId) console.error(`Resume with: npm run upload -- --resume ${uploadId} ${path}`);
  process.exitCode = 1;
} finally {
  await source.close();
}
