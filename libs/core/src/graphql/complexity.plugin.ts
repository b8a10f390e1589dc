import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** A paginated field costs its page size times the cost of one node. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + childComplexity * args.first : undefined;

/**
 * Refuses an operation whose estimated cost exceeds `maxComplexity`, after parsing and validation but before
 * any resolver (and so any SQL) runs.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `This query is too complex (cost ${complexity}, at most ${maxComplexity}): ask for fewer fields or smaller pages`,
              { extensions: { code: 'BAD_USER_INPUT', complexity, maxComplexity } },
            );
          }
        },
      };
    },
  };
}
