import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '#core';
import { RedisStore } from '#queue';
import { StorageService } from '#storage';

const TIMEOUT_MS = 3000;

/** `/health`: PostgreSQL, Redis and the object store, each up or down (503 when any is down). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisStore,
    private readonly storage: StorageService,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: TIMEOUT_MS }),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => void (await this.redis.client.ping()))
          .withTimeout(TIMEOUT_MS),
      () =>
        this.indicators
          .check('s3')
          .attempt(({ signal }) => this.storage.ping(signal))
          .withTimeout(TIMEOUT_MS),
    ]);
  }
}
