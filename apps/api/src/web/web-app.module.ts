import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebAppFiles, webAppDirectory, type Middleware } from './web-app.js';

/**
 * Serves the web app (apps/web, built into dist/web) from the API's own origin, so the browser needs no CORS
 * and one process serves a whole deployment. Registered at module init, after Nest's routes and before its 404
 * handler: /graphql, /health and /calendar stay the API's.
 */
@Module({ providers: [{ provide: WebAppFiles, useFactory: () => new WebAppFiles(webAppDirectory()) }], exports: [WebAppFiles] })
export class WebAppModule implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(
    private readonly files: WebAppFiles,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    if (!this.files.available) {
      this.logger.warn(`No web app at ${this.files.directory}: run npm run build:web to serve it`);
      return;
    }
    const server = this.adapterHost.httpAdapter?.getInstance<{ use(handler: Middleware): void }>();
    server?.use(this.files.middleware());
  }
}
