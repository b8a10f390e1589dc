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
      stageHistory {
        id
        toStage
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
