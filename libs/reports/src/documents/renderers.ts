import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { Currency, MINOR_UNITS } from '#funding';
import { headline, LABELS, type ReportContent } from './report-content.js';

/** A PDF that reads like an annual activity report: headline figures, a bar chart by region, selections, funders. */
export function renderPdf(content: ReportContent, language: 'FR' | 'EN'): Promise<Buffer> {
  const l = LABELS[language];
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${l.title} ${content.report.from} – ${content.report.to}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;

  doc.font('Helvetica-Bold').fontSize(22).text(l.title);
  doc.font('Helvetica').fontSize(11).fillColor('#444');
  doc.text(`${l.period}: ${content.report.from} – ${content.report.to}`);
  doc.text(`${l.programme}: ${content.programmeName ?? l.allProgrammes}`);
  doc.moveDown().fillColor('#000').font('Helvetica-Bold').fontSize(14).text(l.headline);
  doc.font('Helvetica').fontSize(11);
  for (const [label, value] of headline(content, l)) doc.text(`${label}: ${value}`);

  doc.moveDown().font('Helvetica-Bold').fontSize(14).text(l.byRegion);
  const rows = content.attendanceByRegion;
  const max = Math.max(1, ...rows.map((r) => r.attendance));
  const top = doc.y + 6;
  rows.forEach((row, i) => {
    const y = top + i * 20;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#000')
      .text(row.region, 50, y + 3, { width: 100 });
    const bar = ((width - 220) * row.attendance) / max;
    doc.rect(155, y, Math.max(bar, 1), 14).fill('#c27c0e');
    doc.fillColor('#000').text(`${row.attendance} (${row.screenings})`, 160 + bar, y + 3);
  });
  doc.y = top + rows.length * 20 + 10;
  doc.x = 50;

  doc.moveDown().font('Helvetica-Bold').fontSize(14).text(l.festivals);
  doc.font('Helvetica').fontSize(10);
  if (content.selections.length === 0) doc.text(l.none);
  for (const s of content.selections)
    doc.text(`${s.film} — ${s.festival} ${s.year}${s.awards.length ? ` : ${s.awards.join(', ')}` : ''}`, { width });

  doc.moveDown().font('Helvetica-Bold').fontSize(14).text(l.funders);
  doc.font('Helvetica').fontSize(10);
  if (content.funders.length === 0) doc.text(l.none);
  for (const f of content.funders) {
    // With the currency's minor units: 45 000 000 XOF, 60 000.50 EUR (never 60 000.5).
    const digits = MINOR_UNITS[f.currency as Currency] ?? 2;
    const amount = f.amount.toLocaleString(language === 'FR' ? 'fr-FR' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    doc.text(`${f.funder}: ${amount} ${f.currency}`);
  }
  doc.end();
  return done;
}

/** A workbook with one sheet per dataset, for funders who rework the figures. */
export async function renderXlsx(content: ReportContent, language: 'FR' | 'EN'): Promise<Buffer> {
  const l = LABELS[language];
  const book = new ExcelJS.Workbook();
  book.creator = 'Filmschool';
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const ws = book.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    rows.forEach((row) => ws.addRow(row));
    ws.columns.forEach((column) => (column.width = 24));
  };
  const r = content.report;
  sheet(
    l.headline,
    [l.headline, ''],
    [[l.period, `${r.from} – ${r.to}`], [l.programme, content.programmeName ?? l.allProgrammes], ...headline(content, l)],
  );
  sheet(
    l.fellows,
    ['Gender', l.fellows],
    r.fellowsByGender.map((g) => [g.key, g.count]),
  );
  sheet(
    l.region,
    [l.region, l.fellows],
    r.fellowsByRegion.map((g) => [g.key, g.count]),
  );
  sheet(
    l.screenings,
    [l.region, l.screenings, l.audience],
    content.attendanceByRegion.map((x) => [x.region, x.screenings, x.attendance]),
  );
  sheet(
    l.festivals,
    [l.film, l.festival, 'Year', l.awards],
    content.selections.map((s) => [s.film, s.festival, s.year, s.awards.join(', ')]),
  );
  sheet(
    l.funders,
    [l.funder, 'Currency', l.amount],
    content.funders.map((f) => [f.funder, f.currency, f.amount]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
