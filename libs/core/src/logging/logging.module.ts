import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { SETTINGS } from '../config/settings.module.js';
import type { Settings } from '../config/settings.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A request id from a trusted-looking `x-request-id` header, else a new one; echoed in the response. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/**
 * Structured JSON logs (pino), with the request id on every line logged during a request. Headers that carry
 * credentials are redacted and query strings dropped, so no password, token or signed URL reaches a log.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [SETTINGS],
      useFactory: (settings: Settings) => ({
        // Fields assigned during a request (the GraphQL operation) also reach its "request completed" line.
        assignResponse: true,
        pinoHttp: {
          level: settings.logLevel,
          genReqId: requestId,
          customAttributeKeys: { reqId: 'requestId' },
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url.split('?')[0],
            }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
