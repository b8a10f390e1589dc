import { FELLOW_COHORTS, TRAINER_COHORTS, type AccessRules } from '#access';
import { Role } from '#core';

/** A training session and its roll are seen by managers and by the trainers and fellows of its cohort. */
export const TRAINING_ACCESS_RULES: AccessRules = {
  'session.read': (actor) => (id) =>
    `${id} IN (SELECT acc_ts.id FROM training_session acc_ts WHERE acc_ts.cohort_id IN (${actor.role === Role.TRAINER ? TRAINER_COHORTS : FELLOW_COHORTS}))`,
};
