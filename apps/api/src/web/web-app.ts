import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Paths that belong to the API, never answered with the web app's index.html. */
const API_PREFIXES = ['/graphql', '/health', '/calendar'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** Vite names every file under assets/ by its content hash: a changed file gets a new name, so it can be kept forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser asks again each time (a 304 when nothing changed). */
const REVALIDATE = 'no-cache';

interface StaticFile {
  body: Buffer;
  gzipped?: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

type Next = (error?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/**
 * The built web app (a few hundred kilobytes), read and gzip-compressed once at start: fellows on slow mobile
 * links get compressed files without a compression step per request, and a deployment has one moving part.
 */
export class WebAppFiles {
  private readonly files = new Map<string, StaticFile>();

  constructor(readonly directory: string) {
    if (!existsSync(join(directory, 'index.html'))) return;
    for (const path of walk(directory)) {
      const urlPath = `/${relative(directory, path).split(sep).join('/')}`;
      const extension = extname(path);
      const body = readFileSync(path);
      this.files.set(urlPath, {
        body,
        gzipped: COMPRESSIBLE.has(extension) && body.length > 1024 ? gzipSync(body, { level: 9 }) : undefined,
        type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      });
    }
  }

  get available(): boolean {
    return this.files.has('/index.html');
  }

  /** Serves a built file, or index.html for a client route (a path without extension outside the API's). */
  middleware(): Middleware {
    return (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const path = decodePath(req.url ?? '/');
      if (path === undefined || API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return next();
      const file = this.files.get(path) ?? (extname(path) === '' ? this.files.get('/index.html') : undefined);
      if (!file) return next();
      send(req, res, file);
    };
  }
}

function send(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  res.setHeader('Content-Type', file.type);
  res.setHeader('Cache-Control', file.cacheControl);
  res.setHeader('ETag', file.etag);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (file.gzipped) res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const gzip = file.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzipped! : file.body;
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
}

function decodePath(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

function* walk(directory: string): Generator<string> {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Where the build lands (`npm run build:web`); WEB_DIR overrides it, e.g. for an image laid out differently. */
export function webAppDirectory(): string {
  return resolve(process.env.WEB_DIR ?? join(process.cwd(), 'dist', 'web'));
}
