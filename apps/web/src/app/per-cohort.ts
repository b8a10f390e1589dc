import { useEffect, useState } from 'react';
import { useClient, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';

export interface PerCohort<C, Data> {
  /** Each cohort with its answer, in the cohorts' order; undefined until every answer is in. */
  results?: { cohort: C; data?: Data }[];
  error?: CombinedError;
}

/**
 * One request per cohort (a trainer has a few), sent together and shown together, fresh from the network: what a
 * page across a person's cohorts needs. `key` stands for whatever the variables depend on besides the cohorts;
 * answers for an older key are never shown.
 */
export function usePerCohort<C extends { id: string }, Data, Variables extends AnyVariables>(
  cohorts: readonly C[] | undefined,
  key: string,
  query: TypedDocumentNode<Data, Variables>,
  variablesOf: (cohort: C) => Variables,
): PerCohort<C, Data> {
  const client = useClient();
  const [state, setState] = useState<PerCohort<C, Data> & { key: string }>({ key: '' });
  const fullKey = cohorts ? `${key}|${cohorts.map((cohort) => cohort.id).join(',')}` : '';

  useEffect(() => {
    if (!cohorts) return;
    let current = true;
    Promise.all(
      cohorts.map((cohort) =>
        client
          .query(query, variablesOf(cohort), { requestPolicy: 'network-only' })
          .toPromise()
          .then((result) => ({ cohort, result })),
      ),
    ).then((answers) => {
      if (!current) return;
      const error = answers.find(({ result }) => result.error)?.result.error;
      setState({ key: fullKey, results: answers.map(({ cohort, result }) => ({ cohort, data: result.data })), error });
    });
    return () => {
      current = false;
    };
    // The key stands for the cohorts and the variables.
  }, [fullKey, client]);

  return state.key === fullKey ? { results: state.results, error: state.error } : {};
}
