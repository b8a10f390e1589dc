import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestContext } from '#access';
import { DomainError, headerKey, isCalendarDate, NOT_UTF8, notUtf8Lines, parseCsv } from '#core';
import { DataSource } from 'typeorm';
import type { ScreeningAttendanceInput } from './dto/screenings.inputs.js';
import { ScreeningsService } from './screenings.service.js';

@ObjectType()
export class AttendanceImportError {
  @Field(() => Int)
  line: number;

  @Field()
  reason: string;
}

@ObjectType()
export class AttendanceImportResult {
  @Field(() => Int, { description: 'Days whose figures were stored' })
  recorded: number;

  @Field(() => Int, { description: 'Rows already imported before (same screening, day and figures): nothing changed' })
  unchanged: number;

  @Field(() => [AttendanceImportError], { description: 'When not empty, nothing was stored' })
  errors: AttendanceImportError[];
}

const COLUMNS = {
  screening: ['screening', 'screeningid', 'projection', 'seance'],
  day: ['day', 'date', 'jour'],
  total: ['total', 'spectateurs', 'attendance'],
  female: ['female', 'women', 'femmes', 'f'],
  male: ['male', 'men', 'hommes', 'h', 'm'],
  under18: ['under18', 'moins18', 'moinsde18ans', 'enfants', 'children'],
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A screening tour's attendance sheet from CSV: every row checked first, then all stored or none. */
@Injectable()
export class AttendanceImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly screenings: ScreeningsService,
  ) {}

  async import(ctx: RequestContext, csv: string): Promise<AttendanceImportResult> {
    const garbled = notUtf8Lines(csv);
    if (garbled.length) return { recorded: 0, unchanged: 0, errors: garbled.map((line) => ({ line, reason: NOT_UTF8 })) };
    const { headers, rows } = parseCsv(csv, headerKey);
    const column = (field: keyof typeof COLUMNS) => headers.find((h) => (COLUMNS[field] as readonly string[]).includes(h));
    const missing = (['screening', 'day', 'total'] as const).filter((f) => !column(f));
    if (missing.length) return { recorded: 0, unchanged: 0, errors: [{ line: 1, reason: `Missing column: ${missing.join(', ')}` }] };

    const errors: AttendanceImportError[] = [];
    const inputs: ScreeningAttendanceInput[] = [];
    for (const { line, values } of rows) {
      const get = (field: keyof typeof COLUMNS) => (column(field) ? (values[column(field)!] ?? '') : '');
      const number = (field: keyof typeof COLUMNS): number | null | undefined => {
        const raw = get(field);
        if (raw === '') return null;
        return /^\d+$/.test(raw) ? Number(raw) : undefined;
      };
      const [screeningId, day] = [get('screening'), get('day')];
      const [total, female, male, under18] = [number('total'), number('female'), number('male'), number('under18')];
      const problems: string[] = [];
      if (!UUID.test(screeningId)) problems.push(`"${screeningId}" is not a screening id`);
      if (!isCalendarDate(day)) problems.push(`"${day}" is not a date YYYY-MM-DD`);
      if (total === null || total === undefined) problems.push('total must be a whole number');
      for (const [name, value] of [
        ['female', female],
        ['male', male],
        ['under18', under18],
      ] as const) {
        if (value === undefined) problems.push(`${name} must be a whole number`);
      }
      if (problems.length === 0) {
        const input: ScreeningAttendanceInput = {
          screeningId,
          day,
          total: total!,
          female: female ?? null,
          male: male ?? null,
          under18: under18 ?? null,
          // The same row imported again has the same key, so re-importing a sheet changes nothing.
          idempotencyKey: `csv:${screeningId}:${day}:${total}:${female ?? 0}:${male ?? 0}:${under18 ?? 0}`,
        };
        try {
          await this.screenings.checkAttendance(input);
          inputs.push(input);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          problems.push(error.message);
        }
      }
      if (problems.length) errors.push({ line, reason: problems.join('; ') });
    }
    if (rows.length === 0) errors.push({ line: 2, reason: 'The file has no attendance rows' });
    if (errors.length) return { recorded: 0, unchanged: 0, errors };

    return this.dataSource.transaction(async (manager) => {
      let recorded = 0;
      for (const input of inputs) if (await this.screenings.storeAttendance(manager, ctx, input)) recorded += 1;
      return { recorded, unchanged: inputs.length - recorded, errors: [] };
    });
  }
}
