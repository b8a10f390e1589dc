import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import helmet from 'helmet';
import { SETTINGS, type Settings } from '#core';

type Next = (error?: unknown) => void;

/**
 * Origins the browser may fetch films, stills and upload parts from: the S3 endpoint the presigned URLs point to
 * (path style or bucket subdomain), or AWS S3's own when no endpoint is set.
 */
export function storageOrigins(s3: Settings['s3']): string[] {
  if (!s3.endpoint) return [`https://${s3.bucket}.s3.${s3.region}.amazonaws.com`, `https://s3.${s3.region}.amazonaws.com`];
  const endpoint = new URL(s3.endpoint);
  return s3.forcePathStyle ? [endpoint.origin] : [endpoint.origin, `${endpoint.protocol}//${s3.bucket}.${endpoint.host}`];
}

/**
 * The content security policy of the single-page web client served from this origin: scripts and styles only
 * from files of this origin (no inline script), pictures and films from here and from the object store, requests
 * to /graphql and to the object store (upload parts), and no framing by another site.
 */
export function contentSecurityPolicy(settings: Settings): Record<string, string[] | null> {
  const storage = storageOrigins(settings.s3);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...storage],
    'media-src': ["'self'", 'blob:', ...storage],
    'connect-src': ["'self'", ...storage],
    'font-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Behind TLS in production; over plain HTTP in development, where upgrading would break every request.
    'upgrade-insecure-requests': settings.nodeEnv === 'production' ? [] : null,
  };
}

/** Apollo's development landing page (GraphQL's own explorer) is the one page that loads scripts from its CDN. */
function isLandingPageRequest(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.url ?? '').split('?')[0] === '/graphql' && /text\/html/.test(String(req.headers.accept ?? ''));
}

/**
 * Security headers (helmet) on every response, GraphQL, health, calendar feeds and the web client alike: a
 * content security policy, HSTS, nosniff, no framing, no referrer to other sites, and no `X-Powered-By`.
 */
export function securityHeaders(settings: Settings): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(settings) } });
  // The landing page exists in development only (production disables it): there it gets no CSP.
  const landingPage = helmet({ contentSecurityPolicy: false });
  const development = settings.nodeEnv !== 'production';
  return (req, res, next) => (development && isLandingPageRequest(req) ? landingPage : strict)(req, res, next);
}

/** Applies `securityHeaders` before every route, including Apollo's /graphql and the web client's files. */
@Module({})
export class SecurityHeadersModule implements NestModule {
  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(securityHeaders(this.settings)).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
