import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { isCalendarDate } from './date.scalar.js';

/** RFC 3339: a date, a time with optional seconds and fraction, and an offset (Z or ±hh:mm). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** True for an instant written as RFC 3339 whose every part exists (no 30 February, no 25 o'clock). */
export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, date, hours, minutes, seconds = '00', , offsetHours = '00', offsetMinutes = '00'] = match;
  return (
    isCalendarDate(date) &&
    Number(hours) < 24 &&
    Number(minutes) < 60 &&
    Number(seconds) < 60 &&
    Number(offsetHours) < 24 &&
    Number(offsetMinutes) < 60 &&
    !Number.isNaN(Date.parse(value))
  );
}

/**
 * Every `Date` field of the API: an instant, written as RFC 3339. The stock scalar let JavaScript roll an
 * impossible date over (2026-02-30 became 2 March) and stored it; this one refuses it with BAD_USER_INPUT.
 */
@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string, Date> {
  description = 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.';

  parseValue(value: unknown): Date {
    return parse(value);
  }

  serialize(value: unknown): string {
    if (value instanceof Date) return value.toISOString();
    return parse(value).toISOString();
  }

  parseLiteral(ast: ValueNode): Date {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return parse(ast.value);
  }
}

function parse(value: unknown): Date {
  if (typeof value === 'string' && isDateTime(value)) return new Date(value);
  throw invalid(value);
}

const invalid = (value: unknown) =>
  new GraphQLError(`"${String(value)}" is not a date and time such as 2026-03-14T09:00:00Z`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_TIME' },
  });
