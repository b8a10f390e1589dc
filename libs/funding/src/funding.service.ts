import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { localDate } from '#core';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import type { CreateFunderInput, CreateGrantInput, GrantTotalsFilter } from './dto/funding.inputs.js';
import { Currency, Funder, Grant, GrantProgramme, GrantReportDone } from './entities/index.js';
import { fundingError } from './funding.errors.js';
import type { CurrencyTotal, FunderAmount, ReportingDeadline } from './funding.models.js';
import { amountText, checkAmount } from './money.js';

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** The most days ahead `upcomingReporting` looks: ten years covers any grant. */
const MAX_REPORTING_DAYS = 3650;

/** Today in Bamako, where the programmes run and reports are due. */
const today = (): string => localDate(new Date(), 'Africa/Bamako');

/** Funders, their grants and the reporting dates they set. */
@Injectable()
export class FundingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listFunders(): Promise<Funder[]> {
    return this.dataSource.getRepository(Funder).find({ order: { name: 'ASC' } });
  }

  async createFunder(input: CreateFunderInput): Promise<Funder> {
    const name = input.name.trim();
    const funders = this.dataSource.getRepository(Funder);
    const exists = () => fundingError('FUNDER_EXISTS', `${name} is already a funder: choose another name or use the existing funder`);
    if (await funders.existsBy({ name })) throw exists();
    try {
      return await funders.save(funders.create({ name, kind: input.kind }));
    } catch (error) {
      // Two requests for the same name can both pass the look-up; the unique index lets only one insert through.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) throw exists();
      throw error;
    }
  }

  listGrants(funderId?: string): Promise<Grant[]> {
    return this.dataSource.getRepository(Grant).find({ where: funderId ? { funderId } : {}, order: { startDate: 'DESC' } });
  }

  async createGrant(input: CreateGrantInput): Promise<Grant> {
    const currency = input.currency ?? Currency.XOF;
    checkAmount(input.amount, currency);
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
          currency,
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

  /** Reports due from today (Bamako time) to `days` days ahead (0 to 3650), soonest first, done or not. */
  upcomingReporting(days: number): Promise<ReportingDeadline[]> {
    days = Math.max(0, Math.min(days, MAX_REPORTING_DAYS));
    return this.reportingDeadlines('d >= $1::date AND d <= $1::date + $2::int', [today(), days]);
  }

  /** Reports whose due date has passed (before today, Bamako time) and that nobody marked sent, oldest first. */
  overdueReporting(): Promise<ReportingDeadline[]> {
    return this.reportingDeadlines('d < $1::date AND r.grant_id IS NULL', [today()]);
  }

  /**
   * Marks the report a grant expects on `dueOn` as sent, by `actorId`, now. Marking it again keeps the first
   * mark (who and when): retries and double clicks change nothing.
   */
  async markReportingDone(actorId: string, grantId: string, dueOn: string): Promise<ReportingDeadline> {
    // Read as text: node-postgres turns a date[] into Date objects at midnight UTC.
    const [grant]: { title: string; dates: string[] }[] = await this.dataSource.query(
      'SELECT title, reporting_due_dates::text[] AS dates FROM "grant" WHERE id = $1',
      [grantId],
    );
    if (!grant) throw fundingError('GRANT_NOT_FOUND', `No grant with id ${grantId}`);
    if (!grant.dates.includes(dueOn))
      throw fundingError(
        'REPORTING_DATE_NOT_FOUND',
        `The grant "${grant.title}" expects no report on ${dueOn}: its reporting dates are ${grant.dates.join(', ') || 'none'}`,
        { reportingDueDates: grant.dates },
      );
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(GrantReportDone)
      .values({ grantId, dueOn, doneById: actorId })
      .orIgnore()
      .execute();
    const [deadline] = await this.reportingDeadlines('g.id = $1::uuid AND d = $2::date', [grantId, dueOn]);
    return deadline;
  }

  /** Reporting dates of grants matching `where` (over `g`, the date `d` and its done mark `r`), soonest first. */
  private async reportingDeadlines(where: string, params: unknown[]): Promise<ReportingDeadline[]> {
    const rows: { grant_id: string; due_on: string; done_at: Date | null; done_by: string | null }[] = await this.dataSource.query(
      `SELECT g.id AS grant_id, d::date::text AS due_on, r.done_at, u.full_name AS done_by
         FROM "grant" g CROSS JOIN unnest(g.reporting_due_dates) d
         LEFT JOIN grant_report_done r ON r.grant_id = g.id AND r.due_on = d
         LEFT JOIN user_account u ON u.id = r.done_by_id
        WHERE ${where} ORDER BY d, g.title`,
      params,
    );
    const grants = await this.dataSource.getRepository(Grant).findBy({ id: In(rows.map((r) => r.grant_id)) });
    return rows.map((r) => ({
      dueOn: r.due_on,
      grant: grants.find((g) => g.id === r.grant_id)!,
      doneAt: r.done_at,
      doneBy: r.done_by,
    }));
  }

  /**
   * The grants in scope added up per currency, exactly (PostgreSQL sums the numeric column): all grants, or those
   * of a funder, of a programme, running in a period (either end may be open). Currencies are never summed together.
   */
  async totalsPerCurrency(filter: GrantTotalsFilter = {}): Promise<CurrencyTotal[]> {
    const { funderId = null, programmeId = null, from = null, to = null } = filter;
    if (from && to && to < from) throw fundingError('INVALID_DATES', `The period ends (${to}) before it starts (${from})`);
    const rows: { currency: Currency; total: string; grants: number }[] = await this.dataSource.query(
      `SELECT g.currency, sum(g.amount)::text AS total, count(*)::int AS grants
         FROM "grant" g
        WHERE ($1::uuid IS NULL OR g.funder_id = $1::uuid)
          AND ($2::uuid IS NULL OR g.id IN (SELECT gp.grant_id FROM grant_programme gp WHERE gp.programme_id = $2::uuid))
          AND ($3::date IS NULL OR g.end_date >= $3::date)
          AND ($4::date IS NULL OR g.start_date <= $4::date)
        GROUP BY g.currency ORDER BY g.currency`,
      [funderId, programmeId, from, to],
    );
    return rows.map((r) => ({
      currency: r.currency,
      amountText: amountText(r.total, r.currency),
      amount: Number(r.total),
      grants: r.grants,
    }));
  }

  /** Grants active in a period, summed per funder and currency (amounts are never converted). */
  amountsByFunder(from: string, to: string, programmeId: string | null): Promise<FunderAmount[]> {
    return amountsByFunder(this.dataSource.manager, from, to, programmeId);
  }
}

/** Grants active in a period (dates inclusive), per funder and currency, optionally for one programme. */
export async function amountsByFunder(
  manager: EntityManager,
  from: string,
  to: string,
  programmeId: string | null,
): Promise<FunderAmount[]> {
  const rows: (Omit<FunderAmount, 'amountText'> & { total: string })[] = await manager.query(
    `SELECT f.name AS funder, g.currency, sum(g.amount)::float AS amount, sum(g.amount)::text AS total, count(*)::int AS grants
       FROM "grant" g JOIN funder f ON f.id = g.funder_id
      WHERE g.start_date <= $2::date AND g.end_date >= $1::date
        AND ($3::uuid IS NULL OR g.id IN (SELECT gp.grant_id FROM grant_programme gp WHERE gp.programme_id = $3::uuid))
      GROUP BY f.name, g.currency ORDER BY f.name, g.currency`,
    [from, to, programmeId],
  );
  return rows.map(({ total, ...row }) => ({ ...row, amountText: amountText(total, row.currency) }));
}
