import { CohortTrainer } from './cohort-trainer.entity.js';
import { Cohort } from './cohort.entity.js';
import { Enrollment } from './enrollment.entity.js';
import { Fellow } from './fellow.entity.js';
import { Notification } from './notification.entity.js';
import { Programme } from './programme.entity.js';
import { User } from './user.entity.js';

export * from './enums.js';
export { Cohort, CohortTrainer, Enrollment, Fellow, Notification, Programme, User };

export const PEOPLE_ENTITIES = [User, Programme, Cohort, CohortTrainer, Fellow, Enrollment, Notification];
