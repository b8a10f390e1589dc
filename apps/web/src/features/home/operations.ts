import { graphql } from '../../graphql';

/** A fellow's own year: her cohorts, the notes her trainers shared with her and her certificates. */
export const FellowJourneyQuery = graphql(`
  query FellowJourney($fellowId: ID!) {
    fellow(id: $fellowId) {
      id
      cohorts {
        id
        name
        status
        timeZone
        startDate
        endDate
        programme {
          id
          name
        }
      }
    }
    feedbackNotes(fellowId: $fellowId) {
      id
      body
      createdAt
      author {
        id
        fullName
      }
    }
    certificates(fellowId: $fellowId) {
      id
      code
      cohortName
      programmeName
      completedOn
    }
  }
`);

/** Her line of a cohort's progress and its sessions, each with her own mark (the API returns only hers). */
export const MyCohortTrainingQuery = graphql(`
  query MyCohortTraining($cohortId: ID!) {
    cohortProgress(cohortId: $cohortId) {
      fellow {
        id
      }
      sessionsHeld
      sessionsAttended
      attendanceRate
      atRisk
    }
    trainingSessions(cohortId: $cohortId) {
      id
      title
      topic
      status
      startsAt
      endsAt
      location
      attendance {
        fellow {
          id
        }
        status
      }
    }
  }
`);

/** The certificates again, for a download link signed just now (each is valid 15 minutes). */
export const CertificateLinksQuery = graphql(`
  query CertificateLinks($fellowId: ID!) {
    certificates(fellowId: $fellowId) {
      id
      downloadUrl
    }
  }
`);
