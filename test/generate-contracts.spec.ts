import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import {
  OUTPUT_DIR,
  SCHEMAS_DIR,
  UnsupportedSchemaError,
  generateContracts,
  payloadTypeName,
  schemaToType,
  staleFiles,
  topicConstant,
  writeContracts,
} from '../scripts/generate-contracts.js';

describe('schema → TypeScript', () => {
  it.each([
    [{ type: 'string', pattern: '^\\d{6}$', maxLength: 6 }, 'string'],
    [{ type: 'integer', minimum: 1 }, 'number'],
    [{ type: 'number' }, 'number'],
    [{ type: 'boolean' }, 'boolean'],
    [{ type: ['string', 'null'], format: 'date' }, 'string | null'],
    [{ const: 1 }, '1'],
    [{ const: "it's" }, "'it\\'s'"],
    [{ enum: [null, 'FINE', 'OTHER'] }, "null | 'FINE' | 'OTHER'"],
    [{ anyOf: [{ type: 'string', pattern: 'x' }, { type: 'null' }] }, 'string | null'],
    [{ type: 'string', anyOf: [{ type: 'string' }, { const: 'catalog' }] }, "string & (string | 'catalog')"],
    [{ type: 'array', items: { enum: ['SYSTEM', 'ADMIN'] } }, "('SYSTEM' | 'ADMIN')[]"],
    [{ type: ['array', 'null'], items: { type: 'integer' } }, 'number[] | null'],
    [{}, 'unknown'],
    [true, 'unknown'],
    [{ type: ['object', 'null'] }, '{\n  [key: string]: unknown;\n} | null'],
  ])('%j → %s', (schema, type) => {
    expect(schemaToType(schema)).toBe(type);
  });

  it('an object: required and optional properties with their descriptions, closed by additionalProperties: false', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'weird-name'],
      properties: {
        id: { type: 'string', description: 'the id' },
        'weird-name': { type: 'integer' },
        note: { type: 'string' },
      },
    };
    expect(schemaToType(schema)).toBe(
      "{\n  /** the id */\n  id: string;\n  'weird-name': number;\n  note?: string;\n}",
    );
  });

  it('an open object keeps an index signature; a map of named keys is a mapped type of optional keys', () => {
    expect(schemaToType({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] })).toBe(
      '{\n  a: string;\n  [key: string]: unknown;\n}',
    );
    expect(
      schemaToType({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: 'number' } }),
    ).toBe('{\n  [key: string]: number;\n}');
    expect(
      schemaToType({
        type: 'object',
        minProperties: 1,
        propertyNames: { enum: ['name', 'phone'] },
        additionalProperties: {
          type: 'object',
          required: ['from', 'to'],
          additionalProperties: false,
          properties: { from: {}, to: {} },
        },
      }),
    ).toBe("{\n  [K in 'name' | 'phone']?: {\n    from: unknown;\n    to: unknown;\n  };\n}");
  });

  it('conditional refinements leave the base type (a sound superset the schema test narrows)', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['change'],
      properties: { change: { enum: ['granted', 'revoked'] }, reason: { type: ['string', 'null'] } },
      allOf: [
        { if: { properties: { change: { const: 'granted' } } }, then: { properties: { reason: { type: 'null' } } } },
      ],
    };
    expect(schemaToType(schema)).toBe("{\n  change: 'granted' | 'revoked';\n  reason?: string | null;\n}");
  });

  it.each([
    [{ $ref: '#/$defs/x' }, 'keyword "$ref"'],
    [{ oneOf: [{ type: 'string' }] }, 'keyword "oneOf"'],
    [{ type: 'object', patternProperties: { '^x': {} } }, 'keyword "patternProperties"'],
    [{ type: 'array', items: [{ type: 'string' }] }, 'tuple items'],
    [{ type: 'object', required: ['a'], additionalProperties: false }, '"a" is required but no property allows it'],
  ])('refuses what it cannot type exactly: %j', (schema, reason) => {
    expect(() => schemaToType(schema)).toThrow(UnsupportedSchemaError);
    expect(() => schemaToType(schema)).toThrow(reason);
  });

  it('names topics, payloads and constants from the event names', () => {
    expect(topicConstant('hub.catalog.policy.v1')).toBe('CATALOG_POLICY_TOPIC');
    expect(topicConstant('hub.legal-entity.legal-entity.v1')).toBe('LEGAL_ENTITY_TOPIC');
    expect(topicConstant('hub.once-only.review-result.v2')).toBe('ONCE_ONLY_REVIEW_RESULT_V2_TOPIC');
    expect(payloadTypeName('hub.population.status-changed.v1')).toBe('PopulationStatusChanged');
    expect(payloadTypeName('hub.legal-entity.registered.v2')).toBe('LegalEntityRegisteredV2');
  });
});

describe('generated contracts', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'hub-contracts-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** A copy of schemas/events to change. */
  const copyOfSchemas = (name: string): string => {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(SCHEMAS_DIR)) writeFileSync(join(dir, f), readFileSync(join(SCHEMAS_DIR, f)));
    return dir;
  };

  it('the committed files are what the schemas give (npm run contracts:check)', () => {
    expect(staleFiles(generateContracts())).toEqual([]);
  });

  it('--check finds a schema change not generated, a hand edit and a stray file', () => {
    const out = join(scratch, 'out');
    writeContracts(generateContracts(), out);
    expect(staleFiles(generateContracts(), out)).toEqual([]);

    const schemas = copyOfSchemas('changed');
    const file = join(schemas, 'hub.population.status-changed.v1.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, unknown> };
    schema.properties.effectiveOn = { type: 'string', format: 'date' };
    writeFileSync(file, JSON.stringify(schema));
    expect(staleFiles(generateContracts(schemas), out)).toEqual(['population.ts']);
    expect(generateContracts(schemas).get('population.ts')).toContain('  effectiveOn: string;\n');

    writeFileSync(join(out, 'credit.ts'), `${readFileSync(join(out, 'credit.ts'), 'utf8')}// edited\n`);
    writeFileSync(join(out, 'stray.ts'), '');
    expect(staleFiles(generateContracts(), out)).toEqual(['credit.ts', 'stray.ts']);
  });

  it('every file says it is generated and how to regenerate it', () => {
    for (const [name, content] of generateContracts()) {
      expect(content.startsWith('// Generated from schemas/events'), name).toBe(true);
      expect(content).toContain('npm run contracts:generate');
    }
    expect(OUTPUT_DIR).toBe('libs/contracts/src/generated');
  });

  it('refuses a schema on no topic, a topic naming a type without a schema, and a description naming another topic', () => {
    const orphan = copyOfSchemas('orphan');
    writeFileSync(
      join(orphan, 'hub.credit.noted.v1.schema.json'),
      JSON.stringify({ title: 'hub.credit.noted.v1', type: 'object' }),
    );
    expect(() => generateContracts(orphan)).toThrow(
      'hub.credit.noted.v1.schema.json: the event is on no topic of topics.json',
    );

    const missing = copyOfSchemas('missing');
    rmSync(join(missing, 'hub.credit.changed.v1.schema.json'));
    expect(() => generateContracts(missing)).toThrow(
      'hub.credit.record.v1 carries hub.credit.changed.v1, which has no hub.credit.changed.v1.schema.json',
    );

    const moved = copyOfSchemas('moved');
    const file = join(moved, 'hub.population.registered.v1.schema.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Topic hub.population.person.v1', 'Topic hub.population.people.v1'),
    );
    expect(() => generateContracts(moved)).toThrow(
      'its description names topic hub.population.people.v1, topics.json puts it on hub.population.person.v1',
    );
  });
});

describe('a payload change in a schema breaks its readers at compile time', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'hub-contracts-tsc-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Type errors of a reader of hub.population.status-changed.v1, compiled against contracts generated from `schemas`. */
  const readerErrors = (schemas: string, name: string): string[] => {
    const dir = join(scratch, name);
    writeContracts(generateContracts(schemas), join(dir, 'generated'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    const reader = join(dir, 'reader.ts');
    writeFileSync(
      reader,
      "import type { EventPayloads } from './generated/index.js';\nexport const died = (data: EventPayloads['hub.population.status-changed.v1']): string | null => (data.to === 'DECEASED' ? data.effectiveOn : null);\n",
    );
    const program = ts.createProgram([reader], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };

  it('the reader compiles against the committed schemas, and not once the schema renames what it reads', () => {
    expect(readerErrors(SCHEMAS_DIR, 'as-is')).toEqual([]);
    const dir = join(scratch, 'renamed-schemas');
    mkdirSync(dir);
    for (const f of readdirSync(SCHEMAS_DIR)) writeFileSync(join(dir, f), readFileSync(join(SCHEMAS_DIR, f)));
    const file = join(dir, 'hub.population.status-changed.v1.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as {
      required: string[];
      properties: Record<string, unknown>;
    };
    schema.properties.effectiveFrom = schema.properties.effectiveOn;
    delete schema.properties.effectiveOn;
    schema.required = schema.required.map((r) => (r === 'effectiveOn' ? 'effectiveFrom' : r));
    writeFileSync(file, JSON.stringify(schema));
    expect(readerErrors(dir, 'renamed')).toEqual([expect.stringContaining("Property 'effectiveOn' does not exist")]);
  });
});

describe('the README', () => {
  it('lists every topic of schemas/events/topics.json in its events table, each with its types', () => {
    const { topics } = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'topics.json'), 'utf8')) as {
      topics: Array<{ name: string; events: string[] }>;
    };
    const rows = new Map(
      readFileSync('README.md', 'utf8')
        .split('\n')
        .filter((l) => /^\| `hub\.[a-z.-]+\.v\d+` \|/.test(l))
        .map((l) => [/`(hub\.[a-z.-]+\.v\d+)`/.exec(l)![1], l] as const),
    );
    expect([...rows.keys()].sort()).toEqual(topics.map((t) => t.name).sort());
    for (const topic of topics) {
      // The table shortens every type after the first to what follows the library: `changed.v1`.
      for (const type of topic.events)
        expect(rows.get(topic.name), type).toContain(`${type.split('.').slice(2).join('.')}\``);
    }
  });
});
