import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { domainErrors, localDate } from '#core';
import { DataSource, In } from 'typeorm';
import {
  CreateFunderInput,
  CreateGrantInput,
  Funder,
  Grant,
  GrantProgramme,
  type FunderAmount,
  type ReportingDeadline,
} from './funding.entities.js';

const fundingError = domainErrors({
  FUNDER_NOT_FOUND: 'NOT_FOUND',
  PROGRAMME_NOT_FOUND: 'NOT_FOUND',
  FUNDER_EXISTS: 'CONFLICT',
  INVALID_DATES: 'BAD_USER_INPUT',
} as const);

/** Funders, their grants and the reporting dates they set. */
@Injectable()
export class FundingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listFunders(): Promise<Funder[]> {
    return this.dataSource.getRepository(Funder).find({ order: { name: 'ASC' } });
  }

  async createFunder(input: CreateFunderInput): Promise<Funder> {
    const name = input.name.trim();
    if (await this.dataSource.getRepository(Funder).existsBy({ name })) throw fundingError('FUNDER_EXISTS', `${name} is already a funder`);
    const funders = this.dataSource.getRepository(Funder);
    return funders.save(funders.create({ name, kind: input.kind }));
  }

  listGrants(funderId?: string): Promise<Grant[]> {
    return this.dataSource.getRepository(Grant).find({ where: funderId ? { funderId } : {}, order: { startDate: 'DESC' } });
  }

  async createGrant(input: CreateGrantInput): Promise<Grant> {
    if (!(await this.dataSource.getRepository(Funder).existsBy({ id: input.funderId })))
      throw fundingError('FUNDER_NOT_FOUND', `No funder with id ${input.funderId}`);
    if (input.endDate < input.startDate)
      throw fundingError('INVALID_DATES', `The grant ends (${input.endDate}) before it starts (${input.startDate})`);
    const programmeIds = [...new Set(input.programmeIds ?? [])];
    if (programmeIds.length) {
      const found: { id: string }[] = await this.dataSource.query('SELECT id FROM programme WHERE id = ANY($1)', [programmeIds]);
      const missing = programmeIds.filter((id) => !found.some((p) => p.id === id));
      if (missing.length) throw fundingError('PROGRAMME_NOT_FOUND', `No programme with id ${missing.join(', ')}`);
    }
    return this.dataSource.transaction(async (manager) => {
      const grant = await manager.save(
        manager.create(Grant, {
          ...input,
          currency: input.currency,
          reportingDueDates: [...new Set(input.reportingDueDates ?? [])].sort(),
        }),
      );
      if (programmeIds.length)
        await manager.insert(
          GrantProgramme,
          programmeIds.map((programmeId) => ({ grantId: grant.id, programmeId })),
        );
      return grant;
    });
  }

  /** Reports due from today (Bamako time) on, soonest first. */
  async upcomingReporting(days: number): Promise<ReportingDeadline[]> {
    const today = localDate(new Date(), 'Africa/Bamako');
    const rows: { grant_id: string; due_on: string }[] = await this.dataSource.query(
      `SELECT g.id AS grant_id, d::date::text AS due_on FROM "grant" g, unnest(g.reporting_due_dates) d
        WHERE d >= $1::date AND d <= $1::date + $2::int ORDER BY d, g.title`,
      [today, days],
    );
    const grants = await this.dataSource.getRepository(Grant).findBy({ id: In(rows.map((r) => r.grant_id)) });
    return rows.map((r) => ({ dueOn: r.due_on, grant: grants.find((g) => g.id === r.grant_id)! }));
  }

  /** Grants active in a period, summed per funder and currency (amounts are never converted). */
  amountsByFunder(from: string, to: string, programmeId: string | null): Promise<FunderAmount[]> {
    return this.dataSource
      .query(
        `SELECT f.name AS funder, g.currency, sum(g.amount)::float AS amount, count(*)::int AS grants
           FROM "grant" g JOIN funder f ON f.id = g.funder_id
          WHERE g.start_date <= $2::date AND g.end_date >= $1::date
            AND ($3::uuid IS NULL OR g.id IN (SELECT gp.grant_id FROM grant_programme gp WHERE gp.programme_id = $3::uuid))
          GROUP BY f.name, g.currency ORDER BY f.name, g.currency`,
        [from, to, programmeId],
      )
      .then((rows: FunderAmount[]) => rows);
  }
}
