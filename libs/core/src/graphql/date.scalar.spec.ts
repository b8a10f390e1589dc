import { CalendarDate, isCalendarDate } from './date.scalar.js';

describe('CalendarDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2021-03-08')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2021-3-8')).toBe(false);
    expect(isCalendarDate('2021-03-08T00:00:00Z')).toBe(false);
  });

  it('refuses a malformed value with BAD_USER_INPUT', () => {
    expect(() => new CalendarDate().parseValue('08/03/2021')).toThrow('"08/03/2021" is not a date YYYY-MM-DD');
  });
});
