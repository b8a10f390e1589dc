import { graphql } from '../../graphql';

export const FellowQuery = graphql(`
  query FellowPage($id: ID!) {
    fellow(id: $id) {
      id
      fullName
      city
      cohorts {
        id
        name
        timeZone
        archivedAt
      }
      films {
        id
        title
        stage
        cohort {
          id
        }
      }
    }
    feedbackNotes(fellowId: $id) {
      id
      body
      visibility
      createdAt
      author {
        id
        fullName
      }
    }
  }
`);

/** A cohort's progress table, from which the fellow page keeps her line. */
export const FellowProgressQuery = graphql(`
  query FellowProgress($cohortId: ID!) {
    cohortProgress(cohortId: $cohortId) {
      sessionsHeld
      sessionsAttended
      attendanceRate
      atRisk
      fellow {
        id
      }
    }
  }
`);

export const AddFeedbackNoteMutation = graphql(`
  mutation AddFeedbackNote($input: AddFeedbackNoteInput!) {
    addFeedbackNote(input: $input) {
      id
      body
      visibility
      createdAt
      author {
        id
        fullName
      }
    }
  }
`);
