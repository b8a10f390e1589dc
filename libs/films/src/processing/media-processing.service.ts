import { access, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SETTINGS, type Settings } from '#core';
import type { JobOutcome } from '#queue';
import { StorageService } from '#storage';
import { DataSource } from 'typeorm';
import { AssetKind, AssetStatus, Film, MediaAsset } from '../entities/index.js';
import { formatAccepted, SNIFF_BYTES, sniffContainer } from './container-sniffer.js';
import {
  localProbeArgs,
  parseProbe,
  posterArgs,
  previewArgs,
  probeArgs,
  renditionShortfall,
  resolveBinary,
  runTool,
  ToolError,
  type ProbeResult,
} from './media-tools.js';

const PROBE_TIMEOUT_MS = 2 * 60_000;
const RENDITION_TIMEOUT_MS = 4 * 3600_000;
/** Where each processing works; a folder with this prefix older than the longest encode was left by a killed worker. */
export const WORK_DIR_PREFIX = 'filmschool-media-';

/** The keys of an asset's renditions derive from its id: a re-run overwrites them instead of adding more. */
export const posterKeyOf = (assetId: string): string => `posters/${assetId}.jpg`;
export const previewKeyOf = (assetId: string): string => `previews/${assetId}.mp4`;

/**
 * Checks and prepares an uploaded film: refuses what is not a video whatever its name, reads its metadata with
 * ffprobe through a signed URL (no full download), and makes a poster frame and a low-bitrate preview.
 */
@Injectable()
export class MediaProcessingService {
  private readonly logger = new Logger(MediaProcessingService.name);
  private readonly ffmpeg: string;
  private readonly ffprobe: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    @Inject(SETTINGS) settings: Settings,
  ) {
    this.ffmpeg = resolveBinary('ffmpeg', settings.films.ffmpegPath);
    this.ffprobe = resolveBinary('ffprobe', settings.films.ffprobePath);
  }

  /**
   * Removes the work folders of processings that can no longer be running (older than the longest encode): a
   * worker killed mid-film left its folder behind (7.5 MB a kill). Run by the hourly clean-up.
   */
  async removeStaleWorkDirs(now = Date.now(), dir = tmpdir()): Promise<number> {
    let removed = 0;
    for (const name of await readdir(dir)) {
      if (!name.startsWith(WORK_DIR_PREFIX)) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isDirectory() || now - info.mtimeMs <= RENDITION_TIMEOUT_MS + 3600_000) continue;
      await rm(path, { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }

  async process(assetId: string, reportProgress: (percent: number) => Promise<void> = async () => {}): Promise<JobOutcome> {
    const asset = await this.dataSource.getRepository(MediaAsset).findOneBy({ id: assetId });
    if (!asset) return { status: 'skipped', reason: 'the asset no longer exists' };
    if (asset.status !== AssetStatus.PROCESSING) return { status: 'skipped', reason: `the asset is ${asset.status}` };

    const sniffed = sniffContainer(await this.storage.read(asset.objectKey, { start: 0, end: SNIFF_BYTES - 1 }));
    if (!sniffed.video) return this.reject(asset, `Not a video: the file is ${sniffed.looksLike}, whatever its name or declared type`);
    const { demuxer } = sniffed;
    await reportProgress(5);

    // ffprobe and ffmpeg read the object over HTTP ranges: nothing is downloaded whole to learn its metadata.
    const url = await this.storage.signedGetUrl(asset.objectKey, 3600);
    let probe: ProbeResult;
    try {
      probe = parseProbe(await runTool(this.ffprobe, probeArgs(url, demuxer), { timeoutMs: PROBE_TIMEOUT_MS }));
    } catch (error) {
      if (error instanceof ToolError) return this.reject(asset, `ffprobe cannot read this file as ${sniffed.container} (${error.message})`);
      throw error;
    }
    if (!formatAccepted(demuxer, probe.formatName)) {
      return this.reject(asset, `Not a video container accepted here: ffprobe reads it as "${probe.formatName ?? 'nothing'}"`);
    }
    if (!probe.hasVideo) return this.reject(asset, 'The file holds no video stream');
    await reportProgress(10);

    const workDir = await mkdtemp(join(tmpdir(), WORK_DIR_PREFIX));
    try {
      const posterFile = join(workDir, 'poster.jpg');
      const previewFile = join(workDir, 'preview.mp4');
      const posterAt = probe.durationSeconds ? Math.min(1, probe.durationSeconds / 2) : 0;
      await runTool(this.ffmpeg, posterArgs(url, demuxer, posterAt, posterFile), { timeoutMs: PROBE_TIMEOUT_MS });
      // A seek into a stream without an index (MPEG-TS) can land past the only key frame of a short clip: ffmpeg then
      // ends without error and without a frame. The first frame makes the poster instead.
      if (posterAt > 0 && !(await exists(posterFile))) {
        await runTool(this.ffmpeg, posterArgs(url, demuxer, 0, posterFile), { timeoutMs: PROBE_TIMEOUT_MS });
      }
      const total = (probe.durationSeconds ?? 0) * 1_000_000;
      let reported = 10;
      await runTool(this.ffmpeg, previewArgs(url, demuxer, previewFile), {
        timeoutMs: RENDITION_TIMEOUT_MS,
        onLine: (line) => {
          const match = /^out_time_us=(\d+)/.exec(line) ?? /^out_time_ms=(\d+)/.exec(line);
          if (!match || total <= 0) return;
          const percent = Math.min(95, 10 + Math.floor((Number(match[1]) / total) * 85));
          if (percent >= reported + 5) {
            reported = percent;
            void reportProgress(percent);
          }
        },
      });
      // Checked before anything is stored: a preview cut short fails this try, and the job runs again.
      const made = parseProbe(await runTool(this.ffprobe, localProbeArgs(previewFile), { timeoutMs: PROBE_TIMEOUT_MS }));
      const shortfall = renditionShortfall(probe.durationSeconds, made.durationSeconds);
      if (shortfall) throw new Error(`The encoding stopped early (${shortfall}): it will be tried again`);
      await this.storage.putFile(posterKeyOf(asset.id), posterFile, 'image/jpeg');
      await this.storage.putFile(previewKeyOf(asset.id), previewFile, 'video/mp4');
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }

    await this.dataSource.transaction(async (manager) => {
      await manager.update(MediaAsset, asset.id, {
        status: AssetStatus.READY,
        durationSeconds: probe.durationSeconds,
        width: probe.width,
        height: probe.height,
        videoCodec: probe.videoCodec,
        audioCodec: probe.audioCodec,
        bitrate: probe.bitrate,
        posterKey: posterKeyOf(asset.id),
        previewKey: previewKeyOf(asset.id),
        failureReason: null,
      });
      if (asset.kind === AssetKind.FINAL_CUT && probe.durationSeconds !== null) {
        await manager.update(Film, asset.filmId, { runtimeSeconds: Math.round(probe.durationSeconds) });
      }
    });
    await reportProgress(100);
    this.logger.log({ assetId, durationSeconds: probe.durationSeconds, videoCodec: probe.videoCodec }, 'Asset ready');
    return { status: 'done', detail: { durationSeconds: probe.durationSeconds } };
  }

  /** Called once the job's retries are spent: the asset ends FAILED with the last error kept. */
  async markFailed(assetId: string, error: string): Promise<void> {
    await this.dataSource
      .getRepository(MediaAsset)
      .update({ id: assetId, status: AssetStatus.PROCESSING }, { status: AssetStatus.FAILED, failureReason: error.slice(0, 2000) });
  }

  /**
   * Refuses the file and keeps nothing of it: a rejected upload (a PDF, a page, an archive) must not stay in the
   * bucket, where a signed link or a leak could still serve it. Should the store fail to delete it now, the
   * clean-up job deletes it later, as a REJECTED asset holds no file (FilmUploadsService.deleteOrphans).
   */
  private async reject(asset: MediaAsset, reason: string): Promise<JobOutcome> {
    await this.dataSource.getRepository(MediaAsset).update(asset.id, { status: AssetStatus.REJECTED, rejectionReason: reason });
    const keys = [asset.objectKey, posterKeyOf(asset.id), previewKeyOf(asset.id)];
    const deleted = await Promise.allSettled(keys.map((key) => this.storage.delete(key)));
    const failed = deleted.filter((result) => result.status === 'rejected');
    if (failed.length)
      this.logger.warn({ assetId: asset.id, err: failed[0].reason }, 'Rejected file not deleted yet; the clean-up job will');
    this.logger.log({ assetId: asset.id, reason }, 'Asset rejected');
    return { status: 'done', detail: { rejected: reason } };
  }
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );
