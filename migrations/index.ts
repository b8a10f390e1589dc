// Written by scripts/migrations.ts: every migration, oldest first.
import { Foundation1795928879969 } from './1795928879969-Foundation.js';
import { Training1795930555800 } from './1795930555800-Training.js';
import { Films1795931245812 } from './1795931245812-Films.js';
import { FestivalsAndScreenings1795932776884 } from './1795932776884-FestivalsAndScreenings.js';
import { Notifications1795933132805 } from './1795933132805-Notifications.js';
import { Funding1795934317602 } from './1795934317602-Funding.js';
import { ReportDocuments1795934639465 } from './1795934639465-ReportDocuments.js';
import { DatasetExportDocuments1795945130202 } from './1795945130202-DatasetExportDocuments.js';
import { FilmUploadCompletionClaim1795958544810 } from './1795958544810-FilmUploadCompletionClaim.js';
import { GrantReportingDone1795960572121 } from './1795960572121-GrantReportingDone.js';

export const MIGRATIONS = [
  Foundation1795928879969,
  Training1795930555800,
  Films1795931245812,
  FestivalsAndScreenings1795932776884,
  Notifications1795933132805,
  Funding1795934317602,
  ReportDocuments1795934639465,
  DatasetExportDocuments1795945130202,
  FilmUploadCompletionClaim1795958544810,
  GrantReportingDone1795960572121,
];
