import { Module } from '@nestjs/common';
import { ReportsResolver } from './reports.resolver.js';
import { ReportsService } from './reports.service.js';

export const REPORTS_RESOLVERS = [ReportsResolver];

/** The impact figures (SQL aggregates over the other domains' tables). */
@Module({ providers: [ReportsService, ...REPORTS_RESOLVERS], exports: [ReportsService] })
export class ReportsApiModule {}
