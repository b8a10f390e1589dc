import { registerEnumType } from '@nestjs/graphql';

export enum ScreeningType {
  COMMUNITY = 'COMMUNITY',
  DEBATE = 'DEBATE',
  FESTIVAL = 'FESTIVAL',
  SCHOOL = 'SCHOOL',
  ONLINE = 'ONLINE',
  JURY = 'JURY',
}

export enum ScreeningStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ScreeningType, { name: 'ScreeningType' });
registerEnumType(ScreeningStatus, { name: 'ScreeningStatus' });
