import type { ApolloServerPlugin } from '@apollo/server';
import { getNullableType, GraphQLError, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** Assumed size of a list that declares none (the API's tests require every list of objects to declare one). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * How many items each unpaginated list holds at most in practice, by `Type.field`: a number, or a function of
 * the field's arguments (parts asked for by number). Lists read with their parent in one go (a JSON column, a
 * report's figures) count 1: their items cost no resolver and no SQL of their own.
 */
export type ListSizes = Readonly<Record<string, number | ((args: Record<string, unknown>) => number)>>;

/** A paginated field costs its page size times one node; another list its declared size times one item. */
function listEstimator(sizes: ListSizes): ComplexityEstimator {
  return ({ args, field, type, childComplexity }) => {
    if (typeof args.first === 'number') return 1 + childComplexity * args.first;
    // A connection's `nodes` are already counted by its `first`.
    if (field.name === 'nodes' || !isListType(getNullableType(field.type))) return undefined;
    const size = sizes[`${type.name}.${field.name}`] ?? ASSUMED_LIST_SIZE;
    return 1 + childComplexity * (typeof size === 'function' ? size(args) : size);
  };
}

/** The estimated cost of one operation of `document`: what the limit below is compared with. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  listSizes: ListSizes,
  operationName?: string,
  variables?: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [listEstimator(listSizes), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * Refuses an operation whose estimated cost exceeds `maxComplexity`, after parsing and validation but before
 * any resolver (and so any SQL) runs.
 */
export function complexityLimitPlugin(maxComplexity: number, listSizes: ListSizes = {}): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = operationCost(schema, document, listSizes, request.operationName, request.variables);
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
