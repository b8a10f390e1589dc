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
