import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where the web console lives: a single-page app whose routes all sit under this path. */
export const CONSOLE_PATH = '/console';

/** What `vite build` writes; `CONSOLE_DIR` points elsewhere (a Docker image, a test). */
export function consoleDirectory(): string {
  return process.env.CONSOLE_DIR ?? join(process.cwd(), 'dist/console');
}

/**
 * The console loads its own script and styles and talks to this origin only (the API and /oauth).
 * A review task's proof PDF, fetched with the bearer token, is shown from a blob: URL in a frame.
 */
const CONSOLE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
  "frame-src 'self' blob:; object-src 'self' blob:";

/** Vite names every file under assets/ by its content hash, so a cached copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the web console under /console/: its hashed assets with a long cache, and index.html
 * (never cached, with a CSP) for every other path, so the app's own routes (/console/callback,
 * /console/orders) load it too. Registered straight on Fastify, outside Nest's router, so the
 * global guard never asks these pages for a bearer token; the app signs in through /oauth itself.
 * A start without a build (the tests run from source) answers 404 problem+json instead of failing.
 */
export function mountConsole(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const root = consoleDirectory();
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('Console').warn(`${indexFile} not found: ${CONSOLE_PATH}/ answers 404 until npm run build`);
    fastify.get(CONSOLE_PATH, notBuilt);
    fastify.get(`${CONSOLE_PATH}/*`, notBuilt);
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  void fastify.register(async (scope: FastifyInstance) => {
    // One route per built file (`wildcard: false`); index.html is left to the fallback below,
    // which adds the CSP. Swagger UI registers @fastify/static too, so no reply decorators here.
    await scope.register(fastifyStatic, {
      root,
      prefix: `${CONSOLE_PATH}/`,
      decorateReply: false,
      wildcard: false,
      index: false,
      globIgnore: ['index.html'],
      setHeaders: (reply) => {
        const url = reply.request.url;
        void reply.header(
          'cache-control',
          url.startsWith(`${CONSOLE_PATH}/assets/`) ? IMMUTABLE : 'no-cache',
        );
        void reply.header('x-content-type-options', 'nosniff');
      },
    });
    scope.get(CONSOLE_PATH, (_request: FastifyRequest, reply: FastifyReply) => {
      void reply.header('cache-control', 'no-store').redirect(`${CONSOLE_PATH}/`, 302);
    });
    scope.get(`${CONSOLE_PATH}/*`, (request: FastifyRequest, reply: FastifyReply) => {
      // A missing file (an asset of an older build, a typo) is a 404, not the app's page.
      const path = request.url.split('?')[0];
      const lastSegment = path.slice(path.lastIndexOf('/') + 1);
      if (
        path.startsWith(`${CONSOLE_PATH}/assets/`) ||
        (lastSegment.includes('.') && lastSegment !== 'index.html')
      )
        return sendProblem(reply, 'CONSOLE_FILE_NOT_FOUND', `No console file at ${path}`);
      void reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CONSOLE_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'same-origin')
        .send(indexHtml);
    });
  });
}

function notBuilt(_request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(reply, 'CONSOLE_NOT_BUILT', 'The console is not built: run npm run build');
}

function sendProblem(reply: FastifyReply, code: string, detail: string): void {
  void reply
    .status(404)
    .header('content-type', 'application/problem+json')
    .header('cache-control', 'no-store')
    .send({ type: 'about:blank', title: 'Not Found', status: 404, code, detail });
}
