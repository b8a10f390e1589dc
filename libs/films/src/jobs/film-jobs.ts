import { Injectable } from '@nestjs/common';
import type { JobHandler, JobOutcome, JobPayloads } from '#queue';
import type { Job } from 'bull';
import { MediaProcessingService } from '../processing/media-processing.service.js';
import { FilmUploadsService } from '../uploads/film-uploads.service.js';

/** Checks and prepares an uploaded film (job id `process:<assetId>`); ends FAILED when its retries run out. */
@Injectable()
export class ProcessAssetJob implements JobHandler<'films.process-asset'> {
  readonly jobName = 'films.process-asset' as const;

  constructor(private readonly processing: MediaProcessingService) {}

  handle({ assetId }: JobPayloads['films.process-asset'], job: Job<JobPayloads['films.process-asset']>): Promise<JobOutcome> {
    return this.processing.process(assetId, async (percent) => void (await job.progress(percent)));
  }

  onFinalFailure({ assetId }: JobPayloads['films.process-asset'], error: Error): Promise<void> {
    return this.processing.markFailed(assetId, error.message);
  }
}

@Injectable()
export class ExpireUploadsJob implements JobHandler<'films.expire-uploads'> {
  readonly jobName = 'films.expire-uploads' as const;

  constructor(
    private readonly uploads: FilmUploadsService,
    private readonly processing: MediaProcessingService,
  ) {}

  /** The hourly clean-up: abandoned uploads, stalled assets, orphan objects, and work folders of killed workers. */
  async handle(): Promise<JobOutcome> {
    const outcome = await this.uploads.expireAbandoned();
    const workDirsRemoved = await this.processing.removeStaleWorkDirs();
    return outcome.status === 'done' ? { status: 'done', detail: { ...outcome.detail, workDirsRemoved } } : outcome;
  }
}
