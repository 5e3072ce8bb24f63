import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { RegisterRowKeepingOriginals } from '@hub/register';

/**
 * One legal entity as the legal-entity library (法人库) holds it: the authoritative record from its
 * single source department (一数一源), keyed by its USCC. `version` is the source record's version:
 * writes with an older one are refused, a replay of the same one changes nothing. Its columns are
 * the register's (see LEGAL_ENTITY_REGISTER); the provenance columns come from RegisterRow.
 */
@Entity({ name: 'legal_entity' })
@Unique('legal_entity_source_record_uq', ['sourceSystem', 'sourceRecordId'])
@Index('legal_entity_name_trgm_idx', { synchronize: false })
export class LegalEntityRow extends RegisterRowKeepingOriginals {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Index('legal_entity_status_idx')
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'status_effective_on', type: 'date', nullable: true })
  statusEffectiveOn: string | null;

  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;

  @Column({ name: 'capital_amount', type: 'numeric', precision: 20, scale: 2, nullable: true })
  registeredCapitalAmount: string | null;

  @Column({ name: 'capital_currency', type: 'varchar', length: 3, nullable: true })
  registeredCapitalCurrency: string | null;

  @Column({ name: 'authority_name', type: 'varchar', length: 200, nullable: true })
  registrationAuthorityName: string | null;

  @Column({ name: 'authority_uscc', type: 'varchar', length: 18, nullable: true })
  registrationAuthorityUscc: string | null;

  @Column({ name: 'address_text', type: 'varchar', length: 500 })
  registeredAddress: string;

  @Index('legal_entity_division_idx')
  @Column({ name: 'address_division_code', type: 'varchar', length: 6 })
  registeredAddressDivisionCode: string;

  @Column({ name: 'business_scope', type: 'varchar', length: 4000, nullable: true })
  businessScope: string | null;

  @Column({ name: 'legal_rep_id_number', type: 'varchar', length: 18, nullable: true })
  legalRepresentativeIdNumber: string | null;
}
