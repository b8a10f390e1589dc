import { graphql, type ResultOf } from '../../graphql';

const FilmCardFields = graphql(`
  fragment FilmCard on Film {
    id
    title
    stage
    assets {
      id
      status
      posterUrl
    }
  }
`);

export const MyFilmsQuery = graphql(
  `
    query MyFilms {
      me {
        id
        fellow {
          id
          films {
            ...FilmCard
          }
        }
      }
    }
  `,
  [FilmCardFields],
);

export const FilmsQuery = graphql(
  `
    query Films {
      films(first: 50) {
        nodes {
          ...FilmCard
        }
        totalCount
      }
    }
  `,
  [FilmCardFields],
);

export { FilmCardFields };

export const FilmQuery = graphql(`
  query Film($id: ID!) {
    film(id: $id) {
      id
      title
      stage
      logline
      synopsis
      runtimeSeconds
      cohort {
        id
        name
        timeZone
      }
      directors {
        id
      }
      nextStages
      previousStages
      stageHistory {
        id
        toStage
        note
        changedAt
      }
      assets {
        id
        kind
        status
        fileName
        byteSize
        createdAt
        posterUrl
        previewUrl
        failureReason
        rejectionReason
      }
    }
  }
`);

export type FilmStage = ResultOf<typeof FilmQuery>['film'] extends infer F ? (F extends { stage: infer S } ? S : never) : never;

/** Moves a film forward by an allowed move, or back to an earlier stage with a note. */
export const SetFilmStageMutation = graphql(`
  mutation SetFilmStage($filmId: ID!, $stage: FilmStage!, $note: String) {
    setFilmStage(filmId: $filmId, stage: $stage, note: $note) {
      id
      stage
      nextStages
      previousStages
    }
  }
`);

/** The cohorts a fellow may create a film in: those she is enrolled in. */
export const NewFilmCohortsQuery = graphql(`
  query NewFilmCohorts {
    me {
      id
      fellow {
        id
        cohorts {
          id
          name
          archivedAt
        }
      }
    }
  }
`);

export const CreateFilmMutation = graphql(`
  mutation CreateFilm($input: CreateFilmInput!) {
    createFilm(input: $input) {
      id
    }
  }
`);

/** Her uploads of this film still open: what she can resume, from this browser or another. */
export const MyUnfinishedUploadsQuery = graphql(`
  query MyUnfinishedUploads($filmId: ID!) {
    myUnfinishedUploads(filmId: $filmId) {
      id
      partSize
      partCount
      createdAt
      expiresAt
      uploadedParts {
        partNumber
      }
      asset {
        id
        kind
        fileName
        byteSize
      }
    }
  }
`);

export const AbortFilmUploadMutation = graphql(`
  mutation AbortFilmUpload($uploadId: ID!) {
    abortFilmUpload(uploadId: $uploadId)
  }
`);

export type UnfinishedUpload = ResultOf<typeof MyUnfinishedUploadsQuery>['myUnfinishedUploads'][number];
export type AssetKind = UnfinishedUpload['asset']['kind'];
