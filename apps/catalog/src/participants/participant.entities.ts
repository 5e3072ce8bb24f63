import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A department (部门), identified by its USCC. */
@Entity({ name: 'department' })
export class DepartmentRow {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'division_code', type: 'varchar', length: 6 })
  divisionCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A business system of a department (部门系统): the hub's API clients hold keys per system. */
@Entity({ name: 'department_system' })
export class DepartmentSystemRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Index('department_system_department_idx')
  @Column({ name: 'department_uscc', type: 'varchar', length: 18 })
  departmentUscc: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Requests per minute the gateway lets the system's keys send together; null: the gateway's default (RATE_LIMIT_PER_MINUTE). */
  @Column({ name: 'rate_limit_per_minute', type: 'integer', nullable: true })
  rateLimitPerMinute: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A hub-issued API key. Only the SHA-256 of its secret is kept; the key itself is shown once.
 * A key expires, and can be revoked (with who and why) — it is never deleted, so the audit trail
 * keeps naming it.
 */
@Entity({ name: 'api_key' })
export class ApiKeyRow {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  id: string;

  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ type: 'varchar', length: 16, array: true })
  roles: string[];

  @Index('api_key_department_idx')
  @Column({ name: 'department_uscc', type: 'varchar', length: 18, nullable: true })
  departmentUscc: string | null;

  @Index('api_key_system_idx')
  @Column({ name: 'system_code', type: 'varchar', length: 64, nullable: true })
  systemCode: string | null;

  @Column({ name: 'holder_name', type: 'varchar', length: 200 })
  holderName: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  /** The key id of whoever issued it; null for keys made by the hub itself (demo seed). */
  @Column({ name: 'issued_by', type: 'varchar', length: 12, nullable: true })
  issuedBy: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 12, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;
}
