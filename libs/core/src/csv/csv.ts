/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF, a UTF-8 byte-order mark, and ';' as the
 * separator when the header uses it (as spreadsheets in French do).
 */
export interface CsvRow {
  /** 1-based line number in the file, header being line 1. */
  line: number;
  values: Record<string, string>;
}

export function parseCsv(text: string, normalizeHeader: (header: string) => string = (h) => h): { headers: string[]; rows: CsvRow[] } {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...body] = nonEmpty;
  const headers = (header?.fields ?? []).map((h) => normalizeHeader(h.trim()));
  return {
    headers,
    rows: body.map((r) => ({ line: r.line, values: Object.fromEntries(headers.map((h, i) => [h, (r.fields[i] ?? '').trim()])) })),
  };
}

/** Lower-case, accents and punctuation removed: "Téléphone" and "telephone" name the same column. */
export const headerKey = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Writes rows as CSV (comma-separated, quoted where needed, CRLF line ends, with a BOM for spreadsheets). */
export function toCsv(headers: string[], rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null): string => {
    const text = value === null ? '' : String(value);
    return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[headers, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
