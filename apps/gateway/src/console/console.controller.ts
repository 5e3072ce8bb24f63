import { Controller, Get, NotFoundException, Param, Res, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Only the hub's own origin: scripts, data (/graphql, /console/session) and images (data: URLs for
 * inlined icons). Ant Design writes its styles into <style> elements at run time (CSS-in-JS), hence
 * 'unsafe-inline' for styles only; scripts stay 'self'. Checked in a browser that records every request.
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Where `npm run build` puts the console (apps/console/vite.config.ts), unless CONSOLE_DIR says otherwise. */
export function consoleDir(): string {
  return resolve(process.env.CONSOLE_DIR ?? 'dist/console');
}

const SAFE_NAME = /^[\w.-]+$/;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
/** A client route of the single-page app (/console/catalog, /console/sign-in…): no file extension. */
const CLIENT_ROUTE = /^\/console\/(?!assets\/)[\w\-/]*$/;

interface Asset {
  body: Buffer;
  type: string;
}

/**
 * Serves the stewards' console (apps/console) at /console from dist/console: open, like GraphiQL,
 * because the files hold no data; everything they show comes from /graphql under the caller's
 * session. Files are read once at start; asset names are content-hashed, so they are cached for
 * good and the page itself never. Client routes get index.html (the router picks the page).
 */
@Controller()
export class ConsoleController implements OnModuleInit {
  private page?: Buffer;
  private readonly assets = new Map<string, Asset>();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    // The fallback for client routes, on Fastify directly: its router prefers the static and
    // parametric routes (/console/assets/:name, /console/session) over this wildcard.
    this.adapterHost.httpAdapter
      .getInstance<FastifyInstance>()
      .get('/console/*', (request: FastifyRequest, reply: FastifyReply) => {
        const path = request.url.split('?')[0];
        // A missing file (an old chunk name, a typo) is a 404, not the page: a script tag must never get HTML.
        if (!CLIENT_ROUTE.test(path)) return reply.callNotFound();
        if (!this.page) return reply.callNotFound();
        this.sendPage(reply);
      });
    try {
      this.page = await readFile(join(consoleDir(), 'index.html'));
      for (const name of await readdir(join(consoleDir(), 'assets'))) {
        const type = TYPES[name.slice(name.lastIndexOf('.'))];
        if (type && SAFE_NAME.test(name))
          this.assets.set(name, { body: await readFile(join(consoleDir(), 'assets', name)), type });
      }
    } catch {
      // Without a build (e.g. a subgraph-only deployment) /console answers 404 with a hint.
      this.page = undefined;
    }
  }

  @Get('console')
  index(@Res() reply: FastifyReply): void {
    this.sendPage(reply);
  }

  @Get('console/assets/:name')
  asset(@Param('name') name: string, @Res() reply: FastifyReply): void {
    const asset = SAFE_NAME.test(name) ? this.assets.get(name) : undefined;
    if (!asset) throw new NotFoundException();
    secure(reply)
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  }

  private sendPage(reply: FastifyReply): void {
    if (!this.page) throw new NotFoundException('The console is not built: run `npm run build`');
    secure(reply)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(this.page);
  }
}

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer');
}
