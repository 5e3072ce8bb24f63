// npm run catalog:check   fails (exit 1) when the seed catalog does not govern the committed
//                          supergraph: a base-library field without exactly one published data
//                          item, or a catalog entry the gateway could not enforce (see
//                          checkGovernance in @hub/policy for every problem code).
//
// Options (for tests and for checking a proposal before it is committed):
//   --supergraph <file>   default schemas/graphql/supergraph.graphql
//   --catalog <dir>       default schemas/catalog (departments.json + resources/*.json)
import { readFile } from 'node:fs/promises';
import { installNationalDivisions } from '@hub/geo';
import { ResourceStatus, baseLibraryFields, checkGovernance, governedArguments } from '@hub/policy';
import { readSeedCatalog } from '../apps/catalog/src/seed/catalog-seed.js';

export { readSeedCatalog };

const DEFAULT_SUPERGRAPH = 'schemas/graphql/supergraph.graphql';
const DEFAULT_CATALOG = 'schemas/catalog';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index > 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

async function main(): Promise<number> {
  // A department's division is checked as the catalog app checks it: against the national table too.
  installNationalDivisions();
  const supergraphPath = option('--supergraph', DEFAULT_SUPERGRAPH);
  const catalogDir = option('--catalog', DEFAULT_CATALOG);
  const sdl = await readFile(supergraphPath, 'utf8');
  const catalog = await readSeedCatalog(catalogDir);
  const problems = checkGovernance(sdl, catalog);
  if (problems.length > 0) {
    for (const problem of problems) {
      const where = [
        problem.coordinate,
        problem.resource === undefined
          ? undefined
          : problem.item === undefined
            ? problem.resource
            : `${problem.resource}#${problem.item}`,
      ]
        .filter((part) => part !== undefined)
        .join(' ');
      console.error(`${problem.code}${where ? ` ${where}` : ''}: ${problem.message}`);
    }
    console.error(`${problems.length} catalog problem(s) in ${catalogDir} against ${supergraphPath}.`);
    return 1;
  }
  const published = catalog.resources.filter((resource) => resource.status === ResourceStatus.PUBLISHED);
  const items = published.reduce((sum, resource) => sum + resource.items.length, 0);
  console.log(
    `Catalog OK: ${baseLibraryFields(sdl).length} governed fields (base libraries, once-only) covered by ${items} items of ${published.length} published resources ` +
      `(${catalog.departments.length} departments); ${governedArguments(sdl).size} arguments (filters, matches, identifiers) governed.`,
  );
  return 0;
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
