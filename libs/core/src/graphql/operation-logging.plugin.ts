import type { ApolloServerPlugin } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { PinoLogger } from 'nestjs-pino';

/** Adds the GraphQL operation's name and type to every log line of the request (never its variables). */
@Plugin()
export class OperationLoggingPlugin implements ApolloServerPlugin {
  constructor(private readonly logger: PinoLogger) {}

  async requestDidStart(): Promise<{
    didResolveOperation: (context: { operationName?: string | null; operation?: { operation: string } | null }) => Promise<void>;
  }> {
    return {
      didResolveOperation: async ({ operationName, operation }) => {
        try {
          this.logger.assign({ graphqlOperation: operationName ?? '(anonymous)', graphqlType: operation?.operation });
        } catch {
          // Outside an HTTP request (e.g. a schema executed in a script) there is no request log to enrich.
        }
      },
    };
  }
}
