import { addDays, localDay, zonedInstant } from './zonedTime';

describe('times entered in a cohort’s time zone', () => {
  it('turns 09:00 in Niamey (UTC+1) into 08:00 UTC, and 09:00 in Bamako (UTC+0) into 09:00 UTC', () => {
    expect(zonedInstant('2026-12-07', '09:00', 'Africa/Niamey').toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(zonedInstant('2026-12-07', '09:00', 'Africa/Bamako').toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('follows a zone that changes its clocks, whatever the zone of the machine', () => {
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Paris').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedInstant('2026-12-01', '09:00', 'Europe/Paris').toISOString()).toBe('2026-12-01T08:00:00.000Z');
    // Just after midnight in Niamey is still the day before in UTC.
    expect(zonedInstant('2026-12-07', '00:30', 'Africa/Niamey').toISOString()).toBe('2026-12-06T23:30:00.000Z');
  });

  it('gives the local day of an instant and moves days across months', () => {
    expect(localDay('2026-12-06T23:30:00Z', 'Africa/Niamey')).toBe('2026-12-07');
    expect(localDay('2026-12-06T23:30:00Z', 'Africa/Bamako')).toBe('2026-12-06');
    expect(addDays('2026-11-29', 3)).toBe('2026-12-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
