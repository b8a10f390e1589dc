import { DocumentFormat } from './report-document.entity.js';

/** How each format is stored and served. */
export const FILE_TYPES: Record<DocumentFormat, { contentType: string; extension: string }> = {
  [DocumentFormat.PDF]: { contentType: 'application/pdf', extension: '.pdf' },
  [DocumentFormat.XLSX]: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: '.xlsx' },
};
