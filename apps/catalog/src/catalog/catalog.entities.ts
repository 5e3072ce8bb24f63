import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CLASSIFICATION_MAX_LENGTH, RESOURCE_CODE_MAX_LENGTH } from '@hub/policy';

/** A catalog resource (政务信息资源) with the national core metadata; its data items are rows of data_item. */
@Entity({ name: 'resource' })
export class ResourceRow {
  @PrimaryColumn({ type: 'varchar', length: RESOURCE_CODE_MAX_LENGTH })
  code: string;

  @Index('resource_classification_idx')
  @Column({ type: 'varchar', length: CLASSIFICATION_MAX_LENGTH })
  classification: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index('resource_provider_idx')
  @Column({ name: 'provider_uscc', type: 'varchar', length: 18 })
  providerUscc: string;

  @Column({ type: 'varchar', length: 2000 })
  summary: string;

  @Column({ type: 'varchar', length: 24 })
  format: string;

  @Column({ name: 'sharing_type', type: 'varchar', length: 16 })
  sharingType: string;

  @Column({ name: 'sharing_conditions', type: 'varchar', length: 2000, nullable: true })
  sharingConditions: string | null;

  @Column({ name: 'sharing_method', type: 'varchar', length: 8 })
  sharingMethod: string;

  @Column({ name: 'open_attribute', type: 'varchar', length: 24 })
  openAttribute: string;

  @Column({ name: 'update_cycle', type: 'varchar', length: 16 })
  updateCycle: string;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ name: 'related_codes', type: 'varchar', length: RESOURCE_CODE_MAX_LENGTH, array: true })
  relatedCodes: string[];

  @Column({ type: 'varchar', length: 12 })
  status: string;

  /** Raised by every change; resource_version keeps each version. */
  @Column({ type: 'integer' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A data item (信息项) of a resource and the graph fields it governs. */
@Entity({ name: 'data_item' })
export class DataItemRow {
  @PrimaryColumn({ name: 'resource_code', type: 'varchar', length: RESOURCE_CODE_MAX_LENGTH })
  resourceCode: string;

  @PrimaryColumn({ type: 'integer' })
  no: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'data_type', type: 'varchar', length: 16 })
  dataType: string;

  // GIN, made by the migration: TypeORM cannot declare one.
  @Index('data_item_fields_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 200, array: true })
  fields: string[];

  /** Argument coordinates the item governs (`Query.searchPersons(filter.name)`): filtering or looking up by them reads it. */
  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  arguments: string[];

  @Column({ type: 'varchar', length: 24 })
  sensitivity: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  masking: string | null;

  /** What the values are (DataClass); null only for items stored before data classes existed, which the governance check then names. */
  @Column({ name: 'data_class', type: 'varchar', length: 24, nullable: true })
  dataClass: string | null;

  /** When `masking` does not apply: `{ field, values }` (a sibling field and the values that exempt). */
  @Column({ name: 'mask_unless', type: 'jsonb', nullable: true })
  maskUnless: { field: string; values: string[] } | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;
}

/** Every version of every resource: who changed what, when (the resource as it was, items included). */
@Entity({ name: 'resource_version' })
export class ResourceVersionRow {
  @PrimaryColumn({ name: 'resource_code', type: 'varchar', length: RESOURCE_CODE_MAX_LENGTH })
  resourceCode: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  /** created, updated, published, retired */
  @Column({ type: 'varchar', length: 16 })
  change: string;

  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  /** The fields of the resource that changed (names), empty for a state change alone. */
  @Column({ name: 'changed_fields', type: 'varchar', length: 64, array: true })
  changedFields: string[];

  @Column({ name: 'changed_by', type: 'varchar', length: 12, nullable: true })
  changedBy: string | null;

  @Column({ name: 'changed_by_name', type: 'varchar', length: 200 })
  changedByName: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
