// npm run migration:generate -- <app> <Name>   writes apps/<app>/src/migrations/<timestamp>-<name>.ts
// npm run migration:generate -- <app> --check  exits 1 when the entities need a migration
// npm run migration:generate -- --check        the same for every app that owns a schema (libs/config/src/app-registry.ts; CI)
//
// Applies the app's existing migrations to a scratch database (DATABASE_URL's server, or an
// embedded one), asks TypeORM what the entities still need, and writes that as a migration to
// review. Migrations are code: nothing ever synchronizes a schema at run time.
import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ScratchDatabase, dataSourceOptions, migrateSchema, pendingSchemaChanges } from '@hub/persistence';
import { LIBRARY_SCHEMAS } from './library-schemas.js';

async function main(): Promise<number> {
  const [app, name] = process.argv.slice(2);
  if (app === '--check' && name === undefined) {
    let worst = 0;
    for (const each of Object.keys(LIBRARY_SCHEMAS)) worst = Math.max(worst, await migrate(each, '--check'));
    return worst;
  }
  return migrate(app, name);
}

async function migrate(app: string | undefined, name: string | undefined): Promise<number> {
  const options = app ? LIBRARY_SCHEMAS[app] : undefined;
  if (!app || !options || !name) {
    console.error(
      `usage: npm run migration:generate -- <app> <MigrationName|--check>, or -- --check for every app\napps: ${Object.keys(LIBRARY_SCHEMAS).join(', ')}`,
    );
    return 2;
  }
  const check = name === '--check';
  if (!check && !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('The migration name must be PascalCase, e.g. AddLegalEntityPhone');
    return 2;
  }
  const scratch = await ScratchDatabase.create(process.env.DATABASE_URL, 'hub_migration');
  const dataSource = new DataSource(
    dataSourceOptions(options, { url: scratch.url, poolSize: 1, embedded: scratch.embedded }),
  );
  try {
    await dataSource.initialize();
    await migrateSchema(dataSource, options.schema);
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) {
      console.log(`${app}: entities and migrations agree; no migration needed.`);
      return 0;
    }
    if (check) {
      console.error(
        `${app}: the entities need a migration the code does not have:\n${up.map((q) => `  ${q}`).join('\n')}\nRun: npm run migration:generate -- ${app} <Name>`,
      );
      return 1;
    }
    const timestamp = Date.now();
    const fileBase = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
    const dir = join('apps', app, 'src', 'migrations');
    await writeFile(join(dir, `${fileBase}.ts`), migrationSource(`${name}${timestamp}`, up, [...down].reverse()));
    const indexPath = join(dir, 'index.ts');
    const index = await readFile(indexPath, 'utf8');
    await writeFile(
      indexPath,
      index
        .replace(/(\/\/ imports end)/, `import { ${name}${timestamp} } from './${fileBase}.js';\n$1`)
        .replace(/( *)(\/\/ list end)/, `$1${name}${timestamp},\n$1$2`),
    );
    console.log(`Wrote ${join(dir, fileBase)}.ts (${up.length} statements). Review it before committing.`);
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
  }
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
