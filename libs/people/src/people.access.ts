import { FELLOW_COHORTS, TRAINER_COHORTS, type AccessRules } from '#access';
import { Role } from '#core';

const FELLOWS_OF_TRAINER = `SELECT acc_te.fellow_id FROM enrollment acc_te WHERE acc_te.cohort_id IN (${TRAINER_COHORTS})`;
const cohortsOf = (role: Role) => (role === Role.TRAINER ? TRAINER_COHORTS : FELLOW_COHORTS);

/**
 * Who reaches what of the people domain. A trainer reaches the cohorts assigned to them and the fellows
 * enrolled there; a fellow reaches their own cohorts and profile, and the trainers of their cohorts.
 */
export const PEOPLE_ACCESS_RULES: AccessRules = {
  'programme.read': (actor) => (id) =>
    `${id} IN (SELECT acc_pc.programme_id FROM cohort acc_pc WHERE acc_pc.id IN (${cohortsOf(actor.role)}))`,
  'cohort.read': (actor) => (id) => `${id} IN (${cohortsOf(actor.role)})`,
  'cohort.teach': (actor) => actor.role === Role.TRAINER && ((id) => `${id} IN (${TRAINER_COHORTS})`),
  'fellow.profile': (actor) => (id) => (actor.role === Role.TRAINER ? `${id} IN (${FELLOWS_OF_TRAINER})` : `${id} = :accessFellowId`),
  'fellow.contact': (actor) => (id) => (actor.role === Role.TRAINER ? `${id} IN (${FELLOWS_OF_TRAINER})` : `${id} = :accessFellowId`),
  'fellow.account': (actor) => actor.role === Role.FELLOW && ((id) => `${id} = :accessFellowId`),
  'user.contact': (actor) => (id) =>
    `(${id} = :accessUserId OR ${id} IN (SELECT acc_ut.user_id FROM cohort_trainer acc_ut WHERE acc_ut.cohort_id IN (${cohortsOf(actor.role)})))`,
};
