import { readFileSync } from 'node:fs';

export interface SupergraphFile {
  sdl: string;
  /** The subgraphs named in the supergraph's `join__Graph` enum, with the URLs composed into it. */
  subgraphs: Array<{ name: string; url: string }>;
}

const JOIN_GRAPH = /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]+)"\)/g;

/** Reads the static supergraph the gateway serves; no runtime introspection of subgraphs is needed. */
export function readSupergraph(path: string): SupergraphFile {
  let sdl: string;
  try {
    sdl = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the supergraph at ${path} (run \`npm run schema:compose\`): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const subgraphs = [...sdl.matchAll(JOIN_GRAPH)].map((m) => ({ name: m[1], url: m[2] }));
  if (subgraphs.length === 0) throw new Error(`${path} is not a supergraph: it names no subgraph (join__graph)`);
  return { sdl, subgraphs };
}
