import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  formatFcfa,
  formatNumber,
  formatPercent,
  formatSpeed,
  formatTimeLeft,
} from './format';

// Intl separates thousands in French with a narrow no-break space: compare with plain spaces.
const plain = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');

describe('formatting for the user’s language', () => {
  it('writes FCFA amounts without decimals', () => {
    expect(plain(formatFcfa('fr', 1_500_000))).toBe('1 500 000 F CFA');
    expect(plain(formatFcfa('en', 1_500_000.4))).toMatch(/^F\s?CFA\s?1,500,000$/);
  });

  it('shows an instant at the time of the place it happens, not the browser’s', () => {
    const nineInBamako = '2021-02-01T09:00:00Z';
    expect(formatDateTime('fr', nineInBamako, 'Africa/Bamako')).toBe('1 févr. 2021, 09:00');
    // Niamey is UTC+1: the same instant is ten o'clock there.
    expect(formatDateTime('en', nineInBamako, 'Africa/Niamey')).toBe('1 Feb 2021, 10:00');
  });

  it('shows a calendar date as the same day everywhere', () => {
    expect(formatDate('fr', '2021-06-30')).toBe('30 juin 2021');
    expect(formatDate('en', '2021-06-30')).toBe('30 June 2021');
  });

  it('formats numbers, sizes and durations', () => {
    expect(plain(formatNumber('fr', 12345))).toBe('12 345');
    expect(formatNumber('en', 12345)).toBe('12,345');
    expect(plain(formatBytes('fr', 12_000_000))).toBe('12 Mo');
    expect(formatBytes('en', 1500)).toBe('1.5 kB');
    expect(formatDuration('en', 42)).toMatch(/^42 secs?$/);
    expect(plain(formatDuration('fr', 600))).toBe('10 min');
  });
});

describe('upload figures for the user’s language', () => {
  it('formats a share, a speed and a time left', () => {
    expect(plain(formatPercent('fr', 0.456))).toBe('46 %');
    expect(formatPercent('en', 0.456)).toBe('46%');
    expect(plain(formatSpeed('fr', 2_600_000))).toBe('2,6 Mo/s');
    expect(plain(formatSpeed('en', 800_000))).toBe('800 kB/s');
    expect(plain(formatTimeLeft('fr', 9.2))).toBe('10 secondes');
    expect(plain(formatTimeLeft('en', 600))).toBe('10 minutes');
    expect(plain(formatTimeLeft('en', 7200))).toBe('2 hours');
  });
});
