import { DocumentFormat } from './report-document.entity.js';

/** How each format is stored and served. */
export const FILE_TYPES: Record<DocumentFormat, { contentType: string; extension: string }> = {
  [DocumentFormat.PDF]: { contentType: 'application/pdf', extension: '.pdf' },
  [DocumentFormat.XLSX]: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: '.xlsx' },
  [DocumentFormat.CSV]: { contentType: 'text/csv; charset=utf-8', extension: '.csv' },
};
