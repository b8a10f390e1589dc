import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import type { VideoDemuxer } from './container-sniffer.js';

const require = createRequire(import.meta.url);

/**
 * Where ffmpeg or ffprobe lives: the override when given (FFMPEG_PATH, FFPROBE_PATH), else the PATH (Debian's
 * ffmpeg in CI and in the image), else, in development only, the static binary of the npm package
 * (`@ffmpeg-installer/*`, a development dependency with an old ffmpeg that must never decode uploads in
 * production). The package is loaded only on that path, so a production install without it starts.
 */
export function resolveBinary(name: 'ffmpeg' | 'ffprobe', override?: string, environment = process.env.NODE_ENV): string {
  if (override) return override;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  const variable = name === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
  if (environment === 'production') {
    throw new Error(`${name} is not on the PATH: install the system's (apt-get install ffmpeg) or set ${variable}`);
  }
  const packageName = name === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe';
  try {
    return (require(packageName) as { path: string }).path;
  } catch {
    throw new Error(`${name} is not on the PATH and ${packageName} is not installed: install ffmpeg or set ${variable}`);
  }
}

export class ToolError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/**
 * Runs a tool in a child process, so that heavy work never blocks the worker's event loop (which must keep
 * renewing the job's lock). Resolves with stdout; `onLine` sees stdout line by line as it comes.
 */
export function runTool(binary: string, args: string[], options: { timeoutMs: number; onLine?: (line: string) => void }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!options.onLine) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(options.onLine);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ToolError(`${binary} could not start: ${error.message}`, ''));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else
        reject(
          new ToolError(
            `${binary.split('/').pop()} ${signal ? `was killed (${signal})` : `exited with ${code}`}: ${lastLine(stderr)}`,
            stderr,
          ),
        );
    });
  });
}

const lastLine = (text: string): string =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .at(-1)
    // A failing input is named by its URL: keep signatures out of errors and logs.
    ?.replace(/https?:\/\/\S+/g, '<signed url>') ?? 'no error output';

export interface ProbeResult {
  /** ffprobe's `format_name`, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  formatName: string | null;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  bitrate: number | null;
  hasVideo: boolean;
}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string; bit_rate?: string };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; disposition?: { attached_pic?: number } }[];
}

export function parseProbe(json: string): ProbeResult {
  const data = JSON.parse(json) as FfprobeJson;
  const streams = data.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const number = (value: string | undefined): number | null =>
    value !== undefined && Number.isFinite(Number(value)) ? Number(value) : null;
  const bitrate = number(data.format?.bit_rate);
  return {
    formatName: data.format?.format_name ?? null,
    durationSeconds: number(data.format?.duration),
    width: video?.width ?? null,
    height: video?.height ?? null,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    bitrate: bitrate === null ? null : Math.min(Math.round(bitrate), 2 ** 31 - 1),
    hasVideo: Boolean(video),
  };
}

/** 480 lines at most, even dimensions (H.264 needs them), never upscaled. */
const SCALE = "scale=-2:'trunc(min(480,ih)/2)*2'";

/**
 * How the tools open an upload: with the one demuxer its signature names (never ffmpeg's guess among hundreds),
 * and over HTTP only, so that nothing in the file can make them open a local file or another protocol.
 */
const inputArgs = (input: string, demuxer: VideoDemuxer): string[] => [
  '-protocol_whitelist',
  'http,https,tcp,tls',
  '-f',
  demuxer,
  '-i',
  input,
];

export const probeArgs = (input: string, demuxer: VideoDemuxer): string[] => [
  '-v',
  'error',
  '-print_format',
  'json',
  '-show_format',
  '-show_streams',
  ...inputArgs(input, demuxer),
];

/** ffprobe of a file this worker just wrote (the preview), on the local disk. */
export const localProbeArgs = (path: string): string[] => ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path];

/**
 * Why a rendition is not whole, or null when it is: it must last as long as its source, within 5 % (at least a
 * second). ffmpeg cut off from its input (a connection to the store reset mid-film) can stop early and still
 * exit 0: a 3-second preview of a 12-second film was stored and marked READY.
 */
export function renditionShortfall(sourceSeconds: number | null, renditionSeconds: number | null): string | null {
  if (sourceSeconds === null || sourceSeconds <= 0) return null;
  if (renditionSeconds === null) return 'the preview has no duration';
  const tolerance = Math.max(1, sourceSeconds * 0.05);
  if (sourceSeconds - renditionSeconds <= tolerance) return null;
  return `the preview lasts ${renditionSeconds.toFixed(1)} s, the film ${sourceSeconds.toFixed(1)} s`;
}

export const posterArgs = (input: string, demuxer: VideoDemuxer, atSeconds: number, output: string): string[] => [
  '-y',
  '-v',
  'error',
  '-ss',
  atSeconds.toFixed(2),
  ...inputArgs(input, demuxer),
  '-frames:v',
  '1',
  '-vf',
  SCALE,
  '-q:v',
  '3',
  output,
];

/** H.264/AAC MP4 at about 600 kbps, moov atom first so that playback starts before the download ends. */
export const previewArgs = (input: string, demuxer: VideoDemuxer, output: string): string[] => [
  '-y',
  '-v',
  'error',
  '-nostats',
  '-progress',
  'pipe:1',
  ...inputArgs(input, demuxer),
  '-map',
  '0:v:0',
  '-map',
  '0:a:0?',
  '-vf',
  SCALE,
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-b:v',
  '600k',
  '-maxrate',
  '700k',
  '-bufsize',
  '1200k',
  '-pix_fmt',
  'yuv420p',
  '-c:a',
  'aac',
  '-b:a',
  '64k',
  '-ac',
  '2',
  '-movflags',
  '+faststart',
  output,
];
