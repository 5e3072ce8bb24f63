import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One item of a subject's archive (一档): an e-licence (电子证照, with its GB/T 36904 identifier) or
 * a material a subject submitted with a case (a lease, a floor plan …). Its content is stored once,
 * by SHA-256, after a streamed upload.
 */
@Entity({ name: 'material' })
@Index('material_subject_idx', ['subjectId', 'materialType'])
export class MaterialRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** PERSON or LEGAL_ENTITY */
  @Column({ name: 'subject_type', type: 'varchar', length: 12 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 18 })
  subjectId: string;

  /** ELICENCE or MATERIAL */
  @Column({ type: 'varchar', length: 12 })
  kind: string;

  /** For an e-licence its licence type code; for a material its material type (see schemas/once-only/material-types.json). */
  @Column({ name: 'material_type', type: 'varchar', length: 64 })
  materialType: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The department that issued the licence, or received the material. */
  @Column({ name: 'issuer_uscc', type: 'varchar', length: 18 })
  issuerUscc: string;

  /** 电子证照标识 (GB/T 36904), e-licences only. */
  @Index('material_licence_id_key', { unique: true })
  @Column({ name: 'licence_id', type: 'varchar', length: 200, nullable: true })
  licenceId: string | null;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  /** Last day of validity (inclusive, China time); null: no end. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  /** VALID, REVOKED, CANCELLED, EXPIRED, SUPERSEDED */
  @Index('material_status_idx')
  @Column({ type: 'varchar', length: 12 })
  status: string;

  /** The material or licence that replaced this one (status SUPERSEDED). */
  @Column({ name: 'superseded_by', type: 'uuid', nullable: true })
  supersededBy: string | null;

  /** SHA-256 (hex) of the content: declared when filed (e-licences) or computed on upload. */
  @Column({ name: 'content_sha256', type: 'varchar', length: 64, nullable: true })
  contentSha256: string | null;

  @Column({ name: 'content_size', type: 'bigint', nullable: true })
  contentSize: string | null;

  @Column({ name: 'content_type', type: 'varchar', length: 100, nullable: true })
  contentType: string | null;

  @Column({ name: 'content_stored_at', type: 'timestamptz', nullable: true })
  contentStoredAt: Date | null;

  /** Provenance: the case (办件编号) and service item it came with. */
  @Column({ name: 'case_number', type: 'varchar', length: 64, nullable: true })
  caseNumber: string | null;

  @Column({ name: 'service_item_code', type: 'varchar', length: 64, nullable: true })
  serviceItemCode: string | null;

  @Column({ name: 'filed_by_department', type: 'varchar', length: 18 })
  filedByDepartment: string;

  @Column({ name: 'filed_by_system', type: 'varchar', length: 64, nullable: true })
  filedBySystem: string | null;

  @Column({ name: 'filed_by_key', type: 'varchar', length: 12 })
  filedByKey: string;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt: Date;
}

/** The status history of a material or licence: every change, who made it and why. */
@Entity({ name: 'material_status_change' })
export class MaterialStatusChangeRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('material_status_change_material_idx')
  @Column({ name: 'material_id', type: 'uuid' })
  materialId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 12, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 12 })
  toStatus: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'superseded_by', type: 'uuid', nullable: true })
  supersededBy: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  /** The key that made the change; null when the hub did (a licence past its validity). */
  @Column({ name: 'changed_by_key', type: 'varchar', length: 12, nullable: true })
  changedByKey: string | null;

  @Column({ name: 'changed_by_department', type: 'varchar', length: 18, nullable: true })
  changedByDepartment: string | null;
}
