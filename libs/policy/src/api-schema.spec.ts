import { readFileSync } from 'node:fs';
import { isObjectType, parse, printSchema, validate } from 'graphql';
import { apiSchemaOf } from './api-schema.js';

const supergraphSdl = readFileSync('schemas/graphql/supergraph.graphql', 'utf8');

describe('apiSchemaOf', () => {
  const schema = apiSchemaOf(supergraphSdl);

  it('drops the federation machinery', () => {
    const names = Object.keys(schema.getTypeMap());
    expect(names.filter((name) => name.startsWith('join__') || name.startsWith('link__'))).toEqual([]);
    expect(schema.getDirectives().map((d) => d.name)).not.toContain('join__field');
    expect(schema.getDirectives().map((d) => d.name)).not.toContain('link');
    expect(printSchema(schema)).not.toMatch(/@join__|@link/);
  });

  it('keeps the fields clients query, across subgraphs', () => {
    const person = schema.getType('Person');
    const legalEntity = schema.getType('LegalEntity');
    if (!isObjectType(person) || !isObjectType(legalEntity))
      throw new Error('Person and LegalEntity must be object types');
    expect(Object.keys(person.getFields())).toEqual(
      expect.arrayContaining(['idNumber', 'name', 'phone', 'credit', 'location']),
    );
    expect(legalEntity.getFields().legalRepresentative.type.toString()).toBe('Person');
    expect(schema.getMutationType()?.getFields().registerPerson).toBeDefined();
    expect(schema.getSubscriptionType()).toBeUndefined();
  });

  it('validates an operation that crosses subgraphs', () => {
    const document = parse(
      '{ legalEntity(uscc: "x") { name legalRepresentative { phone credit { assessment { level } } } } }',
    );
    expect(validate(schema, document)).toEqual([]);
  });
});
