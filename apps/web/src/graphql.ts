import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * `graphql()` types every operation from schema.gql (introspected into graphql-env.d.ts by `gql-tada generate
 * output`, run by the build): a field that does not exist fails `npm run build`.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; ID: string };
  // Pages read the fields of their fragments directly: the app is small enough not to need masking.
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
