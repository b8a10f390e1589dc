import { AttendanceSubmission } from './attendance-submission.entity.js';
import { ScreeningDay } from './screening-day.entity.js';
import { ScreeningFilm } from './screening-film.entity.js';
import { Screening } from './screening.entity.js';
import { Venue } from './venue.entity.js';

export * from './attendance.model.js';
export * from './enums.js';
export { AttendanceSubmission, Screening, ScreeningDay, ScreeningFilm, Venue };

export const SCREENINGS_ENTITIES = [Venue, Screening, ScreeningFilm, ScreeningDay, AttendanceSubmission];
