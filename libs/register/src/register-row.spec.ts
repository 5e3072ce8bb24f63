import { POPULATION_EVENT, POPULATION_PERSON_TOPIC } from '@hub/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { RegisterRow, RegisterRowKeepingOriginals, defineRegister, registerColumns } from './register-row.js';
import { allColumns } from './register-spec.js';

@Entity({ name: 'parcel' })
class ParcelRow extends RegisterRowKeepingOriginals {
  @PrimaryColumn({ name: 'parcel_id', type: 'varchar', length: 32 })
  parcelId: string;

  @Column({ name: 'area_sqm', type: 'numeric', precision: 12, scale: 2 })
  areaSqm: string;

  @Column({ name: 'surveyed_on', type: 'date', nullable: true })
  surveyedOn: string | null;

  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4490 })
  point: object;
}

@Entity({ name: 'odd' })
class OddRow extends RegisterRow {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  id: string;

  @Column({ type: 'bytea' })
  blob: Buffer;
}

const declaration = {
  schema: 'land',
  historyTable: 'parcel_change',
  entity: 'parcel',
  notFoundCode: 'NOT_FOUND' as const,
  key: 'parcelId',
  // Any topic of the contracts: the spec only checks the columns.
  events: {
    topic: POPULATION_PERSON_TOPIC,
    source: '/s',
    registered: POPULATION_EVENT.registered,
    changed: POPULATION_EVENT.changed,
  } as const,
};

describe('a register declared by its entity', () => {
  it('takes the table, its own columns with their SQL types, key first, and the provenance from RegisterRow', () => {
    const spec = defineRegister({ ...declaration, row: ParcelRow, asText: ['areaSqm'], derived: ['point'] });
    expect(spec.table).toBe('parcel');
    expect(spec.columns).toEqual([
      { property: 'parcelId', column: 'parcel_id', type: 'varchar(32)' },
      { property: 'areaSqm', column: 'area_sqm', type: 'numeric(12,2)', asText: true },
      { property: 'surveyedOn', column: 'surveyed_on', type: 'date' },
      { property: 'point', column: 'point', type: 'geometry(Point,4490)' },
    ]);
    expect(spec.businessFields).toEqual(['areaSqm', 'surveyedOn']);
    expect(spec.keepsOriginals).toBe(true);
    expect(allColumns(spec).map((c) => c.column)).toEqual([
      'parcel_id',
      'area_sqm',
      'surveyed_on',
      'point',
      'source_department',
      'source_system',
      'source_record_id',
      'version',
      'content_hash',
      'originals',
    ]);
  });

  it('refuses a column type the writer does not know, and a key that is not a column', () => {
    expect(() => registerColumns(OddRow)).toThrow(/OddRow\.blob: .*got bytea/);
    expect(() => defineRegister({ ...declaration, row: ParcelRow, key: 'nope' })).toThrow(
      /the key nope is not one of its columns/,
    );
  });
});
