import { graphql } from '../../graphql';

const SessionFields = graphql(`
  fragment SessionFields on TrainingSession {
    id
    title
    status
    startsAt
    endsAt
    location
    cohort {
      id
      name
      timeZone
      fellows {
        id
        fullName
      }
    }
    attendance {
      fellow {
        id
        fullName
      }
      status
      note
      recordedAt
    }
    attendanceHistory {
      id
      fellowId
      fromStatus
      toStatus
      toNote
      changedAt
      changedBy {
        id
        fullName
      }
    }
  }
`);

export const SessionQuery = graphql(
  `
    query TrainingSession($id: ID!) {
      trainingSession(id: $id) {
        ...SessionFields
      }
    }
  `,
  [SessionFields],
);

export const RecordAttendanceMutation = graphql(
  `
    mutation RecordAttendance($sessionId: ID!, $records: [AttendanceInput!]!) {
      recordAttendance(sessionId: $sessionId, records: $records) {
        ...SessionFields
      }
    }
  `,
  [SessionFields],
);

/** The cohorts whose sessions the calendar gathers: a trainer's own, all of them for managers. */
export const CalendarCohortsQuery = graphql(`
  query CalendarCohorts {
    cohorts(first: 50) {
      nodes {
        id
        name
        status
        timeZone
        startDate
        endDate
        archivedAt
      }
    }
  }
`);

/** One cohort's sessions between two instants; the calendar asks it once per cohort of the period. */
export const CalendarSessionsQuery = graphql(`
  query CalendarSessions($cohortId: ID!, $from: DateTime!, $to: DateTime!) {
    trainingSessions(cohortId: $cohortId, from: $from, to: $to) {
      id
      title
      topic
      status
      startsAt
      endsAt
      location
    }
  }
`);

export const NewSessionCohortQuery = graphql(`
  query NewSessionCohort($id: ID!) {
    cohort(id: $id) {
      id
      name
      timeZone
      startDate
      endDate
      archivedAt
      trainers {
        id
        fullName
      }
    }
  }
`);

export const CreateSessionMutation = graphql(`
  mutation CreateSession($input: CreateTrainingSessionInput!) {
    createTrainingSession(input: $input) {
      id
      title
      startsAt
      endsAt
      status
      location
    }
  }
`);

/**
 * What a trainer's home gathers of one of her cohorts: its sessions from `from` on (the roll calls still to take
 * and the ones to come) and who is at risk. One request per cohort.
 */
export const TrainerCohortDigestQuery = graphql(`
  query TrainerCohortDigest($cohortId: ID!, $from: DateTime!) {
    trainingSessions(cohortId: $cohortId, from: $from) {
      id
      title
      status
      startsAt
      endsAt
      location
    }
    cohortProgress(cohortId: $cohortId) {
      atRisk
      fellow {
        id
      }
    }
  }
`);
