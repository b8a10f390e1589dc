import PDFDocument from 'pdfkit';

export interface CertificateText {
  fellowName: string;
  programmeName: string;
  cohortName: string;
  startedOn: string | null;
  completedOn: string;
  code: string;
  verifyUrl: string;
}

const frenchDate = (date: string): string =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const englishDate = (date: string): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Renders a bilingual (French, then English) certificate of completion as a one-page A4 landscape PDF. */
export function renderCertificate(text: CertificateText): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: `Certificat — ${text.fellowName}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  const period = (format: (d: string) => string, from: string, to: string) =>
    text.startedOn ? `${from} ${format(text.startedOn)} ${to} ${format(text.completedOn)}` : format(text.completedOn);

  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke('#8a5a00');
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(28).fillColor('#222').text('Certificat de formation', { align: 'center', width });
  doc.font('Helvetica-Oblique').fontSize(16).fillColor('#555').text('Certificate of completion', { align: 'center', width });
  doc.moveDown(1.5).font('Helvetica').fontSize(14).fillColor('#222').text('Décerné à · Awarded to', { align: 'center', width });
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(26).text(text.fellowName, { align: 'center', width });
  doc.moveDown(1).font('Helvetica').fontSize(13);
  doc.text(`pour avoir suivi la formation « ${text.programmeName} », ${text.cohortName}, ${period(frenchDate, 'du', 'au')}.`, {
    align: 'center',
    width,
  });
  doc.moveDown(0.3).font('Helvetica-Oblique').fillColor('#555');
  doc.text(`for completing the training "${text.programmeName}", ${text.cohortName}, ${period(englishDate, 'from', 'to')}.`, {
    align: 'center',
    width,
  });
  doc.moveDown(2).font('Helvetica').fontSize(11).fillColor('#222');
  doc.text(`Code de vérification · Verification code: ${text.code}`, { align: 'center', width });
  doc.fillColor('#1a4d8f').text(text.verifyUrl, { align: 'center', width, link: text.verifyUrl, underline: true });
  doc.end();
  return done;
}
