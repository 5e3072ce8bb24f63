// npm run datagen -- [--persons N] [--legal-entities N] [--addresses N] [--credit-records N]
//                    [--seed N] [--format ndjson|csv] [--out DIR]
//
// Writes a synthetic, internally consistent city (Foshan, Hangzhou, Quzhou) as department extracts:
// addresses, persons, legal-entities and credit-records, one file each, in the order to load them
// (npm run ingest -- <register> <file>). Streamed: the sizes can be millions. The extracts carry
// no source department or system: a department sends its own records, and the hub attributes
// each row to the system whose key sent it.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SyntheticCity, syntheticCity } from '@hub/synthetic-data';
import { DEMO_SIZES } from '../apps/hub/src/demo-data.js';
import { demoKey } from '../apps/hub/src/demo-keys.js';

/**
 * The demo key of the system that may send each register (its provider department's): what the
 * printed commands use on the demo hub. A real hub's department sends with its own system's key.
 */
const DEMO_SENDERS = {
  addresses: 'address',
  persons: 'hukou',
  'legal-entities': 'registration',
  'credit-records': 'credit',
} as const;

/** Not the demo's seed (2017): the default extracts load into the demo hub beside its city instead of colliding with it. */
const DEFAULT_SEED = '2026';
const DEMO_SEED = 2017;

const COLUMNS: Record<string, string[]> = {
  addresses: [
    'addressId',
    'fullText',
    'divisionCode',
    'road',
    'houseNumber',
    'longitude',
    'latitude',
    'sourceRecordId',
    'version',
  ],
  persons: [
    'idNumber',
    'name',
    'gender',
    'birthDate',
    'ethnicityCode',
    'householdAddress',
    'householdDivisionCode',
    'phone',
    'maritalStatusCode',
    'householdNumber',
    'relationToHeadCode',
    'sourceRecordId',
    'version',
  ],
  'legal-entities': [
    'uscc',
    'name',
    'status',
    'statusEffectiveOn',
    'statusReason',
    'establishedOn',
    'registeredCapitalAmount',
    'registrationAuthorityName',
    'registrationAuthorityUscc',
    'registeredAddress',
    'registeredAddressDivisionCode',
    'businessScope',
    'legalRepresentativeIdNumber',
    'sourceRecordId',
    'version',
  ],
  'credit-records': [
    'kind',
    'subjectType',
    'subjectId',
    'decisionNumber',
    'title',
    'authorityName',
    'authorityUscc',
    'decidedOn',
    'content',
    'legalBasis',
    'penaltyType',
    'fineAmount',
    'sourceRecordId',
    'version',
  ],
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '10000' },
      'legal-entities': { type: 'string', default: '3000' },
      addresses: { type: 'string', default: '5000' },
      'credit-records': { type: 'string', default: '2000' },
      seed: { type: 'string', default: DEFAULT_SEED },
      format: { type: 'string', default: 'ndjson' },
      out: { type: 'string', default: '.data/extracts' },
    },
  });
  const format = values.format === 'csv' ? 'csv' : 'ndjson';
  const number = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${v}`);
    return n;
  };
  const sizes = {
    persons: number('persons', values.persons),
    legalEntities: number('legal-entities', values['legal-entities']),
    addresses: number('addresses', values.addresses),
    creditRecords: number('credit-records', values['credit-records']),
  };
  mkdirSync(values.out, { recursive: true });
  const files: Record<string, WriteStream> = {};
  const open = (name: string) => {
    const stream = createWriteStream(join(values.out, `${name}.${format}`));
    if (format === 'csv') stream.write(`${COLUMNS[name].join(',')}\n`);
    files[name] = stream;
    return stream;
  };
  const writer = (name: string) => {
    const stream = open(name);
    return async (generated: Record<string, unknown>) => {
      const { sourceDepartment: _department, sourceSystem: _system, ...record } = generated;
      const line =
        format === 'csv'
          ? `${COLUMNS[name].map((c) => csvField(record[c])).join(',')}\n`
          : `${JSON.stringify(record)}\n`;
      if (!stream.write(line)) await once(stream, 'drain');
    };
  };
  const started = performance.now();
  const seed = number('seed', values.seed);
  // Beside the demo (another seed), none of the demo's citizen IDs again: the README's walkthrough
  // loads this city into the demo hub, and a drawn ID that is the demo's would be rejected.
  const reservedIdNumbers =
    seed === DEMO_SEED ? [] : (await syntheticCity(DEMO_SIZES, DEMO_SEED)).persons.map((p) => p.idNumber as string);
  await new SyntheticCity(seed, { reservedIdNumbers }).generate(sizes, {
    address: writer('addresses'),
    person: writer('persons'),
    legalEntity: writer('legal-entities'),
    creditRecord: writer('credit-records'),
    progress: (kind, done, total) => process.stderr.write(`${kind}: ${done} of ${total}\n`),
  });
  await Promise.all(Object.values(files).map((f) => new Promise((r) => f.end(r))));
  console.log(
    `Wrote ${Object.keys(files)
      .map((n) => join(values.out, `${n}.${format}`))
      .join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  // One line per register, to paste as it is: on the demo hub each with the demo key of the system
  // that may send it (a system of the register's provider department).
  console.log("Load them in this order (the demo keys; on a real hub, each department its own system's key):");
  for (const name of Object.keys(files) as Array<keyof typeof DEMO_SENDERS>) {
    console.log(
      `HUB_API_KEY=${demoKey(DEMO_SENDERS[name])} npm run ingest -- ${name} ${join(values.out, `${name}.${format}`)}`,
    );
  }
}

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  return `"${String(value).replace(/"/g, '""')}"`;
}

main().catch((error: unknown) => {
  console.error(`datagen: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
