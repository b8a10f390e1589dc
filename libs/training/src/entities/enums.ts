import { registerEnumType } from '@nestjs/graphql';

export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  LATE = 'LATE',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}

/** Marks that count as having attended. */
export const ATTENDED: readonly AttendanceStatus[] = [AttendanceStatus.PRESENT, AttendanceStatus.LATE];

export enum FeedbackVisibility {
  /** Trainers and managers only. */
  PRIVATE = 'PRIVATE',
  /** Also shown to the fellow. */
  SHARED = 'SHARED',
}

registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });
registerEnumType(FeedbackVisibility, { name: 'FeedbackVisibility' });
