import { registerEnumType } from '@nestjs/graphql';

export enum FunderKind {
  EMBASSY = 'EMBASSY',
  FOUNDATION = 'FOUNDATION',
  UN_AGENCY = 'UN_AGENCY',
  NGO = 'NGO',
  GOVERNMENT = 'GOVERNMENT',
  COMPANY = 'COMPANY',
  OTHER = 'OTHER',
}

export enum Currency {
  XOF = 'XOF',
  EUR = 'EUR',
  USD = 'USD',
}

registerEnumType(FunderKind, { name: 'FunderKind' });
registerEnumType(Currency, { name: 'Currency' });
