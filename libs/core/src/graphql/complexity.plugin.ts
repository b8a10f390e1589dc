import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, GraphQLError, isListType } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** Assumed size of a list without a page size (a cohort's fellows, a fellow's cohorts). */
const ASSUMED_LIST_SIZE = 10;

/** A paginated field costs its page size times one node; another list its assumed size times one item. */
const listEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + childComplexity * args.first;
  // A connection's `nodes` are already counted by its `first`.
  if (field.name !== 'nodes' && isListType(getNullableType(field.type))) return 1 + childComplexity * ASSUMED_LIST_SIZE;
  return undefined;
};

/**
 * Refuses an operation whose estimated cost exceeds `maxComplexity`, after parsing and validation but before
 * any resolver (and so any SQL) runs.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Estimating coerces the variables first: a bad variable is the caller's mistake, not a server error.
            if (error instanceof GraphQLError)
              throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            throw error;
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `This query is too complex (cost ${complexity}, at most ${maxComplexity}): ask for fewer fields or smaller pages`,
              // Without a status, Apollo answers an error thrown here with HTTP 500: it is the caller's query.
              { extensions: { code: 'BAD_USER_INPUT', complexity, maxComplexity, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
