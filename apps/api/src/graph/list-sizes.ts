import type { ListSizes } from '#core';

/**
 * How many items each unpaginated list holds at most in practice, for the query cost estimate (paginated lists
 * count their `first`). From the programmes this platform serves: cohorts of 6 to 10 fellows, one or two
 * trainers, a session a week for six to eight months, films by one to three directors, screenings of a handful of films over a day or
 * two. Lists read with their parent in one go (a JSON column, a report's figures) count 1.
 *
 * Every list of objects in the schema must be here (test/query-cost.spec.ts), so a new list states its size.
 */
export const LIST_SIZES: ListSizes = {
  // People
  'Programme.cohorts': 10,
  'Cohort.fellows': 20,
  'Cohort.trainers': 4,
  'User.cohorts': 5,
  'Fellow.cohorts': 3,
  'Fellow.films': 5,
  'FellowImportResult.errors': 1,

  // Training
  'Query.trainingSessions': 40,
  'TrainingSession.attendance': 20,
  'TrainingSession.attendanceHistory': 40,
  'TrainingSession.trainers': 4,
  'Query.cohortProgress': 20,
  'FellowProgress.films': 3,
  'Query.feedbackNotes': 30,
  'Query.certificates': 3,

  // Films
  'Film.directors': 3,
  'Film.assets': 6,
  'Film.stageHistory': 10,
  'Film.festivalEntries': 10,
  'Film.screenings': 20,
  'FilmUpload.uploadedParts': 1,
  'Query.myUnfinishedUploads': 5,
  'Mutation.signUploadParts': (args) => (Array.isArray(args.partNumbers) ? args.partNumbers.length : 1),

  // Festivals
  'Query.festivals': 50,
  'Festival.editions': 10,
  'FestivalEdition.entries': 20,
  'FestivalEntry.awards': 3,
  'FestivalEntry.history': 6,

  // Screenings
  'Query.venues': 50,
  'Screening.films': 10,
  'Screening.attendanceByDay': 3,
  'AttendanceImportResult.errors': 1,

  // Funding, reports, notifications
  'Query.funders': 20,
  'Query.grants': 50,
  'Query.upcomingReporting': 20,
  'Query.grantTotals': 3,
  'Query.overdueReporting': 20,
  'ImpactReport.fellowsByGender': 1,
  'ImpactReport.fellowsByRegion': 1,
  'ImpactReport.screeningsByRegion': 1,
  'ImpactReport.grantsByFunder': 20,
  'Query.notifications': 50,
};
