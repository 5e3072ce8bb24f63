import { Controller, Get, NotFoundException, Param, Res, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * No origin but the hub's own: GraphiQL's scripts, styles, fonts (data: URLs) and Monaco workers
 * all come from here. Checked in a browser with outside traffic blocked.
 */
export const GRAPHIQL_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Where `npm run build` puts the bundle (scripts/build-graphiql.mjs), unless GRAPHIQL_DIR says otherwise. */
export function graphiqlDir(): string {
  return resolve(process.env.GRAPHIQL_DIR ?? 'dist/graphiql');
}

const SAFE_NAME = /^[\w.-]+$/;
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

interface Asset {
  body: Buffer;
  type: string;
}

/**
 * Serves GraphiQL at /graphiql from the bundle built from node_modules — government networks
 * have no CDN. Files are read once at start; asset names are content-hashed, so they are cached
 * for good and the page itself never.
 */
@Controller()
export class GraphiqlController implements OnModuleInit {
  private page?: Buffer;
  private readonly assets = new Map<string, Asset>();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    // The page's asset links are relative to /graphiql; /graphiql/ would break them, so it
    // redirects (registered on Fastify directly: Nest would normalise the trailing slash away).
    this.adapterHost.httpAdapter
      .getInstance<FastifyInstance>()
      .get('/graphiql/', (_request, reply) => reply.redirect('../graphiql', 308));
    try {
      this.page = await readFile(join(graphiqlDir(), 'index.html'));
      for (const name of await readdir(join(graphiqlDir(), 'assets'))) {
        const type = TYPES[name.slice(name.lastIndexOf('.'))];
        if (type && SAFE_NAME.test(name))
          this.assets.set(name, { body: await readFile(join(graphiqlDir(), 'assets', name)), type });
      }
    } catch {
      // Without a build (e.g. a subgraph-only deployment) /graphiql answers 404 with a hint.
      this.page = undefined;
    }
  }

  @Get('/')
  root(@Res() reply: FastifyReply): void {
    reply.redirect('/graphiql', 302);
  }

  @Get('graphiql')
  index(@Res() reply: FastifyReply): void {
    if (!this.page) throw new NotFoundException('GraphiQL is not built: run `npm run build`');
    secure(reply)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(this.page);
  }

  @Get('graphiql/index.html')
  indexHtml(@Res() reply: FastifyReply): void {
    reply.redirect('../graphiql', 308);
  }

  @Get('graphiql/assets/:name')
  asset(@Param('name') name: string, @Res() reply: FastifyReply): void {
    const asset = SAFE_NAME.test(name) ? this.assets.get(name) : undefined;
    if (!asset) throw new NotFoundException();
    secure(reply)
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  }
}

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', GRAPHIQL_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer');
}
