import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessModule, AccessService, RequestContext, type GraphqlContext } from '#access';
import {
  CalendarDate,
  complexityLimitPlugin,
  DateTimeScalar,
  operationLimitRules,
  OperationLoggingPlugin,
  SETTINGS,
  stringInputLimitPlugin,
  type AuthenticatedRequest,
  type Settings,
} from '#core';
import { LIST_SIZES } from './list-sizes.js';

/** Tokens in one GraphQL document: the web client's largest operation has a few hundred. */
export const MAX_DOCUMENT_TOKENS = 20_000;

/**
 * Plain string arguments (not fields of an input class, which carry their own `@MaxLength`) with a natural size
 * below the global cap; the CSV imports take whole files, above it.
 */
export function argumentLimits(settings: Settings): Record<string, number> {
  const NOTE = 2000;
  const NAME = 200;
  return {
    'Mutation.importFellows.csv': settings.graphql.maxCsvLength,
    'Mutation.importScreeningAttendance.csv': settings.graphql.maxCsvLength,
    'Mutation.setFilmStage.note': NOTE,
    'Mutation.changeEntryStatus.note': NOTE,
    'Mutation.cancelTrainingSession.reason': NOTE,
    'Mutation.recordAward.name': NAME,
    'Mutation.recordAward.category': NAME,
    'Query.verifyCertificate.code': 64,
  };
}

/**
 * GraphQL over HTTP at /graphql (Apollo, code-first). Each request gets one RequestContext (caller, request id,
 * loaders, access answers) in the GraphQL context. In production: no introspection, no landing page, no stack
 * traces, no "did you mean" hints naming fields. Apollo's CSRF prevention stays on in every mode. Limits of
 * depth, aliases, root fields, cost and string length refuse an operation before any resolver runs.
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
          // The JSON body may be megabytes (a CSV import, sent as a variable): the document itself stays small.
          parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
          // With introspection off, "did you mean" suggestions in validation errors would still reveal the schema.
          hideSchemaDetailsFromClientErrors: production,
          context: ({ req, res }: { req: AuthenticatedRequest; res: unknown }): GraphqlContext & { res: unknown } => ({
            req,
            res,
            ctx: RequestContext.forRequest(access, req),
          }),
          fieldResolverEnhancers: ['filters'],
          validationRules: operationLimitRules(settings.graphql),
          plugins: [
            stringInputLimitPlugin({ maxLength: settings.graphql.maxStringLength, perArgument: argumentLimits(settings) }),
            complexityLimitPlugin(settings.graphql.maxComplexity, LIST_SIZES),
            production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
          ],
        };
      },
    }),
  ],
  providers: [CalendarDate, DateTimeScalar, OperationLoggingPlugin],
})
export class ApiGraphqlModule {}
