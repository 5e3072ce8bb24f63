import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogResourceSpec, DepartmentSpec, GovernanceCatalog } from '@hub/policy';

/** Where the shipped catalog is: departments.json and resources/*.json. */
export const DEFAULT_CATALOG_DIR = 'schemas/catalog';

/**
 * Reads the shipped catalog: `<dir>/departments.json` and every `<dir>/resources/*.json`, in
 * file-name order so that problems come out in the same order on every machine.
 */
export async function readSeedCatalog(
  dir: string = process.env.CATALOG_SEED_DIR ?? DEFAULT_CATALOG_DIR,
): Promise<GovernanceCatalog> {
  const departments = await readJsonArray<DepartmentSpec>(join(dir, 'departments.json'));
  const files = (await readdir(join(dir, 'resources'))).filter((name) => name.endsWith('.json')).sort();
  const resources: CatalogResourceSpec[] = [];
  for (const file of files) resources.push(...(await readJsonArray<CatalogResourceSpec>(join(dir, 'resources', file))));
  return { departments, resources };
}

async function readJsonArray<T>(path: string): Promise<T[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array`);
  return parsed as T[];
}
