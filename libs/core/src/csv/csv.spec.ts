import { headerKey, parseCsv, toCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, semicolons, a BOM and line numbers', () => {
    const { headers, rows } = parseCsv('\uFEFFNom;Ville\r\n"Traoré; Awa";Ségou\r\n\r\n"Dit ""Kadi""";"Mopti\nCentre"\r\n', headerKey);
    expect(headers).toEqual(['nom', 'ville']);
    expect(rows).toEqual([
      { line: 2, values: { nom: 'Traoré; Awa', ville: 'Ségou' } },
      { line: 4, values: { nom: 'Dit "Kadi"', ville: 'Mopti\nCentre' } },
    ]);
  });

  it('writes what it reads', () => {
    const text = toCsv(
      ['name', 'city'],
      [
        ['Awa, Jr', 'Gao'],
        ['Binta', null],
      ],
    );
    expect(parseCsv(text).rows.map((r) => r.values)).toEqual([
      { name: 'Awa, Jr', city: 'Gao' },
      { name: 'Binta', city: '' },
    ]);
  });
});
