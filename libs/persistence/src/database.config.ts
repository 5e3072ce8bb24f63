import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/**
 * The database settings every app reads. Without DATABASE_URL the hub runs on the embedded database.
 * DATABASE_URL and DATABASE_PASSWORD may each come from a file instead (`…_FILE`, see resolveDatabase).
 */
export class DatabaseConfig {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string = undefined;

  /**
   * The password, when DATABASE_URL carries none (docker-compose.yml: from the postgres_password
   * secret through DATABASE_PASSWORD_FILE, so the URL itself is not secret).
   */
  @IsOptional()
  @IsString()
  DATABASE_PASSWORD?: string = undefined;

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Where the embedded database keeps its files and its owner-only socket (only used without DATABASE_URL). */
  @IsString()
  EMBEDDED_DATA_DIR = '.data/pglite';
}
