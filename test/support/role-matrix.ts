/**
 * Who may call each operation: the README's roles table, one row per query and mutation. test/roles.e2e-spec.ts
 * fails for an operation of the schema without a row, and for a role that gets another answer than its row.
 * Object-level rules (which cohort, which film) come after this gate; test/access.e2e-spec.ts checks them.
 */
export type Caller = 'ADMIN' | 'PROGRAMME_MANAGER' | 'TRAINER' | 'FELLOW' | 'ANONYMOUS';

const SIGNED_IN: Caller[] = ['ADMIN', 'PROGRAMME_MANAGER', 'TRAINER', 'FELLOW'];
const MANAGERS: Caller[] = ['ADMIN', 'PROGRAMME_MANAGER'];
const TRAINING_STAFF: Caller[] = ['ADMIN', 'PROGRAMME_MANAGER', 'TRAINER'];

export const ROLE_MATRIX: Record<string, Caller[] | 'PUBLIC'> = {
  // Sign-in and accounts
  'Mutation.login': 'PUBLIC',
  'Mutation.acceptInvitation': 'PUBLIC',
  'Mutation.inviteUser': MANAGERS,
  'Query.users': MANAGERS,
  'Query.me': SIGNED_IN,
  'Query.notifications': SIGNED_IN,
  'Mutation.dismissNotification': SIGNED_IN,
  'Mutation.issueCalendarFeed': SIGNED_IN,
  'Mutation.revokeCalendarFeed': SIGNED_IN,

  // People: everyone signed in reads, filtered to what is theirs; managers change
  'Query.programmes': SIGNED_IN,
  'Query.programme': SIGNED_IN,
  'Query.cohorts': SIGNED_IN,
  'Query.cohort': SIGNED_IN,
  'Query.fellows': SIGNED_IN,
  'Query.fellow': SIGNED_IN,
  'Query.exportFellowsCsv': MANAGERS,
  'Mutation.createProgramme': MANAGERS,
  'Mutation.updateProgramme': MANAGERS,
  'Mutation.archiveProgramme': MANAGERS,
  'Mutation.createCohort': MANAGERS,
  'Mutation.updateCohort': MANAGERS,
  'Mutation.archiveCohort': MANAGERS,
  'Mutation.assignTrainer': MANAGERS,
  'Mutation.unassignTrainer': MANAGERS,
  'Mutation.createFellow': MANAGERS,
  'Mutation.updateFellow': MANAGERS,
  'Mutation.archiveFellow': MANAGERS,
  'Mutation.enrollFellow': MANAGERS,
  'Mutation.setEnrollmentStatus': MANAGERS,
  'Mutation.importFellows': MANAGERS,

  // Training: trainers run their cohorts' sessions; a fellow reads their own marks and shared notes
  'Query.trainingSessions': SIGNED_IN,
  'Query.trainingSession': SIGNED_IN,
  'Query.cohortProgress': SIGNED_IN,
  'Query.feedbackNotes': SIGNED_IN,
  'Query.certificates': ['ADMIN', 'PROGRAMME_MANAGER', 'FELLOW'],
  'Query.verifyCertificate': 'PUBLIC',
  'Mutation.createTrainingSession': TRAINING_STAFF,
  'Mutation.updateTrainingSession': TRAINING_STAFF,
  'Mutation.cancelTrainingSession': TRAINING_STAFF,
  'Mutation.recordAttendance': TRAINING_STAFF,
  'Mutation.addFeedbackNote': TRAINING_STAFF,

  // Films: a film's directors, its cohort's trainers and managers work on it
  'Query.films': SIGNED_IN,
  'Query.film': SIGNED_IN,
  'Query.filmUpload': SIGNED_IN,
  'Query.myUnfinishedUploads': SIGNED_IN,
  'Mutation.createFilm': SIGNED_IN,
  'Mutation.updateFilm': SIGNED_IN,
  'Mutation.setFilmStage': SIGNED_IN,
  'Mutation.startFilmUpload': SIGNED_IN,
  'Mutation.signUploadParts': SIGNED_IN,
  'Mutation.recordUploadedPart': SIGNED_IN,
  'Mutation.completeFilmUpload': SIGNED_IN,
  'Mutation.abortFilmUpload': SIGNED_IN,

  // Festivals: managers enter films; the film's people follow their entries
  'Query.festivals': SIGNED_IN,
  'Query.festivalEntry': SIGNED_IN,
  'Mutation.createFestival': MANAGERS,
  'Mutation.createFestivalEdition': MANAGERS,
  'Mutation.createFestivalEntry': MANAGERS,
  'Mutation.changeEntryStatus': MANAGERS,
  'Mutation.recordAward': MANAGERS,

  // Screenings: public events once scheduled; managers plan them and count spectators
  'Query.venues': SIGNED_IN,
  'Query.screenings': SIGNED_IN,
  'Query.screening': SIGNED_IN,
  'Mutation.createVenue': MANAGERS,
  'Mutation.createScreening': MANAGERS,
  'Mutation.scheduleScreening': MANAGERS,
  'Mutation.markScreeningHeld': MANAGERS,
  'Mutation.cancelScreening': MANAGERS,
  'Mutation.recordScreeningAttendance': MANAGERS,
  'Mutation.importScreeningAttendance': MANAGERS,

  // Funders and reports: managers only
  'Query.funders': MANAGERS,
  'Query.grants': MANAGERS,
  'Query.upcomingReporting': MANAGERS,
  'Query.grantTotals': MANAGERS,
  'Query.overdueReporting': MANAGERS,
  'Query.impactReport': MANAGERS,
  'Query.reportDocument': MANAGERS,
  'Mutation.createFunder': MANAGERS,
  'Mutation.createGrant': MANAGERS,
  'Mutation.markReportingDone': MANAGERS,
  'Mutation.requestImpactReportDocument': MANAGERS,
  'Mutation.requestDatasetExport': MANAGERS,
  'Mutation.exportDataset': MANAGERS,
};
