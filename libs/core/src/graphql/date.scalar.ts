import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}

/**
 * A calendar date without time or zone, `YYYY-MM-DD`, kept as a string end to end (PostgreSQL `date`), so that
 * no time zone can move it by a day.
 */
@Scalar('Date', () => CalendarDate)
export class CalendarDate implements CustomScalar<string, string> {
  description = 'A calendar date, YYYY-MM-DD';

  parseValue(value: unknown): string {
    return parse(value);
  }

  serialize(value: unknown): string {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parse(value);
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A Date is a string YYYY-MM-DD');
    return parse(ast.value);
  }
}

function parse(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new GraphQLError(`"${String(value)}" is not a date YYYY-MM-DD`, { extensions: { code: 'BAD_USER_INPUT' } });
}
