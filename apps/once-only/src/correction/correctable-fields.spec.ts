import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORRECTABLE_FIELDS, changeKeysOf, correctedValueOf } from './correctable-fields.js';

const changeKeys = (type: string): string[] =>
  (
    JSON.parse(readFileSync(`schemas/events/${type}.schema.json`, 'utf8')) as {
      properties: { changes: { propertyNames: { enum: string[] } } };
    }
  ).properties.changes.propertyNames.enum;

describe('correctable fields', () => {
  it.each([
    ['PERSON', 'hub.population.changed.v1', 'Person.'],
    ['LEGAL_ENTITY', 'hub.legal-entity.changed.v1', 'LegalEntity.'],
  ] as const)(
    "%s: every key is one the library's changed event carries, every field a coordinate of the type",
    (kind, type, prefix) => {
      const carried = new Set(changeKeys(type));
      const fields = Object.entries(CORRECTABLE_FIELDS[kind]);
      expect(fields.length).toBeGreaterThan(0);
      for (const [field, keys] of fields) {
        expect(field.startsWith(prefix), field).toBe(true);
        expect(keys.length, field).toBeGreaterThan(0);
        for (const key of keys) expect(carried.has(key), `${field} → ${key}`).toBe(true);
      }
      // Every carried key belongs to exactly one field: a change always finds its reports.
      const mapped = fields.flatMap(([, keys]) => keys);
      expect(new Set(mapped).size).toBe(mapped.length);
      expect([...carried].filter((k) => !mapped.includes(k))).toEqual([]);
    },
  );

  it('refuses fields of the other kind of subject and unknown ones, even inherited names', () => {
    expect(changeKeysOf('PERSON', 'Person.name')).toEqual(['name']);
    expect(changeKeysOf('PERSON', 'LegalEntity.name')).toBeUndefined();
    expect(changeKeysOf('LEGAL_ENTITY', 'LegalEntity.registeredAddress')).toEqual([
      'registeredAddress',
      'registeredAddressDivisionCode',
    ]);
    expect(changeKeysOf('PERSON', 'Person.status')).toBeUndefined();
    expect(changeKeysOf('PERSON', 'toString')).toBeUndefined();
  });
});

describe('correctedValueOf', () => {
  it('gives the new value of a one-key field as text', () => {
    expect(correctedValueOf(['name'], { name: { from: '甲', to: '乙' }, phone: { from: '1', to: '2' } })).toEqual({
      value: '乙',
    });
    expect(correctedValueOf(['registeredCapitalAmount'], { registeredCapitalAmount: { from: '1', to: 2 } })).toEqual({
      value: '2',
    });
    expect(correctedValueOf(['x'], { x: { from: null, to: { a: 1 } } })).toEqual({ value: '{"a":1}' });
    expect(correctedValueOf(['phone'], { phone: { from: '1', to: null } })).toEqual({ value: null });
  });

  it('gives the changed keys of a field of several as a JSON object', () => {
    const keys = ['registeredAddress', 'registeredAddressDivisionCode'];
    expect(correctedValueOf(keys, { registeredAddress: { from: 'a', to: 'b' } })).toEqual({
      value: '{"registeredAddress":"b"}',
    });
    expect(
      correctedValueOf(keys, {
        registeredAddressDivisionCode: { from: '440604', to: '440605' },
        registeredAddress: { from: 'a', to: 'b' },
      }),
    ).toEqual({
      value: '{"registeredAddress":"b","registeredAddressDivisionCode":"440605"}',
    });
  });

  it('is null when the event does not touch the field', () => {
    expect(correctedValueOf(['name'], { phone: { from: '1', to: '2' } })).toBeNull();
  });

  it('cuts a long value at 500 characters', () => {
    const value = correctedValueOf(['businessScope'], { businessScope: { from: '', to: '经'.repeat(4000) } })!.value!;
    expect([...value]).toHaveLength(500);
    expect(value.endsWith('…')).toBe(true);
  });
});
