import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import depthLimit from 'graphql-depth-limit';
import { SETTINGS } from '../config/settings.module.js';
import type { Settings } from '../config/settings.js';
import { complexityLimitPlugin } from './complexity.plugin.js';
import { CalendarDate } from './date.scalar.js';
import { OperationLoggingPlugin } from './operation-logging.plugin.js';

/** Options shared by the served schema and the printed `schema.gql`, so that the two cannot differ. */
export const SCHEMA_OPTIONS = { sortSchema: true } as const;

/**
 * GraphQL over HTTP at /graphql (Apollo, code-first). In production: no introspection, no landing page, no
 * stack traces. Apollo's CSRF prevention stays on in every mode. Depth and cost limits refuse a query before
 * any resolver runs.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [SETTINGS],
      useFactory: (settings: Settings): ApolloDriverConfig => {
        const production = settings.nodeEnv === 'production';
        return {
          path: '/graphql',
          autoSchemaFile: true,
          ...SCHEMA_OPTIONS,
          playground: false,
          introspection: !production,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: !production,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          fieldResolverEnhancers: ['filters'],
          validationRules: [depthLimit(settings.graphql.maxDepth)],
          plugins: [
            complexityLimitPlugin(settings.graphql.maxComplexity),
            production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
          ],
        };
      },
    }),
  ],
  providers: [CalendarDate, OperationLoggingPlugin],
})
export class ApiGraphqlModule {}
