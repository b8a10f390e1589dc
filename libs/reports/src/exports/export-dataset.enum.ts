import { registerEnumType } from '@nestjs/graphql';

export enum ExportDataset {
  FELLOWS = 'FELLOWS',
  TRAINING_ATTENDANCE = 'TRAINING_ATTENDANCE',
  FILMS = 'FILMS',
  FESTIVAL_ENTRIES = 'FESTIVAL_ENTRIES',
  SCREENINGS = 'SCREENINGS',
}

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

registerEnumType(ExportDataset, { name: 'ExportDataset' });
registerEnumType(ExportFormat, { name: 'ExportFormat' });
