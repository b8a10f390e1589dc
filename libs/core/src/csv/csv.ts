/**
 * CSV in and out through maintained libraries (`csv-parse`, `csv-stringify`), with the two things a spreadsheet
 * world adds: a separator that may be ';' (French Excel) as well as ',', and cells that a spreadsheet would run
 * as formulas (OWASP "CSV injection").
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DomainError } from '../errors/domain-error.js';

export interface CsvRow {
  /** 1-based line number in the file, header being line 1. */
  line: number;
  values: Record<string, string>;
}

const SEPARATORS = [',', ';'] as const;
type Separator = (typeof SEPARATORS)[number];

interface ParsedRecord {
  line: number;
  fields: string[];
}

/** The records of `text` split on `separator`, each with the line it starts on; null when it is not valid CSV that way. */
function records(text: string, separator: Separator, relaxQuotes: boolean): ParsedRecord[] | null {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: separator,
      info: true,
      // Rows shorter or longer than the header are the importer's to report, line by line, not a parse failure.
      relax_column_count: true,
      // Empty lines are kept here (and dropped below), so that each record's first line is the previous one's last + 1.
      skip_empty_lines: false,
      relax_quotes: relaxQuotes,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    return null;
  }
  let previousEnd = 0;
  return parsed.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { line, fields: record };
  });
}

/**
 * The separator the data itself uses: the one under which every row has as many fields as the header. The
 * header alone can mislead (a quoted column name such as "Nom, prénom, surnom" holds commas); rows alone too (an
 * unquoted "Traoré, Awa" in a ';' file). When both or neither fit, the one giving more columns, then ','.
 */
function detectSeparator(text: string): { separator: Separator; records: ParsedRecord[] } {
  const candidatesWith = (relaxQuotes: boolean) =>
    SEPARATORS.flatMap((separator) => {
      const found = records(text, separator, relaxQuotes)?.filter((r) => r.fields.some((f) => f.trim() !== ''));
      if (!found) return [];
      const width = found[0]?.fields.length ?? 0;
      const fitting = found.filter((r) => r.fields.length === width).length;
      return [{ separator, records: found, width, fitting, consistent: fitting === found.length }];
    });
  // Strict quoting first: a quoted field that only parses under one separator tells which one it is. Loose quotes
  // (`Dit "Kadi"` unquoted) are read as they are when nothing parses strictly.
  let candidates = candidatesWith(false);
  if (candidates.length === 0) candidates = candidatesWith(true);
  if (candidates.length === 0) {
    throw new DomainError('BAD_USER_INPUT', 'INVALID_CSV', 'The file is not valid CSV: check that every quoted field is closed');
  }
  candidates.sort(
    (a, b) =>
      Number(b.consistent && b.width > 1) - Number(a.consistent && a.width > 1) ||
      b.fitting / b.records.length - a.fitting / a.records.length ||
      b.width - a.width,
  );
  return candidates[0];
}

/** Why a file with bytes that are not UTF-8 is refused, and what to do. */
export const NOT_UTF8 = 'The file is not UTF-8: its accents cannot be read. In the spreadsheet, save it as "CSV UTF-8" and import it again';

/**
 * The lines (1-based, as an editor numbers them) holding U+FFFD, which a decoder puts in place of bytes that are
 * not UTF-8: a file saved as Latin-1 or "ANSI" by an older spreadsheet. Imported, "Ségou" would be stored as
 * "S�gou" and never match again; such a file is refused with these lines.
 */
export function notUtf8Lines(text: string): number[] {
  return text.split(/\r\n|\n|\r/).flatMap((line, index) => (line.includes('\uFFFD') ? [index + 1] : []));
}

/**
 * Reads a CSV file: quoted fields, doubled quotes, CRLF, a UTF-8 byte-order mark, ',' or ';' as the separator
 * (detected from the rows, see `detectSeparator`). Values are trimmed, and the quote `toCsv` puts before a
 * formula-like cell is taken off again, so that a file exported here imports back unchanged.
 */
export function parseCsv(text: string, normalizeHeader: (header: string) => string = (h) => h): { headers: string[]; rows: CsvRow[] } {
  const [header, ...body] = detectSeparator(text).records;
  const headers = (header?.fields ?? []).map((h) => normalizeHeader(unneutralize(h.trim()).trim()));
  return {
    headers,
    rows: body.map((r) => ({
      line: r.line,
      values: Object.fromEntries(headers.map((h, i) => [h, unneutralize((r.fields[i] ?? '').trim()).trim()])),
    })),
  };
}

/** Lower-case, accents and punctuation removed: "Téléphone" and "telephone" name the same column. */
export const headerKey = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, as PostgreSQL writes numeric and bigint values: "-3" or "-2.50" is a number, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell a spreadsheet shows as text: a value starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets
 * a leading `'` (so `=HYPERLINK(...)` stays words). Numbers are left as they are, whether a JavaScript number
 * or a string holding only a decimal number such as `-3`: they cannot carry a formula, and a quote would turn
 * a figure into text. Applied to every cell `toCsv` writes.
 */
export function neutralizeCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The inverse of `neutralizeCell`, for files this code wrote: `'=x` reads as `=x`, `'abc` stays `'abc`. */
function unneutralize(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Writes rows as CSV: comma-separated, quoted where needed (also around ';', so that French spreadsheets do not
 * split a cell), CRLF line ends, a BOM for spreadsheets, and every cell neutralised (`neutralizeCell`).
 */
export function toCsv(headers: string[], rows: (string | number | null)[][]): string {
  return stringify(
    [headers, ...rows].map((row) => row.map(neutralizeCell)),
    { bom: true, delimiter: ',', record_delimiter: '\r\n', quoted_match: /[;\r\n]/ },
  );
}
