import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
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

/** A calendar feed's path is its credential (`/calendar/<token>.ics`): only its shape may reach a log. */
const CALENDAR_FEED = /^\/calendar\/[^/]+$/;

/** The path of a request as logged: no query string (signed URLs, tokens), no calendar feed token. */
export function loggedPath(url: string): string {
  const path = url.split('?')[0];
  return CALENDAR_FEED.test(path) ? '/calendar/[redacted].ics' : path;
}

/**
 * Where log lines go: standard output unless a test provides a stream to read them from
 * (`overrideProvider(LOG_DESTINATION).useValue(stream)`).
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

@Module({ providers: [{ provide: LOG_DESTINATION, useValue: null }], exports: [LOG_DESTINATION] })
export class LogDestinationModule {}

/**
 * Structured JSON logs (pino), with the request id on every line logged during a request. Headers that carry
 * credentials are redacted, query strings dropped and calendar feed tokens replaced, so no password, token or
 * signed URL reaches a log.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      imports: [LogDestinationModule],
      inject: [SETTINGS, LOG_DESTINATION],
      useFactory: (settings: Settings, destination: DestinationStream | null) => {
        const options = {
          level: settings.logLevel,
          genReqId: requestId,
          customAttributeKeys: { reqId: 'requestId' },
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: loggedPath(req.url),
            }),
          },
        };
        // In development, one readable line per event (pino-pretty in a worker thread); JSON everywhere else, and
        // always when a test reads the lines.
        const pretty = !destination && settings.logFormat === 'pretty';
        const transport = pretty
          ? {
              target: 'pino-pretty',
              options: {
                colorize: true,
                translateTime: 'SYS:HH:MM:ss',
                // A request in one line (method, path, status, time, operation); its details stay in JSON logs.
                ignore: 'pid,hostname,context,req,res,responseTime,requestId',
                messageFormat:
                  '{if context}[{context}] {end}{if req.method}{req.method} {req.url} {res.statusCode} {responseTime} ms {end}{msg}',
              },
            }
          : undefined;
        return {
          // Fields assigned during a request (the GraphQL operation) also reach its "request completed" line.
          assignResponse: true,
          pinoHttp: destination ? ([options, destination] as const) : { ...options, transport },
        };
      },
    }),
  ],
})
export class LoggingModule {}
