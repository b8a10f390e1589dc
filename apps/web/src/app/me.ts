import { useOutletContext } from 'react-router';
import { graphql, type ResultOf } from '../graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      fullName
      role
      fellow {
        id
      }
    }
  }
`);

export type Me = ResultOf<typeof MeQuery>['me'];
export type Role = Me['role'];

/** The signed-in user, for pages under the shell. */
export function useMe(): Me {
  return useOutletContext<Me>();
}

export const isManager = (role: Role): boolean => role === 'ADMIN' || role === 'PROGRAMME_MANAGER';
