// npm run schema:compose   composes the subgraphs' schemas into schemas/graphql/supergraph.graphql
// npm run schema:check     fails (exit 1) when that file is not what composing now gives
//
// Each subgraph app is started in this process without listening (on a scratch database, since
// the apps apply their migrations at boot), its Federation 2 SDL printed, and the SDLs composed
// with @apollo/composition — the same composition the gateway's static supergraph needs.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ScratchDatabase, stopEmbeddedDatabase } from '@hub/persistence';
import { composeSupergraph, supergraphDiff, type SubgraphSdl } from '../apps/gateway/src/supergraph/compose.js';
import { SUBGRAPHS } from './subgraphs.js';

const DEFAULT_PATH = 'schemas/graphql/supergraph.graphql';

export async function subgraphSdls(): Promise<SubgraphSdl[]> {
  const scratch = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_compose');
  const names = [
    'DATABASE_URL',
    'DATABASE_POOL_SIZE',
    'LOG_LEVEL',
    'HUB_AUDIT_KEY',
    'HUB_AUDIT_KEY_FILE',
    'AUDIT_CHECKPOINT_FILE',
    'ARCHIVE_DIR',
  ] as const;
  const env = Object.fromEntries(names.map((k) => [k, process.env[k]]));
  // The apps are started only to print their schemas: a throwaway database, audit key, checkpoint
  // file and archive folder, so that composing never creates or touches a developer's .data.
  const checkpoints = join(tmpdir(), `hub-compose-checkpoints-${process.pid}.ndjson`);
  const archive = join(tmpdir(), `hub-compose-archive-${process.pid}`);
  Object.assign(process.env, {
    DATABASE_URL: scratch.url,
    DATABASE_POOL_SIZE: String(scratch.poolSize),
    HUB_AUDIT_KEY: randomBytes(32).toString('hex'),
    AUDIT_CHECKPOINT_FILE: checkpoints,
    ARCHIVE_DIR: archive,
  });
  delete process.env.HUB_AUDIT_KEY_FILE;
  process.env.LOG_LEVEL ??= 'warn';
  try {
    const sdls: SubgraphSdl[] = [];
    for (const subgraph of SUBGRAPHS) {
      const app = await NestFactory.create(subgraph.module as never, new FastifyAdapter(), {
        logger: ['error', 'warn'],
      });
      try {
        await app.init();
        sdls.push({
          name: subgraph.name,
          url: subgraph.url,
          sdl: printSubgraphSchema(app.get(GraphQLSchemaHost).schema),
        });
      } finally {
        await app.close();
      }
    }
    return sdls;
  } finally {
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    await stopEmbeddedDatabase();
    await scratch.drop();
    await rm(checkpoints, { force: true });
    await rm(archive, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const pathArg = process.argv.indexOf('--supergraph');
  const path = pathArg > 0 ? process.argv[pathArg + 1] : DEFAULT_PATH;
  const composed = composeSupergraph(await subgraphSdls());
  if (!check) {
    await writeFile(path, composed);
    console.log(`Wrote ${path}`);
    return 0;
  }
  const committed = await readFile(path, 'utf8').catch(() => '');
  const diff = supergraphDiff(committed, composed);
  if (committed === composed) {
    console.log(`${path} is up to date.`);
    return 0;
  }
  console.error(
    `${path} is stale: a subgraph's schema changed without recomposing. Run \`npm run schema:compose\` and commit the result.`,
  );
  for (const line of diff.slice(0, 40)) console.error(`  ${line}`);
  if (diff.length > 40) console.error(`  … ${diff.length - 40} more lines`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
