import { readFileSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { CatalogResolver } from './catalog.resolver.js';
import { CatalogService, SUPERGRAPH_SDL } from './catalog.service.js';

/** Where the composed supergraph is: the same file the gateway serves. */
export function supergraphPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SUPERGRAPH_PATH ?? 'schemas/graphql/supergraph.graphql';
}

@Module({
  providers: [
    CatalogService,
    CatalogResolver,
    { provide: SUPERGRAPH_SDL, useFactory: () => readFileSync(supergraphPath(), 'utf8') },
  ],
  exports: [CatalogService, SUPERGRAPH_SDL],
})
export class CatalogModule {}
