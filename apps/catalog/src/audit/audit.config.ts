import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export const DEFAULT_AUDIT_KEY_FILE = '.data/access-log.key';
export const DEFAULT_CHECKPOINT_FILE = '.data/access-log-checkpoints.ndjson';

/**
 * Settings of the access log's seal, read at boot. The key is read by loadAuditKey, not validated
 * here: a validation message would quote the value, and the key must never reach a log.
 */
export class AuditConfig {
  /** The audit key itself, as hex (≥ 64 characters: `openssl rand -hex 32`). Exclusive with HUB_AUDIT_KEY_FILE. */
  @IsOptional()
  @IsString()
  HUB_AUDIT_KEY?: string = undefined;

  /**
   * A file holding the audit key as hex, owner-only (mode 0600); created with a random key when
   * missing. Default (without HUB_AUDIT_KEY): `.data/access-log.key`.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  HUB_AUDIT_KEY_FILE?: string = undefined;

  /** How often a checkpoint is written when the chain head moved (and always at shutdown). */
  @IsInt()
  @Min(1_000)
  @Max(86_400_000)
  AUDIT_CHECKPOINT_MS = 60_000;

  /** The append-only file of signed checkpoints (NDJSON), outside the database. */
  @IsString()
  @MinLength(1)
  AUDIT_CHECKPOINT_FILE = DEFAULT_CHECKPOINT_FILE;
}
