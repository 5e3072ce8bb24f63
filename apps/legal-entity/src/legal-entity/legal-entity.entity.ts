import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';

/**
 * One legal entity as the legal-entity library (法人库) holds it: the authoritative record from its
 * single source department (一数一源), keyed by its USCC. `version` is the source record's version:
 * writes with an older one are refused, a replay of the same one changes nothing.
 */
@Entity({ name: 'legal_entity' })
@Unique('legal_entity_source_record_uq', ['sourceSystem', 'sourceRecordId'])
@Index('legal_entity_name_trgm_idx', { synchronize: false })
export class LegalEntityRow {
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

  @Column({ name: 'source_department', type: 'varchar', length: 18 })
  sourceDepartment: string;

  @Column({ name: 'source_system', type: 'varchar', length: 64 })
  sourceSystem: string;

  @Column({ name: 'source_record_id', type: 'varchar', length: 128 })
  sourceRecordId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** SHA-256 of the business fields: tells a real change from a re-sent identical record. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  /** Values as received of fields normalised on the way in (addresses); null when none was changed. */
  @Column({ type: 'jsonb', nullable: true })
  originals: Record<string, string> | null;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
