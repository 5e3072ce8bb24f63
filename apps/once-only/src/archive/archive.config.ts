import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';

/** Settings of the archive (一档管理), read from the environment at boot. */
export class ArchiveConfig {
  /**
   * Where contents are stored, content-addressed (`<dir>/<sha[0:2]>/<sha>`), with uploads in
   * progress under `<dir>/tmp`. Relative paths are taken from the working directory.
   */
  @IsString()
  @MinLength(1)
  ARCHIVE_DIR = '.data/archive';

  /** The largest content one upload may carry, in bytes (20 MiB: a scanned licence or a plan, not a video). */
  @IsInt()
  @Min(1)
  @Max(1024 ** 3)
  ARCHIVE_MAX_CONTENT_BYTES = 20 * 1024 * 1024;

  /** How often licences past their validity are marked EXPIRED (also once at boot). */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  ARCHIVE_EXPIRY_SWEEP_MS = 60_000;
}
