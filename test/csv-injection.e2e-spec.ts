import ExcelJS from 'exceljs';
import { TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';

const FORMULA = '=HYPERLINK("http://x","y")';
const EXPORT =
  'mutation ($d: ExportDataset!, $f: ExportFormat!) { exportDataset(dataset: $d, format: $f, from: "2021-01-01", to: "2021-12-31") { url rows } }';
const IMPORT =
  'mutation ($c: ID!, $csv: String!) { importFellows(cohortId: $c, csv: $csv) { created matched enrolled errors { line reason } } }';

/**
 * What a fellow types ends up in a manager's spreadsheet: no cell of a CSV export may run as a formula
 * (OWASP CSV injection), and an XLSX export keeps such a title a text cell. Files from French spreadsheets,
 * separated by ';', import whatever commas their header and rows hold.
 */
describe('CSV and spreadsheet exports', () => {
  let api: TestApi;
  let people: PeopleFactory;
  let admin: string;
  let cohortId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    people = new PeopleFactory(api);
    admin = await people.admin();
    cohortId = await people.cohort(await people.programme());
    const fellowId = await people.fellow({ fullName: '@Awa Formula', phone: '+223 70 00 00 09' });
    await people.enroll(cohortId, fellowId);
    const director = await people.account('FELLOW', fellowId);
    await api.ok(
      'mutation ($input: CreateFilmInput!) { createFilm(input: $input) { id } }',
      { input: { cohortId, title: FORMULA, genre: 'DOCUMENTARY', directorIds: [fellowId], themes: ['-2+3'], languages: ['fr'] } },
      director.token,
    );
  });

  afterAll(async () => {
    await api.close();
  });

  it('writes a formula-looking title into the FILMS CSV as text, quoted', async () => {
    const { exportDataset } = await api.ok<{ exportDataset: { url: string } }>(EXPORT, { d: 'FILMS', f: 'CSV' }, admin);
    const text = await (await fetch(exportDataset.url)).text();
    const line = text.split('\r\n').find((l) => l.includes('HYPERLINK'));
    expect(line).toBeDefined();
    // The cell starts with a quote, so a spreadsheet shows the words instead of running the formula.
    expect(line!.startsWith(`"'=HYPERLINK(""http://x"",""y"")",`)).toBe(true);
    expect(line).toContain(",'-2+3,");
    expect(line).toContain(",'@Awa Formula");
    // No cell of the file starts with a formula character once its quotes are taken off.
    const cells = line!.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('keeps such a title a text cell in the FILMS XLSX, never a formula', async () => {
    const { exportDataset } = await api.ok<{ exportDataset: { url: string } }>(EXPORT, { d: 'FILMS', f: 'XLSX' }, admin);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await (await fetch(exportDataset.url)).arrayBuffer()) as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    book.getWorksheet('FILMS')!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const title = cells.find((cell) => String(cell.value).includes('HYPERLINK'))!;
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe(FORMULA);
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula)).toEqual([]);
  });

  it('neutralises the fellows CSV export too, and imports it back unchanged', async () => {
    const { exportFellowsCsv } = await api.ok<{ exportFellowsCsv: string }>(
      'query ($c: ID!) { exportFellowsCsv(cohortId: $c) }',
      { c: cohortId },
      admin,
    );
    expect(exportFellowsCsv).toContain("'@Awa Formula,");
    expect(exportFellowsCsv).toContain(",'+223 70 00 00 09,");
    const other = await people.cohort(await people.programme());
    const again = await api.ok<{ importFellows: Record<string, unknown> }>(IMPORT, { c: other, csv: exportFellowsCsv }, admin);
    expect(again.importFellows).toEqual({ created: 0, matched: 1, enrolled: 1, errors: [] });
  });

  it("imports a ';' file whatever commas its header and its rows hold", async () => {
    const target = await people.cohort(await people.programme());
    // As many commas as semicolons in the header: the separator shows in the rows.
    const quotedHeader = ['"Nom, prénom";Pays', 'Traoré, Awa Séparateur;Mali', 'Issa Oumarou Séparateur;NE'].join('\r\n');
    const first = await api.ok<{ importFellows: Record<string, unknown> }>(IMPORT, { c: target, csv: quotedHeader }, admin);
    expect(first.importFellows).toEqual({ created: 2, matched: 0, enrolled: 2, errors: [] });
    // A plain ';' header, and commas in the rows' unquoted cells.
    const commasInRows = ['Nom;Pays;Ville', 'Sidibé, Kadi Séparateur;ML;Gao, Château', 'Diallo Binta Séparateur;SN;Thiès, centre'].join(
      '\n',
    );
    const second = await api.ok<{ importFellows: Record<string, unknown> }>(IMPORT, { c: target, csv: commasInRows }, admin);
    expect(second.importFellows).toEqual({ created: 2, matched: 0, enrolled: 2, errors: [] });
    const { fellows } = await api.ok<{ fellows: { nodes: { fullName: string; city: string | null; country: string }[] } }>(
      'query ($c: ID!) { fellows(filter: { cohortId: $c }, first: 10) { nodes { fullName city country } } }',
      { c: target },
      admin,
    );
    expect(fellows.nodes.map((f) => [f.fullName, f.country, f.city]).sort()).toEqual([
      ['Diallo Binta Séparateur', 'SN', 'Thiès, centre'],
      ['Issa Oumarou Séparateur', 'NE', null],
      ['Sidibé, Kadi Séparateur', 'ML', 'Gao, Château'],
      ['Traoré, Awa Séparateur', 'ML', null],
    ]);
  });
});
