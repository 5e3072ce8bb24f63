import { readFileSync, readdirSync } from 'node:fs';
import { extractFieldsOf, type RegisterSpec } from '@hub/register';
import { describe, expect, it } from 'vitest';
import { CreditRecordInput } from '../apps/credit/src/credit-record/dto/credit-record.input.js';
import { toCreditRecord } from '../apps/credit/src/credit-record/credit-record.reader.js';
import { CREDIT_RECORD_REGISTER } from '../apps/credit/src/credit-record/credit-record.register.js';
import { StandardAddressInput } from '../apps/geospatial/src/address/dto/standard-address.input.js';
import { toStandardAddress } from '../apps/geospatial/src/address/address.reader.js';
import { STANDARD_ADDRESS_REGISTER } from '../apps/geospatial/src/address/standard-address.register.js';
import { LegalEntityRecordInput } from '../apps/legal-entity/src/legal-entity/dto/legal-entity-record.input.js';
import type { LegalEntityRow } from '../apps/legal-entity/src/legal-entity/legal-entity.entity.js';
import { toLegalEntity } from '../apps/legal-entity/src/legal-entity/legal-entity.model.js';
import { LEGAL_ENTITY_REGISTER } from '../apps/legal-entity/src/legal-entity/legal-entity.register.js';
import { PersonRecordInput } from '../apps/population/src/person/dto/person-record.input.js';
import { toPerson } from '../apps/population/src/person/person.reader.js';
import { PERSON_REGISTER } from '../apps/population/src/person/person.register.js';

/**
 * docs/recipes.md, "Add a field to a library": a register column is declared once, in the
 * entity; what the hub cannot derive from it is checked here, column by column, so a step the
 * recipe names cannot be missed: the input carries it (GraphQL mutations and extract rows), the
 * GraphQL type shows it, the catalog governs that GraphQL field, and the events' schemas carry it.
 */
interface Register {
  spec: RegisterSpec;
  input: new () => object;
  /** How a stored row shows in the graph. */
  toModel: (row: Record<string, unknown>) => object;
  graphType: string;
  events: { registered: string; changed: string };
  /** Columns the hub computes from others: stored, not sent by the source, not shown as such. */
  derived?: string[];
}

const REGISTERS: Register[] = [
  {
    spec: PERSON_REGISTER,
    input: PersonRecordInput,
    toModel: toPerson,
    graphType: 'Person',
    events: { registered: 'hub.population.registered.v1', changed: 'hub.population.changed.v1' },
  },
  {
    spec: LEGAL_ENTITY_REGISTER,
    input: LegalEntityRecordInput,
    toModel: (row) => toLegalEntity(row as unknown as LegalEntityRow),
    graphType: 'LegalEntity',
    events: { registered: 'hub.legal-entity.registered.v1', changed: 'hub.legal-entity.changed.v1' },
  },
  {
    spec: CREDIT_RECORD_REGISTER,
    input: CreditRecordInput,
    toModel: toCreditRecord,
    graphType: 'CreditRecord',
    events: { registered: 'hub.credit.registered.v1', changed: 'hub.credit.changed.v1' },
  },
  {
    spec: STANDARD_ADDRESS_REGISTER,
    input: StandardAddressInput,
    toModel: toStandardAddress,
    graphType: 'StandardAddress',
    events: { registered: 'hub.geospatial.address-registered.v1', changed: 'hub.geospatial.address-changed.v1' },
    derived: ['addressKey', 'point'],
  },
];

/** Every GraphQL field some catalog item governs (schemas/catalog/resources). */
const CATALOG_FIELDS = new Set(
  readdirSync('schemas/catalog/resources').flatMap((file) =>
    (
      JSON.parse(readFileSync(`schemas/catalog/resources/${file}`, 'utf8')) as Array<{
        items: Array<{ fields?: string[] }>;
      }>
    ).flatMap((r) => r.items.flatMap((i) => i.fields ?? [])),
  ),
);

interface EventSchema {
  properties: { record?: { properties: Record<string, unknown> }; changes?: { propertyNames: { enum: string[] } } };
}
const eventSchema = (type: string) =>
  JSON.parse(readFileSync(`schemas/events/${type}.schema.json`, 'utf8')) as EventSchema;

/** A value for each column that can be told apart wherever it ends up (numbers for numeric columns). */
function sentinelRow(spec: RegisterSpec): { row: Record<string, unknown>; sentinels: Map<string, string> } {
  const row: Record<string, unknown> = {};
  const sentinels = new Map<string, string>();
  spec.columns.forEach((c, i) => {
    const value = c.type.startsWith('numeric') ? `${(i + 1) * 1000}.25` : `«${c.property}»`;
    sentinels.set(c.property, value);
    // Readers take either the entity (property names) or the raw row (column names).
    row[c.property] = value;
    row[c.column] = value;
  });
  return { row, sentinels };
}

/** The path of the first place `value` shows in `model` (a number shows as its text), or undefined. */
function pathOf(model: unknown, value: string, path: string[] = []): string[] | undefined {
  if (model === null || model === undefined) return undefined;
  if (typeof model === 'object') {
    for (const [k, v] of Object.entries(model)) {
      const found = pathOf(v, value, [...path, k]);
      if (found) return found;
    }
    return undefined;
  }
  return String(model) === value || (typeof model === 'number' && model === Number(value)) ? path : undefined;
}

describe.each(REGISTERS)('every column of the $spec.table register is wired through (docs/recipes.md)', (register) => {
  const { spec } = register;
  const sent = spec.columns.map((c) => c.property).filter((p) => !register.derived?.includes(p));

  it('has a validated field of the same name in the record input (mutations and extract rows)', () => {
    const fields = extractFieldsOf(register.input);
    // The credit record's key is made from kind, authority and decision number: the source never sends it.
    const missing = sent.filter((p) => !fields.has(p) && !(spec === CREDIT_RECORD_REGISTER && p === spec.key));
    expect(missing, `add these to ${register.input.name}`).toEqual([]);
  });

  it(`shows in the GraphQL type ${register.graphType}, through a field the catalog governs`, () => {
    const { row, sentinels } = sentinelRow(spec);
    const model = register.toModel(row);
    const notShown: string[] = [];
    const ungoverned: string[] = [];
    for (const property of sent) {
      const path = pathOf(model, sentinels.get(property)!);
      if (!path) notShown.push(property);
      else if (!CATALOG_FIELDS.has(`${register.graphType}.${path[0]}`))
        ungoverned.push(`${property} → ${register.graphType}.${path[0]}`);
    }
    expect(notShown, `map these in the ${register.graphType} model`).toEqual([]);
    expect(ungoverned, 'add a catalog item (schemas/catalog/resources) for these').toEqual([]);
  });

  it('is carried by its events: the registered record and the changed fields (schemas/events)', () => {
    const record = Object.keys(eventSchema(register.events.registered).properties.record?.properties ?? {});
    const changes = eventSchema(register.events.changed).properties.changes?.propertyNames.enum ?? [];
    expect(
      spec.businessFields.filter((f) => !record.includes(f)),
      `${register.events.registered}: record`,
    ).toEqual([]);
    expect(
      spec.businessFields.filter((f) => f !== spec.status?.property && !changes.includes(f)),
      `${register.events.changed}: changes`,
    ).toEqual([]);
  });
});

/** The source files docs/recipes.md names for a new legal-entity field: the entity, the input, the record mapper, the GraphQL type. */
const LEGAL_ENTITY_FIELD_FILES = [
  'apps/legal-entity/src/legal-entity/dto/legal-entity-record.input.ts',
  'apps/legal-entity/src/legal-entity/legal-entity.entity.ts',
  'apps/legal-entity/src/legal-entity/legal-entity.model.ts',
  'apps/legal-entity/src/legal-entity/legal-entity.record.ts',
];

describe('a legal-entity field is written in 4 source files (docs/recipes.md)', () => {
  /** Source files of the library and of the register library (migrations and specs aside) that name `field`. */
  const filesNaming = (field: string) =>
    ['apps/legal-entity/src', 'libs/register/src']
      .flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).map((f) => `${dir}/${f}`))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('/migrations/'))
      .filter((f) => new RegExp(`\\b${field}\\b`).test(readFileSync(f, 'utf8')))
      .sort();

  // Fields with no role beyond being a field (not the key, the status, a division code, a required or money field).
  it.each(['businessScope', 'establishedOn', 'registrationAuthorityName'])(
    '%s is in the entity, the input, the record mapper and the GraphQL type, nowhere else',
    (field) => {
      expect(LEGAL_ENTITY_REGISTER.businessFields).toContain(field);
      expect(filesNaming(field)).toEqual(LEGAL_ENTITY_FIELD_FILES);
    },
  );

  it('is what the recipe says, file by file', () => {
    const recipe = readFileSync('docs/recipes.md', 'utf8');
    expect(recipe).toContain(`**${LEGAL_ENTITY_FIELD_FILES.length} source files**`);
    for (const file of LEGAL_ENTITY_FIELD_FILES) expect(recipe).toContain(file);
  });
});
