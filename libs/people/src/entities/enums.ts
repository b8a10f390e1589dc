import { registerEnumType } from '@nestjs/graphql';

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
  UNDISCLOSED = 'UNDISCLOSED',
}

export enum CohortStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
}

export enum EnrollmentStatus {
  ENROLLED = 'ENROLLED',
  WITHDRAWN = 'WITHDRAWN',
  GRADUATED = 'GRADUATED',
}

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(CohortStatus, { name: 'CohortStatus' });
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });
