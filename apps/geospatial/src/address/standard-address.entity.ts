import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { RegisterRowKeepingOriginals, historyEntity } from '@hub/register';

/**
 * A standard address (标准地址) of the address register: its text, structured parts, division and
 * point (CGCS2000), from its single source record, versioned by its source.
 */
@Entity({ name: 'standard_address' })
@Unique('standard_address_source_record_uq', ['sourceSystem', 'sourceRecordId'])
export class StandardAddressRow extends RegisterRowKeepingOriginals {
  @PrimaryColumn({ name: 'address_id', type: 'varchar', length: 64 })
  addressId: string;

  @Index('standard_address_full_text_idx')
  @Column({ name: 'full_text', type: 'varchar', length: 500 })
  fullText: string;

  /** The normal form geocoding matches on (see address-key.ts). */
  @Index('standard_address_key_idx')
  @Column({ name: 'address_key', type: 'varchar', length: 500 })
  addressKey: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  township: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  road: string | null;

  @Column({ name: 'house_number', type: 'varchar', length: 50, nullable: true })
  houseNumber: string | null;

  @Index('standard_address_division_idx')
  @Column({ name: 'division_code', type: 'varchar', length: 6 })
  divisionCode: string;

  @Column({ type: 'numeric', precision: 10, scale: 6 })
  longitude: string;

  @Column({ type: 'numeric', precision: 9, scale: 6 })
  latitude: string;

  @Index('standard_address_point_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4490 })
  point: object;
}

export const StandardAddressChangeRow = historyEntity('standard_address_change', {
  property: 'addressId',
  column: 'address_id',
  length: 64,
});
