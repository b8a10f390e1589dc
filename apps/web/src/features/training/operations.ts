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
