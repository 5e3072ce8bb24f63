import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { RegisterRowKeepingOriginals, historyEntity } from '@hub/register';

/**
 * One person as the population library (人口库) holds it, keyed by citizen ID, from its single
 * source record (一数一源), versioned by its source.
 */
@Entity({ name: 'person' })
@Unique('person_source_record_uq', ['sourceSystem', 'sourceRecordId'])
@Index('person_name_trgm_idx', { synchronize: false })
export class PersonRow extends RegisterRowKeepingOriginals {
  @PrimaryColumn({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber: string;

  @Index('person_name_idx')
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 6 })
  gender: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'ethnicity_code', type: 'varchar', length: 2 })
  ethnicityCode: string;

  @Column({ name: 'household_address', type: 'varchar', length: 500 })
  householdAddress: string;

  @Index('person_household_division_idx')
  @Column({ name: 'household_division_code', type: 'varchar', length: 6 })
  householdDivisionCode: string;

  @Column({ name: 'residence_address', type: 'varchar', length: 500, nullable: true })
  residenceAddress: string | null;

  @Column({ name: 'residence_division_code', type: 'varchar', length: 6, nullable: true })
  residenceDivisionCode: string | null;

  /** Sensitive personal information: the catalog's policy decides who sees it. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'marital_status_code', type: 'varchar', length: 2, nullable: true })
  maritalStatusCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'status_effective_on', type: 'date', nullable: true })
  statusEffectiveOn: string | null;

  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Index('person_household_idx')
  @Column({ name: 'household_number', type: 'varchar', length: 20, nullable: true })
  householdNumber: string | null;

  @Column({ name: 'relation_to_head_code', type: 'varchar', length: 2, nullable: true })
  relationToHeadCode: string | null;
}

/** The change history of persons (see historyEntity). */
export const PersonChangeRow = historyEntity('person_change', {
  property: 'idNumber',
  column: 'id_number',
  length: 18,
});
