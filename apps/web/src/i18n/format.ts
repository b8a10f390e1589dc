import type { Locale } from './locale';

/**
 * Formatting by Intl for the user's language. Times are shown in the time zone of the place they happen
 * (a cohort's or a venue's), never the browser's: a trainer in Paris plans a session in Bamako time.
 */
const TAG: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A calendar date from the API (`2026-03-14`), which has no time zone: shown as is. */
export function formatDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant, shown as a date and time in `timeZone` (e.g. Africa/Bamako). */
export function formatDateTime(locale: Locale, instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** The calendar day of an instant in `timeZone` (a note's day: where it was written matters less than when). */
export function formatDayOf(locale: Locale, instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'long', timeZone }).format(new Date(instant));
}

/** An instant's time of day in `timeZone`. */
export function formatTime(locale: Locale, instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat(TAG[locale], { timeStyle: 'short', timeZone }).format(new Date(instant));
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(TAG[locale], { maximumFractionDigits }).format(value);
}

/** FCFA (XOF) has no subunit in use: never decimals. */
export function formatFcfa(locale: Locale, amount: number): string {
  return new Intl.NumberFormat(TAG[locale], {
    style: 'currency',
    currency: 'XOF',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount);
}

/** A file size in the unit that reads best (Mo / MB). */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(TAG[locale], { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A running time: minutes for a film, seconds for a clip under a minute. */
export function formatDuration(locale: Locale, seconds: number): string {
  const [value, unit] = seconds >= 60 ? [Math.round(seconds / 60), 'minute'] : [Math.round(seconds), 'second'];
  return new Intl.NumberFormat(TAG[locale], { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/** A calendar day (`2026-03-14`) with its weekday, for the heading of a day in an agenda. */
export function formatDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A share (0.75) as a percentage (75 %), without decimals. */
export function formatPercent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(TAG[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** The city of an IANA zone, as people name it: `Africa/Niamey` → `Niamey`. */
export function zoneCity(timeZone: string): string {
  return timeZone.split('/').pop()!.replace(/_/g, ' ');
}

/** A transfer speed in the unit that reads best (ko/s, Mo/s). */
export function formatSpeed(locale: Locale, bytesPerSecond: number): string {
  const [value, unit] =
    bytesPerSecond >= 1_000_000 ? [bytesPerSecond / 1_000_000, 'megabyte-per-second'] : [bytesPerSecond / 1000, 'kilobyte-per-second'];
  return new Intl.NumberFormat(TAG[locale], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** A time still to wait, rounded to what a person cares for: seconds, then minutes, then hours. */
export function formatTimeLeft(locale: Locale, seconds: number): string {
  const [value, unit] =
    seconds >= 5400
      ? [Math.round(seconds / 3600), 'hour']
      : seconds >= 90
        ? [Math.round(seconds / 60), 'minute']
        : [Math.ceil(seconds), 'second'];
  return new Intl.NumberFormat(TAG[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
