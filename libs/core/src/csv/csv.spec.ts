import { headerKey, neutralizeCell, parseCsv, toCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, semicolons, a BOM and line numbers', () => {
    const { headers, rows } = parseCsv('\uFEFFNom;Ville\r\n"Traoré; Awa";Ségou\r\n\r\n"Dit ""Kadi""";"Mopti\nCentre"\r\n', headerKey);
    expect(headers).toEqual(['nom', 'ville']);
    expect(rows).toEqual([
      { line: 2, values: { nom: 'Traoré; Awa', ville: 'Ségou' } },
      { line: 4, values: { nom: 'Dit "Kadi"', ville: 'Mopti\nCentre' } },
    ]);
  });

  it('takes the separator from the rows, not from the header alone', () => {
    // As many commas as semicolons in the header (inside a quoted name): only ';' splits every row alike.
    const french = parseCsv('"Nom, prénom, surnom";Pays;Ville\r\n"Traoré, Awa, Kadi";ML;Gao\r\nSidibé Binta;NE;Zinder\r\n', headerKey);
    expect(french.headers).toEqual(['nomprenomsurnom', 'pays', 'ville']);
    expect(french.rows.map((r) => r.values.pays)).toEqual(['ML', 'NE']);
    // Unquoted commas inside ';' rows, as French Excel writes them.
    const commas = parseCsv('Nom;Pays;Ville\nTraoré, Awa;ML;Gao, centre\nIssa;NE;Zinder\n', headerKey);
    expect(commas.rows.map((r) => r.values)).toEqual([
      { nom: 'Traoré, Awa', pays: 'ML', ville: 'Gao, centre' },
      { nom: 'Issa', pays: 'NE', ville: 'Zinder' },
    ]);
    // And a ',' file whose cells hold semicolons.
    const english = parseCsv('name,city\n"Awa; Jr",Gao\nBinta;x,Kati\n');
    expect(english.rows.map((r) => r.values)).toEqual([
      { name: 'Awa; Jr', city: 'Gao' },
      { name: 'Binta;x', city: 'Kati' },
    ]);
  });

  it('reads a loose quote inside an unquoted field, and refuses a quote never closed', () => {
    expect(parseCsv('name,city\nDit "Kadi",Gao\n').rows[0].values).toEqual({ name: 'Dit "Kadi"', city: 'Gao' });
    expect(() => parseCsv('name,city\n"Awa,Gao\n')).toThrow(expect.objectContaining({ reason: 'INVALID_CSV' }));
  });
});

describe('toCsv', () => {
  it('writes what it reads', () => {
    const text = toCsv(
      ['name', 'city'],
      [
        ['Awa, Jr', 'Gao'],
        ['Binta', null],
        ['Issa; Sr', 'Line\nbreak'],
      ],
    );
    expect(text.startsWith('\uFEFFname,city\r\n')).toBe(true);
    expect(text).toContain('"Issa; Sr"');
    expect(parseCsv(text).rows.map((r) => r.values)).toEqual([
      { name: 'Awa, Jr', city: 'Gao' },
      { name: 'Binta', city: '' },
      { name: 'Issa; Sr', city: 'Line\nbreak' },
    ]);
  });

  it('neutralises every cell a spreadsheet would run as a formula, and reads it back as written', () => {
    const cells = ['=HYPERLINK("http://x","y")', '+223 70 00 00 01', '-2+3', '@SUM(A1)', '\t=1', '\r=1', 'plain'];
    const text = toCsv(['value', 'n'], [...cells.map((c) => [c, 1]), ['-3', -3], ['-2.50', 0]]);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",1`);
    expect(lines[2]).toBe("'+223 70 00 00 01,1");
    expect(lines[3]).toBe("'-2+3,1");
    expect(lines[4]).toBe("'@SUM(A1),1");
    // Plain numbers stay numbers, whether JavaScript numbers or decimal strings from PostgreSQL.
    expect(lines[8]).toBe('-3,-3');
    expect(lines[9]).toBe('-2.50,0');
    // What this code wrote, it reads back as the original values.
    expect(parseCsv(text).rows.map((r) => r.values.value)).toEqual([...cells.map((c) => c.trim()), '-3', '-2.50']);
  });

  it('leaves numbers and ordinary text alone', () => {
    expect(neutralizeCell(-3)).toBe('-3');
    expect(neutralizeCell('-3')).toBe('-3');
    expect(neutralizeCell('-3 days')).toBe("'-3 days");
    expect(neutralizeCell("'quoted")).toBe("'quoted");
    expect(neutralizeCell(null)).toBe('');
  });
});
