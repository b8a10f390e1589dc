import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import depthLimit from 'graphql-depth-limit';
import { AccessModule, AccessService, RequestContext, type GraphqlContext } from '#access';
import { CalendarDate, complexityLimitPlugin, OperationLoggingPlugin, SETTINGS, type AuthenticatedRequest, type Settings } from '#core';

/**
 * GraphQL over HTTP at /graphql (Apollo, code-first). Each request gets one RequestContext (caller, request id,
 * loaders, access answers) in the GraphQL context. In production: no introspection, no landing page, no stack
 * traces. Apollo's CSRF prevention stays on in every mode. Depth and cost limits refuse a query before any
 * resolver runs.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AccessModule],
      inject: [SETTINGS, AccessService],
      useFactory: (settings: Settings, access: AccessService): ApolloDriverConfig => {
        const production = settings.nodeEnv === 'production';
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: !production,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: !production,
          context: ({ req, res }: { req: AuthenticatedRequest; res: unknown }): GraphqlContext & { res: unknown } => ({
            req,
            res,
            ctx: RequestContext.forRequest(access, req),
          }),
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
