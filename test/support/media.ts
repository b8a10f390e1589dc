import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveBinary } from '#films';

export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'filmschool-media-test-'));

/**
 * Makes a short H.264/AAC MP4 with ffmpeg. Lossless noise keeps it large for its length, so that a two-second
 * clip spans several 5 MiB parts.
 */
export function makeVideo(path: string, options: { seconds: number; width: number; height: number; noise?: boolean }): string {
  const video = `testsrc2=size=${options.width}x${options.height}:rate=25${options.noise === false ? '' : ',noise=alls=80:allf=t'}`;
  execFileSync(resolveBinary('ffmpeg'), [
    '-y',
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    video,
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=44100',
    '-t',
    String(options.seconds),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-qp',
    '0',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    path,
  ]);
  return path;
}

/** Makes a small animated GIF: a file ffprobe reads as video, and no film. */
export function makeGif(path: string): string {
  execFileSync(resolveBinary('ffmpeg'), ['-y', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=5', '-t', '1', path]);
  return path;
}

/**
 * Reads a media URL's streams with ffprobe. Asynchronous on purpose: the tests' S3 endpoint runs in this
 * process, and a synchronous child would block the very server it reads from.
 */
export async function probeUrl(
  url: string,
): Promise<{ streams: { codec_type: string; codec_name: string; width?: number; height?: number }[]; format: { duration: string } }> {
  const { stdout } = await promisify(execFile)(resolveBinary('ffprobe'), [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    url,
  ]);
  return JSON.parse(stdout);
}
