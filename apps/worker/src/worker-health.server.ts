import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SETTINGS, type Settings } from '#core';
import { JobQueue } from '#queue';
import { StorageService } from '#storage';
import { DataSource } from 'typeorm';
import { RepeatingJobs } from './repeating-jobs.js';

type Status = 'up' | 'down';

/**
 * The worker's health probe: GET / on WORKER_HEALTH_PORT answers 200 when PostgreSQL, Redis and the object store
 * answer and Redis holds every schedule, else 503, with each one's status. The worker has no other HTTP surface.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly repeating: RepeatingJobs,
    private readonly storage: StorageService,
  ) {}

  async status(): Promise<{ status: 'ok' | 'error'; postgres: Status; redis: Status; s3: Status; missingSchedules: string[] }> {
    const probe = async (check: () => Promise<unknown>): Promise<Status> => {
      try {
        await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref())]);
        return 'up';
      } catch {
        return 'down';
      }
    };
    // Every job reads or writes the store: a worker that cannot reach it only fails jobs, so it is not healthy.
    const [postgres, redis, s3] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.jobs.ping()),
      probe(() => this.storage.ping(AbortSignal.timeout(3000))),
    ]);
    // Redis answering is not enough: restarted empty, it no longer holds the schedules (restored within a minute).
    const missingSchedules = redis === 'up' ? await this.repeating.missing().catch(() => []) : [];
    const ok = postgres === 'up' && redis === 'up' && s3 === 'up' && missingSchedules.length === 0;
    return { status: ok ? 'ok' : 'error', postgres, redis, s3, missingSchedules };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((_, res) => {
      void this.status().then((body) => {
        res.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    const port = this.settings.worker.healthPort;
    // A port already taken (a second worker on the machine) stopped the worker with exit 1 and no reason.
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`The worker's health port ${port} is taken: is another worker running here? Set WORKER_HEALTH_PORT to a free port`)
            : error,
        ),
      );
      this.server!.listen(port, resolve);
    });
    this.logger.log(`Worker health probe on port ${this.settings.worker.healthPort}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
