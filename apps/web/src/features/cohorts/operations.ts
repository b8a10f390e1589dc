import { graphql } from '../../graphql';

export const CohortsQuery = graphql(`
  query Cohorts {
    cohorts(first: 50) {
      nodes {
        id
        name
        status
        startDate
        endDate
        programme {
          id
          name
        }
      }
      totalCount
    }
  }
`);

export const CohortQuery = graphql(`
  query Cohort($id: ID!) {
    cohort(id: $id) {
      id
      name
      status
      startDate
      endDate
      timeZone
      archivedAt
      programme {
        id
        name
      }
      trainers {
        id
        fullName
      }
      fellows {
        id
        fullName
        city
      }
    }
    cohortProgress(cohortId: $id) {
      sessionsHeld
      sessionsAttended
      attendanceRate
      atRisk
      fellow {
        id
        fullName
      }
      films {
        id
        title
        stage
      }
    }
    trainingSessions(cohortId: $id) {
      id
      title
      startsAt
      endsAt
      status
      location
    }
  }
`);
